namespace Nats.Edge.Tests.Infrastructure;

/// <summary>Either server run as a real process: what signal, reload and lame duck tests need of it.</summary>
public interface IServerProcess : IAsyncDisposable
{
    /// <summary>The client port from the "Listening for client connections on" line.</summary>
    int Port { get; }

    int ProcessId { get; }

    /// <summary>Everything it logged so far.</summary>
    string Output { get; }

    /// <summary>Sends a POSIX signal to the process, by its own id.</summary>
    void Signal(int signal) => Posix.Signal(ProcessId, signal);

    /// <summary>Polls the log until <paramref name="text"/> appears; fails with the whole log after 10 s.</summary>
    Task WaitForLogAsync(string text) => Poll.UntilLogContainsAsync(() => Output, text);

    /// <summary>Waits for the process to end on its own and returns its exit code.</summary>
    Task<int> WaitForExitAsync();

    /// <summary>Starts <paramref name="target"/> on a config file and waits until it serves clients.</summary>
    static async Task<IServerProcess> StartAsync(ServerTarget target, string configPath) => target switch
    {
        ServerTarget.Edge => await EdgeProcess.StartReadyAsync("-c", configPath),
        _ => await ReferenceServer.StartWithConfigFileAsync(configPath),
    };
}
