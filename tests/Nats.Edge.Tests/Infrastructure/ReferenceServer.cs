using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>
/// Debian's nats-server run as a child process with a generated config file. The port is learned from
/// its own log line, so it can pick a free port itself and there is no window for another test to take it.
/// </summary>
public sealed class ReferenceServer : IRunningServer, IServerProcess
{
    /// <summary>Where Debian installs the binary; <c>NATS_SERVER_BIN</c> points elsewhere.</summary>
    public const string DefaultBinary = "/usr/sbin/nats-server";

    private const string ListeningPrefix = "Listening for client connections on ";
    private const string MonitorPrefix = "Starting http monitor on ";

    // Children still running when the test host exits (a crashed or aborted run) are killed by PID.
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _log;
    private int _disposed;

    static ReferenceServer() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    private ReferenceServer(Process process, string directory, StringBuilder log)
    {
        _process = process;
        _directory = directory;
        _log = log;
    }

    /// <summary>The binary the suite runs.</summary>
    public static string Binary { get; } = Environment.GetEnvironmentVariable("NATS_SERVER_BIN") ?? DefaultBinary;

    /// <summary>True when the build server insists on running the reference tests.</summary>
    public static bool IsCi { get; } =
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Why reference tests are skipped, or null when they run. On CI a missing binary is not a skip:
    /// the tests run and fail in <see cref="StartAsync"/> with a message naming the binary.
    /// </summary>
    public static string? SkipReason { get; } = File.Exists(Binary) || IsCi
        ? null
        : $"nats-server not found at {Binary} (install Debian's nats-server or set NATS_SERVER_BIN; with CI=true this fails instead)";

    /// <inheritdoc />
    public ServerTarget Target => ServerTarget.Reference;

    /// <inheritdoc />
    public int Port { get; private set; }

    public int ProcessId => _process.Id;

    /// <summary>The route port from its log, which nats-server writes just after "Server is ready".</summary>
    public async Task<int> ClusterPortAsync()
    {
        const string RoutePrefix = "Listening for route connections on ";
        await Poll.UntilAsync(() => PortAfter(Log, RoutePrefix) is not null, () => Log);
        return PortAfter(Log, RoutePrefix)!.Value;
    }

    string IServerProcess.Output => Log;

    /// <inheritdoc />
    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TestTimeouts.Startup);
        return _process.ExitCode;
    }

    /// <summary>The monitoring port from the server's own log line, which comes before the client listener's.</summary>
    public int MonitorPort => PortAfter(Log, MonitorPrefix) ?? 0;

    /// <summary>Everything the server logged so far; shown when it fails to start.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Writes a config for <paramref name="options"/>, starts the server and waits until it listens.</summary>
    public static Task<ReferenceServer> StartAsync(ServerOptions options) =>
        StartWithConfigTextAsync(ReferenceConfig.From(options), "nats-server.conf");

    /// <summary>
    /// Writes <paramref name="text"/> (JSON works: nats-server reads it as its own syntax) into the
    /// folder the server owns, which goes when it is disposed, and starts the server on it.
    /// </summary>
    public static async Task<ReferenceServer> StartWithConfigTextAsync(string text, string fileName = "server.json")
    {
        EnsureBinary();
        var directory = Directory.CreateTempSubdirectory("nats-edge-ref-").FullName;
        var configPath = Path.Combine(directory, fileName);
        await File.WriteAllTextAsync(configPath, text);
        return await StartAsync(configPath, directory);
    }

    /// <summary>Starts the server on an existing config file (JSON works: nats-server reads it as its own syntax).</summary>
    public static async Task<ReferenceServer> StartWithConfigFileAsync(string configPath)
    {
        EnsureBinary();
        return await StartAsync(configPath, Directory.CreateTempSubdirectory("nats-edge-ref-").FullName);
    }

    private static void EnsureBinary()
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"The reference server is required but {Binary} does not exist (CI={IsCi}).");
        }
    }

    private static async Task<ReferenceServer> StartAsync(string configPath, string directory)
    {

        var log = new StringBuilder();
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process
        {
            StartInfo = new ProcessStartInfo(Binary)
            {
                ArgumentList = { "-c", configPath },
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
                WorkingDirectory = directory,
            },
            EnableRaisingEvents = true,
        };
        process.ErrorDataReceived += (_, e) => OnLogLine(e.Data, log, listening);
        process.OutputDataReceived += (_, e) => OnLogLine(e.Data, log, listening);
        process.Exited += (_, _) => listening.TrySetException(
            new InvalidOperationException("nats-server exited during startup."));

        process.Start();
        Running[process.Id] = process;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var server = new ReferenceServer(process, directory, log);
        try
        {
            server.Port = await listening.Task.WaitAsync(TestTimeouts.Startup);
            return server;
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            var output = server.Log;
            var config = await File.ReadAllTextAsync(configPath);
            await server.DisposeAsync();
            throw new InvalidOperationException($"nats-server did not start ({e.Message}). Config:\n{config}\nLog:\n{output}", e);
        }
    }

    /// <summary>Kills the process by its PID and removes the config directory; safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        // Restart tests may dispose the same server from a finally block after stopping it.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Running.TryRemove(_process.Id, out _);
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }

            using var timeout = new CancellationTokenSource(TestTimeouts.Startup);
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (InvalidOperationException)
        {
            // Already gone: nothing to kill.
        }
        finally
        {
            _process.Dispose();
            TryDelete(_directory);
        }
    }

    private static void OnLogLine(string? line, StringBuilder log, TaskCompletionSource<int> listening)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }

        // "[pid] date time [INF] Listening for client connections on 127.0.0.1:40641"
        if (PortAfter(line, ListeningPrefix) is { } port)
        {
            listening.TrySetResult(port);
        }
    }

    // The port of the "host:port" that ends the line holding prefix.
    private static int? PortAfter(string text, string prefix)
    {
        var at = text.IndexOf(prefix, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var rest = text.AsSpan(at + prefix.Length);
        var end = rest.IndexOfAny('\r', '\n');
        var address = (end < 0 ? rest : rest[..end]).Trim();
        var colon = address.LastIndexOf(':');
        return int.TryParse(address[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;
    }

    private static void KillAll()
    {
        foreach (var process in Running.Values)
        {
            try
            {
                process.Kill();
            }
            catch (InvalidOperationException)
            {
                // Exited meanwhile.
            }
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; never fail a test over it.
        }
    }
}
