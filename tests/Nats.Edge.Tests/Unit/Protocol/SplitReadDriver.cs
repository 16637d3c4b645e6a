using System.Buffers;
using System.Text;
using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Tests.Unit.Protocol;

/// <summary>
/// Feeds a dialect's reader the way the receive loop does: what the reader left
/// unconsumed is kept, the next read's bytes are appended, the reader sees both as one sequence,
/// and whatever it leaves is kept again. Stops feeding once the handler is closing, as the loop does.
/// </summary>
internal sealed class SplitReadDriver
{
    private readonly ClientReader _client;
    private readonly LeafReader _leaf;
    private readonly RouteReader _route;
    private readonly ProtocolDialect _dialect;
    private readonly BufferShape _shape;
    private readonly List<byte[]> _unconsumed = [];

    public SplitReadDriver(BufferShape shape, ReaderSetup? setup = null)
    {
        setup ??= ReaderSetup.Default;
        _shape = shape;
        _dialect = setup.Dialect;
        _client = new ClientReader(setup.MaxControlLine, setup.MaxPayload);
        _leaf = new LeafReader(setup.MaxControlLine, setup.MaxPayload);
        _route = new RouteReader(setup.MaxControlLine, setup.MaxPayload);
        Handler = new RecordingOpHandler { HeadersEnabled = setup.HeadersEnabled };
    }

    public RecordingOpHandler Handler { get; }

    public IReadOnlyList<string> Calls => Handler.Calls;

    /// <summary>The bytes the reader has not consumed yet, as text.</summary>
    public string Unconsumed => Encoding.UTF8.GetString([.. _unconsumed.SelectMany(static part => part)]);

    public void Feed(string text) => Feed(Encoding.UTF8.GetBytes(text));

    /// <summary>One socket read that brought <paramref name="bytes"/>.</summary>
    public void Feed(ReadOnlySpan<byte> bytes)
    {
        if (Handler.IsClosing || bytes.IsEmpty)
        {
            return;
        }

        switch (_shape)
        {
            case BufferShape.Contiguous:
                byte[] merged = [.. _unconsumed.SelectMany(static part => part), .. bytes];
                _unconsumed.Clear();
                _unconsumed.Add(merged);
                break;
            case BufferShape.SegmentPerRead:
                _unconsumed.Add(bytes.ToArray());
                break;
            case BufferShape.SegmentPerByte:
                foreach (var b in bytes)
                {
                    _unconsumed.Add([b]);
                }

                break;
        }

        var buffer = BufferSegment.Chain(_unconsumed);
        var handler = new RecordingOps(Handler);
        switch (_dialect)
        {
            case ProtocolDialect.Leaf:
                _leaf.Read(ref buffer, handler);
                break;
            case ProtocolDialect.Route:
                _route.Read(ref buffer, handler);
                break;
            default:
                _client.Read(ref buffer, handler);
                break;
        }

        // Keep the leftover's own segment boundaries, as a pipe keeps its unconsumed segments.
        _unconsumed.Clear();
        foreach (var segment in buffer)
        {
            if (!segment.IsEmpty)
            {
                _unconsumed.Add(segment.ToArray());
            }
        }
    }

    /// <summary>Feeds <paramref name="input"/> as consecutive reads cut at the given byte offsets.</summary>
    public IReadOnlyList<string> FeedCutAt(byte[] input, IReadOnlyList<int> cuts)
    {
        var start = 0;
        foreach (var cut in cuts)
        {
            Feed(input.AsSpan(start, cut - start));
            start = cut;
        }

        Feed(input.AsSpan(start));
        return Calls;
    }
}
