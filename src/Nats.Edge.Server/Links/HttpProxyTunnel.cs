using System.Net.Sockets;

namespace Nats.Edge.Server.Links;

/// <summary>
/// Opens a TCP tunnel through an HTTP proxy with the CONNECT method, for a board whose network lets
/// nothing out but through a proxy: once the proxy answers 200 the socket reaches the hub, and
/// TLS, WebSocket and the leafnode protocol run over it as over a direct connection.
/// </summary>
internal static class HttpProxyTunnel
{
    // A proxy's answer is a status line and a few headers; anything longer is not a proxy answering.
    private const int MaxAnswerBytes = 16 * 1024;

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
        var status = await ReadStatusAsync(socket, cancellationToken).ConfigureAwait(false);
        if (!status.StartsWith("HTTP/1.", StringComparison.Ordinal) || status.Length < 12 || status.AsSpan(9, 3) is not "200")
        {
            throw new IOException($"proxy CONNECT failed: {(status.Length > 9 ? status[9..] : status)}");
        }
    }

    // Reads the answer up to its blank line and not a byte further: what follows is the hub's.
    private static async Task<string> ReadStatusAsync(Socket socket, CancellationToken cancellationToken)
    {
        var answer = new List<byte>(256);
        var one = new byte[1];
        while (answer.Count < 4 || answer[^1] != '\n' || answer[^2] != '\r' || answer[^3] != '\n' || answer[^4] != '\r')
        {
            if (answer.Count >= MaxAnswerBytes)
            {
                throw new IOException("failed to read proxy response: no end of headers");
            }

            if (await socket.ReceiveAsync(one, cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new IOException("failed to read proxy response: the proxy closed the connection");
            }

            answer.Add(one[0]);
        }

        var text = Encoding.ASCII.GetString([.. answer]);
        return text[..text.IndexOf('\r', StringComparison.Ordinal)];
    }
}
