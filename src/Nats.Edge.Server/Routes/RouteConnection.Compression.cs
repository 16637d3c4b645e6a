using System.Diagnostics;
using Nats.Edge.Server.Compression;
using Nats.Edge.Server.Links;

namespace Nats.Edge.Server.Routes;

/// <summary>
/// Agreeing on S2 with the peer before the loops run, as nats-server 2.10 does on routes.
/// <list type="bullet">
/// <item>The dialling side holds its INFO back until the accepting side's INFO has named its mode. It
/// answers with the mode it chose and, when that compresses, switches to S2 right after that line and
/// sends its INFO again, compressed.</item>
/// <item>The accepting side reads CONNECT and the dialler's INFO. When the two modes call for
/// compression it switches right after that INFO and sends its own again, compressed.</item>
/// </list>
/// Each side's plain INFO is then only its offer; the compressed ones set the route up. With a peer
/// that knows no compression (nats-server 2.9), or modes that call for none, nothing switches and every
/// line read is left for the loops.
/// </summary>
internal sealed partial class RouteConnection
{
    private S2Stream? _compressed;

    /// <summary>What this route runs with: <c>not supported</c> (an older peer), <c>off</c>, or an S2 level.</summary>
    public string Compression { get; private set; } = CompressionModes.NotSupported;

    /// <summary>The S2 stream under the loops when the route compresses, with its byte counts.</summary>
    public S2Stream? CompressedStream => _compressed;

    private CompressionOptions OwnCompression => Server.Cluster!.Options.Compression;

    public override async ValueTask<Stream> BeginAsync(Stream stream)
    {
        var own = OwnCompression;
        if (!LinkCompression.Negotiates(own.Mode))
        {
            return stream;
        }

        using var deadline = new CancellationTokenSource(HandshakeTimeout);
        await Transport.WriteQueuedAsync(stream, deadline.Token).ConfigureAwait(false);
        return IsSolicited
            ? await AgreeAsDiallerAsync(stream, own, deadline.Token).ConfigureAwait(false)
            : await AgreeAsAcceptorAsync(stream, own, deadline.Token).ConfigureAwait(false);
    }

    private async Task<Stream> AgreeAsDiallerAsync(Stream stream, CompressionOptions own, CancellationToken cancellationToken)
    {
        // Anything but an INFO first (an -ERR) is the loops' to handle; the INFO still goes out.
        var (read, length) = await FirstLine.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        var json = FirstLine.InfoJson(read.AsSpan(0, length));
        Compression = LinkCompression.Choose(own, json.IsEmpty ? null : RouteInfo.Parse(json)?.Compression, Stopwatch.GetElapsedTime(Started));
        var info = RouteInfoWriter.Write(Server, nonce: null, LinkCompression.ForInfo(own, Compression));
        await stream.WriteAsync(info, cancellationToken).ConfigureAwait(false);
        if (!LinkCompression.Compresses(Compression))
        {
            return new ReplayStream(read, stream);
        }

        // The peer's plain INFO was its offer: it sends it again once it has switched.
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        return await SwitchAsync(new ReplayStream(read.AsMemory(length), stream), info, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Stream> AgreeAsAcceptorAsync(Stream stream, CompressionOptions own, CancellationToken cancellationToken)
    {
        var (read, connectLength) = await FirstLine.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        if (!FirstLine.IsConnect(read.AsSpan(0, connectLength)))
        {
            // The loops refuse a dialler whose first word is not CONNECT.
            return new ReplayStream(read, stream);
        }

        var (rest, infoLength) = await FirstLine.ReadAsync(stream, read.AsMemory(connectLength), cancellationToken).ConfigureAwait(false);
        var json = FirstLine.InfoJson(rest.AsSpan(0, infoLength));
        Compression = LinkCompression.Choose(own, json.IsEmpty ? null : RouteInfo.Parse(json)?.Compression, Stopwatch.GetElapsedTime(Started));
        if (!LinkCompression.Compresses(Compression))
        {
            return new ReplayStream((byte[])[.. read.AsSpan(0, connectLength), .. rest], stream);
        }

        // CONNECT still goes to the loops, which check the login; the dialler's INFO was its offer,
        // and it sends it again compressed. Everything it sent after that line is S2.
        var info = RouteInfoWriter.Write(Server, nonce: null, LinkCompression.ForInfo(own, Compression));
        var compressed = await SwitchAsync(new ReplayStream(rest.AsMemory(infoLength), stream), info, cancellationToken).ConfigureAwait(false);
        return new ReplayStream(read.AsMemory(0, connectLength), compressed);
    }

    // From here on both ways are S2 frames; this side's INFO is the first thing in them.
    private async Task<Stream> SwitchAsync(Stream plain, byte[] info, CancellationToken cancellationToken)
    {
        var compressed = new S2Stream(plain, store: Compression == CompressionModes.S2Uncompressed);
        await compressed.WriteAsync(info, cancellationToken).ConfigureAwait(false);
        await compressed.FlushAsync(cancellationToken).ConfigureAwait(false);
        _compressed = compressed;
        return compressed;
    }
}
