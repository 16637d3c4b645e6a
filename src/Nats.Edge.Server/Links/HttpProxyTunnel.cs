using System.Net.Sockets;

namespace Nats.Edge.Server.Links;

/// <summary>
/// Opens a TCP tunnel through an HTTP proxy with the CONNECT method, for a board whose network lets
/// nothing out but through a proxy: once the proxy answers 200 the socket reaches the hub, and
/// TLS, WebSocket and the leafnode protocol run over it as over a direct connection.
/// </summary>
internal static class HttpProxyTunnel
{
    /// <summary>Connects <paramref name="socket"/> to the proxy and through it to <paramref name="host"/>:<paramref name="port"/>; throws saying which step failed.</summary>
    public static async Task OpenAsync(Socket socket, ProxyOptions proxy, string host, int port, CancellationToken cancellationToken)
    {
        try
        {
            await socket.ConnectAsync(proxy.Url.Host, proxy.Url.IsDefaultPort ? 80 : proxy.Url.Port, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException error)
        {
            throw new IOException($"failed to connect to proxy: {error.Message}", error);
        }

        var target = $"{(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)}:{port}";
        var request = new StringBuilder()
            .Append("CONNECT ").Append(target).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(target).Append("\r\n");
        if (proxy.Username is { } user && proxy.Password is { } password)
        {
            request.Append("Proxy-Authorization: Basic ")
                .Append(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"))).Append("\r\n");
        }

        await socket.SendAsync(Encoding.ASCII.GetBytes(request.Append("\r\n").ToString()), cancellationToken).ConfigureAwait(false);
        var status = (await ReadAnswerAsync(socket, cancellationToken).ConfigureAwait(false)).StartLine;
        if (!status.StartsWith("HTTP/1.", StringComparison.Ordinal) || status.Split(' ') is not [_, "200", ..])
        {
            throw new IOException($"proxy CONNECT failed: {(status.Length > 9 ? status[9..] : status)}");
        }
    }

    // A byte at a time, up to the blank line and not a byte further: what follows is the hub's.
    private static async Task<WebSockets.HttpHead> ReadAnswerAsync(Socket socket, CancellationToken cancellationToken)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        try
        {
            return await WebSockets.HttpHead.ReadAsync(stream, chunk: 1, cancellationToken).ConfigureAwait(false)
                ?? throw new IOException("failed to read proxy response: the proxy closed the connection");
        }
        catch (InvalidDataException error)
        {
            throw new IOException($"failed to read proxy response: {error.Message}", error);
        }
    }
}
