using System.Buffers.Text;

namespace Nats.Edge.Server.Protocol;

/// <summary>
/// Writes the control line of a delivery:
/// <c>MSG &lt;subject&gt; &lt;sid&gt; [reply] &lt;size&gt;␍␊</c> or
/// <c>HMSG &lt;subject&gt; &lt;sid&gt; [reply] &lt;hdr&gt; &lt;total&gt;␍␊</c>.
/// </summary>
internal static class MessageLine
{
    // Room for "HMSG ", four separators, CR LF and two formatted sizes of up to ten digits.
    private const int Overhead = 5 + 4 + 2 + 22;

    /// <summary>An upper bound on the line's length, to size the destination.</summary>
    public static int MaxLength(in InboundMessage message, ReadOnlySpan<byte> sid) =>
        Overhead + message.Subject.Length + sid.Length + message.Reply.Length + message.SizeTokens.Length;

    /// <summary>
    /// Writes the line and returns its length. With <paramref name="withHeaders"/> false a message
    /// that has headers is announced as MSG with the header block left out (its size reformatted),
    /// for subscribers that did not ask for headers.
    /// </summary>
    public static int Write(Span<byte> destination, in InboundMessage message, ReadOnlySpan<byte> sid, bool withHeaders)
    {
        var hmsg = message.HasHeaders && withHeaders;
        var written = Append(destination, 0, hmsg ? "HMSG "u8 : "MSG "u8);
        written = Append(destination, written, message.Subject);
        destination[written++] = (byte)' ';
        written = Append(destination, written, sid);
        destination[written++] = (byte)' ';
        if (!message.Reply.IsEmpty)
        {
            written = Append(destination, written, message.Reply);
            destination[written++] = (byte)' ';
        }

        if (message.HasHeaders && !withHeaders)
        {
            Utf8Formatter.TryFormat(message.Data.Length - message.HeaderSize, destination[written..], out var digits);
            written += digits;
        }
        else
        {
            written = Append(destination, written, message.SizeTokens);
        }

        destination[written++] = (byte)'\r';
        destination[written++] = (byte)'\n';
        return written;
    }

    private static int Append(Span<byte> destination, int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(destination[at..]);
        return at + bytes.Length;
    }
}
