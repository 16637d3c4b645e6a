using System.Buffers;
using System.Globalization;
using System.Text;
using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Tests.Unit.Protocol;

/// <summary>
/// Stands in for the client connection: writes every callback down as one line of text, so a test
/// compares a whole parse with a list of strings. CR, LF and TAB are shown escaped.
/// </summary>
internal sealed class RecordingOpHandler : IControlOpHandler
{
    public List<string> Calls { get; } = [];

    /// <summary>
    /// For each publish, the MSG/HMSG line a header-capable subscription with sid 1 would be sent:
    /// shows what the size tokens become on the wire.
    /// </summary>
    public List<string> Deliveries { get; } = [];

    public bool HeadersEnabled { get; set; } = true;

    /// <summary>Decides <see cref="Admit"/>; admits everything unless a test says otherwise.</summary>
    public Func<ClientOp, bool> Admits { get; set; } = static _ => true;

    // The real connection closes on every protocol error; the reader must stop reading then.
    public bool IsClosing { get; private set; }

    public bool Admit(ClientOp op)
    {
        if (Admits(op))
        {
            return true;
        }

        Calls.Add("REFUSED " + op);
        return false;
    }

    // CONNECT, INFO and -ERR: the handler's JSON reader skips blanks, so where the reader cuts them
    // off is not a behaviour worth pinning down.
    public void OnConnect(ReadOnlySpan<byte> json) => Calls.Add("CONNECT " + Trimmed(json));

    public void OnInfo(ReadOnlySpan<byte> json) => Calls.Add("INFO " + Trimmed(json));

    public void OnErr(ReadOnlySpan<byte> text) => Calls.Add("-ERR " + Trimmed(text));

    public void OnPing() => Calls.Add("PING");

    public void OnPong() => Calls.Add("PONG");

    public void OnSub(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue, ReadOnlySpan<byte> sid) =>
        Calls.Add(queue.IsEmpty
            ? $"SUB {Text(subject)} {Text(sid)}"
            : $"SUB {Text(subject)} {Text(queue)} {Text(sid)}");

    public void OnUnsub(ReadOnlySpan<byte> sid, int max) =>
        Calls.Add($"UNSUB {Text(sid)} {max.ToString(CultureInfo.InvariantCulture)}");

    // PUB foo [reply] <size tokens> [payload], HPUB likewise with a '|' where the header block ends.
    public void OnPublish(in InboundMessage message)
    {
        Calls.Add($"{(message.HasHeaders ? "HPUB" : "PUB")} {Describe(message, default, queueForm: false)}");

        var line = new byte[MessageLine.MaxLength(message, "1"u8)];
        var written = MessageLine.Write(line, message, "1"u8, withHeaders: true);
        Deliveries.Add(Text(line.AsSpan(0, written)));
    }

    public void OnLeafSub(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue, int weight) =>
        Calls.Add(queue.IsEmpty ? $"LS+ {Text(subject)}" : $"LS+ {Text(subject)} {Text(queue)} {weight.ToString(CultureInfo.InvariantCulture)}");

    public void OnLeafUnsub(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue) =>
        Calls.Add(queue.IsEmpty ? $"LS- {Text(subject)}" : $"LS- {Text(subject)} {Text(queue)}");

    // LMSG/HMSG subject [reply] (queues: …) <size tokens> [payload].
    public void OnLeafMessage(in InboundMessage message, ReadOnlySpan<byte> queues, bool queueForm) =>
        Calls.Add($"{(message.HasHeaders ? "HMSG" : "LMSG")} {Describe(message, queues, queueForm)}");

    public void OnRouteSub(ReadOnlySpan<byte> account, ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue, int weight) =>
        Calls.Add(queue.IsEmpty
            ? $"RS+ {Text(account)} {Text(subject)}"
            : $"RS+ {Text(account)} {Text(subject)} {Text(queue)} {weight.ToString(CultureInfo.InvariantCulture)}");

    public void OnRouteUnsub(ReadOnlySpan<byte> account, ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue) =>
        Calls.Add(queue.IsEmpty ? $"RS- {Text(account)} {Text(subject)}" : $"RS- {Text(account)} {Text(subject)} {Text(queue)}");

    // RMSG/HMSG account subject [reply] (queues: …) <size tokens> [payload].
    public void OnRouteMessage(ReadOnlySpan<byte> account, in InboundMessage message, ReadOnlySpan<byte> queues, bool queueForm) =>
        Calls.Add($"{(message.HasHeaders ? "HMSG" : "RMSG")} {Text(account)} {Describe(message, queues, queueForm)}");

    public void OnProtocolError(ProtocolError error)
    {
        Calls.Add("ERR:" + error);
        IsClosing = true;
    }

    // subject [reply] (queues: …) <size tokens> [payload], a '|' where a header block ends.
    private static string Describe(in InboundMessage message, ReadOnlySpan<byte> queues, bool queueForm)
    {
        var data = message.Data.ToArray();
        var body = message.HasHeaders
            ? Text(data.AsSpan(0, message.HeaderSize)) + "|" + Text(data.AsSpan(message.HeaderSize))
            : Text(data);
        var reply = message.Reply.IsEmpty ? "" : Text(message.Reply) + " ";
        var groups = queueForm ? $"(queues: {Text(queues)}) " : "";
        return $"{Text(message.Subject)} {reply}{groups}{Text(message.SizeTokens)} [{body}]";
    }

    private static string Trimmed(ReadOnlySpan<byte> bytes) => Text(bytes.Trim(" \t"u8));

    private static string Text(ReadOnlySpan<byte> bytes) =>
        Encoding.UTF8.GetString(bytes).Replace("\r", "\\r", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\t", "\\t", StringComparison.Ordinal);
}
