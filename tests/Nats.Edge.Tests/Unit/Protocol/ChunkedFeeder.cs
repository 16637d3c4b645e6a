using System.Buffers;
using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Tests.Unit.Protocol;

/// <summary>
/// Feeds bytes to the reader the way a connection does: what the reader leaves unconsumed is kept and
/// the next read is appended to it. Optionally hands the reader every byte as its own pipe segment,
/// so lines and payloads straddle segment boundaries.
/// </summary>
internal static class ChunkedFeeder
{
    public static RecordingHandler Feed(byte[] input, IEnumerable<int> cuts, bool segmentPerByte = false, RecordingHandler? handler = null)
    {
        handler ??= new RecordingHandler();
        var reader = new ClientProtocolReader(maxControlLine: 4096, maxPayload: 1024);
        var pending = Array.Empty<byte>();
        var start = 0;
        foreach (var cut in cuts.Append(input.Length))
        {
            pending = [.. pending, .. input.AsSpan(start, cut - start)];
            start = cut;
            var buffer = segmentPerByte ? Segments.OnePerByte(pending) : new ReadOnlySequence<byte>(pending);
            reader.Read(ref buffer, handler);
            pending = buffer.ToArray();
            if (handler.IsClosing)
            {
                break;
            }
        }

        return handler;
    }

    public static RecordingHandler Whole(byte[] input, RecordingHandler? handler = null) => Feed(input, [], handler: handler);
}
