using Nats.Edge.Server.Connections;
using Nats.Edge.Server.Clients;

namespace Nats.Edge.Server;

public sealed partial class NatsServer
{
    // nats-server spaces closes at most a second apart: ten clients need not take two minutes.
    private static readonly TimeSpan MaxCloseInterval = TimeSpan.FromSeconds(1);

    private int _lameDuckStarted;

    /// <summary>True from the moment lame duck mode begins: INFO tells clients <c>"ldm":true</c>.</summary>
    public bool InLameDuckMode => Volatile.Read(ref _lameDuckStarted) != 0;

    /// <summary>
    /// Lame duck mode, as nats-server's SIGUSR2: stop accepting clients, tell the connected ones
    /// (INFO with <c>"ldm":true</c>) so they can move to another server, wait the grace period, close
    /// them one by one across the rest of <c>lame_duck_duration</c>, then shut down. Completes with
    /// the shutdown; a second call, or one during shutdown, does nothing.
    /// </summary>
    public async Task EnterLameDuckModeAsync()
    {
        if (Volatile.Read(ref _shutdownStarted) != 0 || Interlocked.Exchange(ref _lameDuckStarted, 1) != 0)
        {
            return;
        }

        var stopping = _stopping.Token;
        var options = Options;
        Log.Info("Entering lame duck mode, stop accepting new clients");
        await StopAcceptingClientsAsync().ConfigureAwait(false);
        foreach (var client in Connections.Of<ClientConnection>())
        {
            client.SendInfoUpdate();
        }

        try
        {
            await Task.Delay(options.LameDuckGracePeriod, stopping).ConfigureAwait(false);
            Log.Info("Closing existing clients");
            await CloseGraduallyAsync(Connections.Of<ClientConnection>(), options, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A shutdown overtook lame duck mode and closes the rest itself.
            return;
        }

        await ShutdownAsync().ConfigureAwait(false);
    }

    // The closes are spread over what is left of the duration, so the clients' reconnects reach
    // the other servers as a trickle, not as one wave.
    private static async Task CloseGraduallyAsync(List<ClientConnection> clients, Configuration.ServerOptions options, CancellationToken stopping)
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
