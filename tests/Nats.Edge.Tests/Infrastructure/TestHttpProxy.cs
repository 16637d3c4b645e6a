using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>
/// A small HTTP CONNECT proxy on 127.0.0.1, as a corporate network's: it reads the CONNECT request,
/// checks Basic credentials when given some, answers 200 and relays bytes both ways to the target,
/// or answers with <see cref="Refusal"/> instead. It keeps every request line it was sent.
/// </summary>
public sealed class TestHttpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly string? _credentials;
    private readonly Task _accepting;
    private readonly List<string> _requests = [];

    public TestHttpProxy(string? username = null, string? password = null)
    {
        _credentials = username is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>A status line to answer every CONNECT with, such as "403 Forbidden"; null relays.</summary>
    public string? Refusal { get; set; }

    /// <summary>The request lines and headers received, one string per request.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var tunnels = new List<Task>();
        try
        {
            while (true)
            {
                var client = await _listener.AcceptSocketAsync(_stop.Token);
                tunnels.Add(TunnelAsync(client));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        await Task.WhenAll(tunnels);
    }

    private async Task TunnelAsync(Socket client)
    {
        using var _ = client;
        try
        {
            var request = await ReadHeadersAsync(client);
            lock (_requests)
            {
                _requests.Add(request);
            }

            var line = request[..request.IndexOf('\r', StringComparison.Ordinal)].Split(' ');
            var answer = Refusal
                ?? (_credentials is not null && !request.Contains($"Proxy-Authorization: Basic {_credentials}\r\n", StringComparison.Ordinal)
                    ? "407 Proxy Authentication Required"
                    : null);
            if (line[0] != "CONNECT" || answer is not null)
            {
                await client.SendAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {answer ?? "405 Method Not Allowed"}\r\nContent-Length: 0\r\n\r\n"));
                return;
            }

            var colon = line[1].LastIndexOf(':');
            using var target = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await target.ConnectAsync(line[1][..colon], int.Parse(line[1][(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture), _stop.Token);
            await client.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 Connection established\r\n\r\n"));
            await Task.WhenAny(RelayAsync(client, target), RelayAsync(target, client));
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException)
        {
        }
    }

    private async Task RelayAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReceiveAsync(buffer, _stop.Token)) > 0)
        {
            await to.SendAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }

    private async Task<string> ReadHeadersAsync(Socket client)
    {
        var text = new StringBuilder();
        var one = new byte[1];
        while (!text.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await client.ReceiveAsync(one, _stop.Token) == 0)
            {
                throw new IOException("closed before the request ended");
            }

            text.Append((char)one[0]);
        }

        return text.ToString();
    }
}
