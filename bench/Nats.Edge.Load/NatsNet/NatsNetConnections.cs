using System.Threading.Channels;
using NATS.Client.Core;
using Nats.Edge.Load.Wire;

namespace Nats.Edge.Load.NatsNet;

/// <summary>
/// NATS.Net connections opened as an application would, with its defaults except where a benchmark
/// must differ; each difference says why.
/// </summary>
internal static class NatsNetConnections
{
    /// <summary>Connects and returns once the server's INFO has been read and CONNECT sent.</summary>
    public static async Task<NatsConnection> OpenAsync(NatsEndpoint endpoint, string name, TimeSpan timeout)
    {
        var connection = new NatsConnection(Options(endpoint, name, timeout));
        try
        {
            await connection.ConnectAsync().ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// PING, then wait for its PONG. NATS.Net writes the PING behind every command queued before it,
    /// so the PONG means the server has processed all of them.
    /// </summary>
    public static async Task PingAsync(NatsConnection connection, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await connection.PingAsync(cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw new TimeoutException($"timed out waiting for PONG after {timeout.TotalSeconds:0} s");
        }
    }

    /// <summary>The server's max_payload, to check the payload size against before the clock starts.</summary>
    public static void CheckPayloadSize(NatsConnection connection, int size)
    {
        long maxPayload = connection.ServerInfo?.MaxPayload ?? long.MaxValue;
        if (size > maxPayload)
        {
            throw new ArgumentException($"--size {size} is above the server's max_payload {maxPayload}");
        }
    }

    private static NatsOpts Options(NatsEndpoint endpoint, string name, TimeSpan timeout) => NatsOpts.Default with
    {
        Url = $"nats://{(endpoint.Host.Contains(':', StringComparison.Ordinal) ? $"[{endpoint.Host}]" : endpoint.Host)}:{endpoint.Port}",
        Name = name,
        AuthOpts = NatsAuthOpts.Default with { Username = endpoint.User, Password = endpoint.Password, Token = endpoint.Token },
        ConnectTimeout = timeout,

        // Bounds each publish that waits for room in the write buffer: the same limit the raw client
        // puts on one stalled send.
        CommandTimeout = timeout,
        RequestTimeout = timeout,

        // The default drops messages once a subscription's 16,384-message channel is full; a benchmark
        // has to count every one. Waiting pushes back on the socket instead, as nats bench does by
        // lifting nats.go's pending limits.
        SubPendingChannelFullMode = BoundedChannelFullMode.Wait,
    };
}
