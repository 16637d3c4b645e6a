using Nats.Edge.Server.Clients;
using Nats.Edge.Server.Logging;

namespace Nats.Edge.Server.Lifecycle;

/// <summary>
/// Runs <see cref="NatsServer.EnterLameDuckModeAsync"/>: the client port closes at once, the clients
/// hear of it, and after the grace period they are closed a few at a time before the server shuts down.
/// </summary>
/// <param name="announce">Tells the system account, before anything else happens.</param>
/// <param name="stopAcceptingClients">Closes the client port.</param>
/// <param name="shutdown">Shuts the whole server down.</param>
/// <param name="stopping">Cancelled when a shutdown begins, whoever began it.</param>
internal sealed class LameDuck(
    ServerLog log, ConnectionRegistry connections, Action announce, Func<Task> stopAcceptingClients, Func<Task> shutdown, CancellationToken stopping)
{
    // nats-server spaces closes at most a second apart: ten clients need not take two minutes.
    private static readonly TimeSpan MaxCloseInterval = TimeSpan.FromSeconds(1);

    private int _started;

    /// <summary>True from the moment lame duck mode begins.</summary>
    public bool IsActive => Volatile.Read(ref _started) != 0;

    /// <summary>Runs lame duck mode with <paramref name="options"/>' timing; completes with the shutdown. A second call does nothing.</summary>
    public async Task EnterAsync(ServerOptions options)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            return;
        }

        log.Info("Entering lame duck mode, stop accepting new clients");
        announce();
        await stopAcceptingClients().ConfigureAwait(false);
        foreach (var client in connections.Of<ClientConnection>())
        {
            client.SendInfoUpdate();
        }

        try
        {
            await Task.Delay(options.LameDuckGracePeriod, stopping).ConfigureAwait(false);
            log.Info("Closing existing clients");
            await CloseGraduallyAsync(connections.Of<ClientConnection>(), options).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A shutdown overtook lame duck mode and closes the rest itself.
            return;
        }

        await shutdown().ConfigureAwait(false);
    }

    // The closes are spread over what is left of the duration, so the clients' reconnects reach
    // the other servers as a trickle, not as one wave.
    private async Task CloseGraduallyAsync(List<ClientConnection> clients, ServerOptions options)
    {
        if (clients.Count == 0)
        {
            return;
        }

        var spread = options.LameDuckDuration - options.LameDuckGracePeriod;
        if (spread <= TimeSpan.Zero)
        {
            spread = TimeSpan.FromSeconds(1);
        }

        var interval = spread / clients.Count;
        interval = interval > MaxCloseInterval ? MaxCloseInterval : interval;

        // Thousands of clients: close a batch per millisecond instead of sleeping less than a timer can.
        var batch = 1;
        if (interval < TimeSpan.FromMilliseconds(1))
        {
            batch = (int)Math.Ceiling(TimeSpan.FromMilliseconds(1) / interval);
            interval = TimeSpan.FromMilliseconds(1);
        }

        for (var i = 0; i < clients.Count; i++)
        {
            clients[i].Close(CloseReason.ServerShutdown);
            if (i < clients.Count - 1 && (i + 1) % batch == 0)
            {
                // Between half the interval and all of it, so servers in lame duck together do not close in step.
                var pause = interval * (0.5 + (Random.Shared.NextDouble() / 2));
                await Task.Delay(pause, stopping).ConfigureAwait(false);
            }
        }
    }
}
