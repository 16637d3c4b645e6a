using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>One hand-written HTTP request on a fresh connection, and the head of the answer: for pinning a WebSocket upgrade's answers byte by byte.</summary>
public static class RawHttp
{
    /// <summary>
    /// Sends <paramref name="request"/> (CRLFs included) to 127.0.0.1:<paramref name="port"/> and returns
    /// the answer's head up to its blank line, or what came before the server closed (empty: it said nothing).
    /// </summary>
    public static async Task<string> SendAsync(int port, string request)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(TestTimeouts.Reply);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), timeout.Token);
        await socket.SendAsync(Encoding.Latin1.GetBytes(request), SocketFlags.None, timeout.Token);
        var answer = new StringBuilder();
        var buffer = new byte[4096];
        while (!answer.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            if (read == 0)
            {
                break;
            }

            answer.Append(Encoding.Latin1.GetString(buffer, 0, read));
        }

        var text = answer.ToString();
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }

    /// <summary>An upgrade request to <paramref name="path"/> with RFC 6455's sample key, less the headers named in <paramref name="without"/>, plus <paramref name="extra"/> lines.</summary>
    public static string Upgrade(int port, string path = "/", string method = "GET", string[]? without = null, params string[] extra)
    {
        var headers = new List<string>
        {
            $"Host: 127.0.0.1:{port}",
            "Upgrade: websocket",
            "Connection: Upgrade",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
            "Sec-WebSocket-Version: 13",
        };
        headers.RemoveAll(header => without?.Any(name => header.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)) == true);
        headers.AddRange(extra);
        return $"{method} {path} HTTP/1.1\r\n{string.Join("\r\n", headers)}\r\n\r\n";
    }
}
