using System.Text;
using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Tests.Unit.Protocol;

/// <summary>Writes down every callback as one readable line, so tests compare what the reader saw.</summary>
internal sealed class RecordingHandler : IClientOpHandler
{
    public List<string> Seen { get; } = [];

    public bool HeadersEnabled { get; init; } = true;

    /// <summary>Ops the handler refuses (the auth gate); refusing stops the reader like a real close.</summary>
    public HashSet<ClientOp> Refused { get; init; } = [];

    public bool IsClosing { get; private set; }

    public bool Admit(ClientOp op)
    {
        if (!Refused.Contains(op))
        {
            return true;
        }

        Seen.Add($"REFUSED {op}");
        IsClosing = true;
        return false;
    }

    public void OnConnect(ReadOnlySpan<byte> json) => Seen.Add($"CONNECT {Text(json)}");

    public void OnInfo(ReadOnlySpan<byte> json) => Seen.Add($"INFO {Text(json)}");

    public void OnPing() => Seen.Add("PING");

    public void OnPong() => Seen.Add("PONG");

    public void OnErr(ReadOnlySpan<byte> text) => Seen.Add($"-ERR {Text(text)}");

    public void OnSub(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue, ReadOnlySpan<byte> sid) =>
        Seen.Add(queue.IsEmpty ? $"SUB {Text(subject)} {Text(sid)}" : $"SUB {Text(subject)} {Text(queue)} {Text(sid)}");

    public void OnUnsub(ReadOnlySpan<byte> sid, int max) => Seen.Add($"UNSUB {Text(sid)} {max}");

    public void OnPublish(in InboundMessage message)
    {
        var reply = message.Reply.IsEmpty ? string.Empty : Text(message.Reply) + " ";
        var op = message.HasHeaders ? $"HPUB hdr={message.HeaderSize}" : "PUB";
        Seen.Add($"{op} {Text(message.Subject)} {reply}{Text(message.SizeTokens)} [{Encoding.ASCII.GetString(message.Data)}]");
    }

    public void OnProtocolError(ProtocolError error)
    {
        Seen.Add($"ERROR {error}");
        IsClosing = true;
    }

    private static string Text(ReadOnlySpan<byte> bytes) => Encoding.ASCII.GetString(bytes);
}
