namespace Nats.Edge.Server.Protocol;

/// <summary>
/// Recognises a client op name at the start of a control line, letter by letter and case-insensitively,
/// the way nats-server's state machine does: an unexpected byte is an error as soon as it arrives, even
/// before the line is complete.
/// </summary>
internal static class OpNameReader
{
    /// <summary>
    /// Reads the op name from <paramref name="head"/>, which may be cut short anywhere.
    /// <paramref name="argumentsStart"/> is where the arguments begin (after the name and its blanks
    /// are not yet skipped: callers trim). The <paramref name="dialect"/> adds its own ops: a leaf's
    /// LS+, LS-, LMSG and HMSG, a route's RS+, RS-, RMSG and HMSG, a gateway's those and A+, A-; a client sending them gets
    /// nats-server's unknown-operation error. Every dialect knows the client ops, as nats-server's
    /// parser does for every kind of connection.
    /// </summary>
    public static OpNameStatus Read(ReadOnlySpan<byte> head, ProtocolDialect dialect, out ClientOp op, out int argumentsStart)
    {
        op = default;
        argumentsStart = 0;
        if (head.IsEmpty)
        {
            return OpNameStatus.Incomplete;
        }

        switch (Lower(head[0]))
        {
            case 'p':
                if (head.Length < 2)
                {
                    return OpNameStatus.Incomplete;
                }

                return Lower(head[1]) switch
                {
                    'u' => Match(head, "PUB"u8, ClientOp.Pub, needsBlank: true, out op, out argumentsStart),
                    'i' => Match(head, "PING"u8, ClientOp.Ping, needsBlank: false, out op, out argumentsStart),
                    'o' => Match(head, "PONG"u8, ClientOp.Pong, needsBlank: false, out op, out argumentsStart),
                    _ => OpNameStatus.Unknown,
                };
            case 'h':
                if (head.Length < 2)
                {
                    return OpNameStatus.Incomplete;
                }

                return Lower(head[1]) == 'm' && dialect != ProtocolDialect.Client
                    ? Match(head, "HMSG"u8, ClientOp.LeafHMsg, needsBlank: true, out op, out argumentsStart)
                    : Match(head, "HPUB"u8, ClientOp.HPub, needsBlank: true, out op, out argumentsStart);
            case 'l' when dialect == ProtocolDialect.Leaf:
                return ReadLinkOp(head, "LMSG"u8, "LS+"u8, "LS-"u8, out op, out argumentsStart);
            case 'r' when dialect is ProtocolDialect.Route or ProtocolDialect.Gateway:
                return ReadLinkOp(head, "RMSG"u8, "RS+"u8, "RS-"u8, out op, out argumentsStart);
            case 'a' when dialect == ProtocolDialect.Gateway:
                if (head.Length < 2)
                {
                    return OpNameStatus.Incomplete;
                }

                return head[1] == (byte)'-'
                    ? Match(head, "A-"u8, ClientOp.AccountUnsub, needsBlank: true, out op, out argumentsStart)
                    : Match(head, "A+"u8, ClientOp.AccountSub, needsBlank: true, out op, out argumentsStart);
            case 's':
                return Match(head, "SUB"u8, ClientOp.Sub, needsBlank: true, out op, out argumentsStart);
            case 'u':
                return Match(head, "UNSUB"u8, ClientOp.Unsub, needsBlank: true, out op, out argumentsStart);
            case 'c':
                return Match(head, "CONNECT"u8, ClientOp.Connect, needsBlank: false, out op, out argumentsStart);
            case 'i':
                return Match(head, "INFO"u8, ClientOp.Info, needsBlank: false, out op, out argumentsStart);
            case '+':
                return Match(head, "+OK"u8, ClientOp.Ok, needsBlank: false, out op, out argumentsStart);
            case '-':
                return Match(head, "-ERR"u8, ClientOp.Err, needsBlank: true, out op, out argumentsStart);
            default:
                return OpNameStatus.Unknown;
        }
    }

    // A leaf link's LMSG, LS+, LS- and a route's RMSG, RS+, RS-: the same three ops under their own letter.
    private static OpNameStatus ReadLinkOp(
        ReadOnlySpan<byte> head, ReadOnlySpan<byte> msgName, ReadOnlySpan<byte> subName, ReadOnlySpan<byte> unsubName, out ClientOp op, out int argumentsStart)
    {
        op = default;
        argumentsStart = 0;
        if (head.Length < 2)
        {
            return OpNameStatus.Incomplete;
        }

        if (Lower(head[1]) == 'm')
        {
            return Match(head, msgName, ClientOp.LeafMsg, needsBlank: true, out op, out argumentsStart);
        }

        if (head.Length < 3)
        {
            return Lower(head[1]) == 's' ? OpNameStatus.Incomplete : OpNameStatus.Unknown;
        }

        return head[2] == (byte)'-'
            ? Match(head, unsubName, ClientOp.LeafUnsub, needsBlank: true, out op, out argumentsStart)
            : Match(head, subName, ClientOp.LeafSub, needsBlank: true, out op, out argumentsStart);
    }

    private static OpNameStatus Match(
        ReadOnlySpan<byte> head, ReadOnlySpan<byte> name, ClientOp candidate, bool needsBlank, out ClientOp op, out int argumentsStart)
    {
        op = candidate;
        argumentsStart = name.Length;
        var compared = Math.Min(head.Length, name.Length);
        for (var i = 0; i < compared; i++)
        {
            if (Lower(head[i]) != Lower(name[i]))
            {
                return OpNameStatus.Unknown;
            }
        }

        if (head.Length <= name.Length)
        {
            return OpNameStatus.Incomplete;
        }

        // PUB, HPUB, SUB, UNSUB and -ERR need a blank before their arguments; PING, PONG, +OK ignore the
        // rest of the line, and CONNECT/INFO may run straight into their JSON.
        if (needsBlank && head[name.Length] is not ((byte)' ' or (byte)'\t'))
        {
            return OpNameStatus.Unknown;
        }

        return OpNameStatus.Known;
    }

    // Only letters fold: folding every byte would make CR look like '-'.
    private static int Lower(byte b) => b is >= (byte)'A' and <= (byte)'Z' ? b | 0x20 : b;
}
