using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>
/// Debian's nats-server run as a child process with a generated config file. The port is learned from
/// its own log line, so it can pick a free port itself and there is no window for another test to take it.
/// </summary>
public sealed partial class ReferenceServer : IRunningServer, IServerProcess
{
    /// <summary>Where Debian installs the binary; <c>NATS_SERVER_BIN</c> points elsewhere.</summary>
    public const string DefaultBinary = "/usr/sbin/nats-server";

    private const string ListeningPrefix = "Listening for client connections on ";
    private const string RoutePrefix = "Listening for route connections on ";
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

    /// <summary>The route port from its log, which holds it by the time the server has started.</summary>
    public async Task<int> ClusterPortAsync()
    {
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
        var config = await File.ReadAllTextAsync(configPath);
        var routes = ListensForRoutes().IsMatch(config);
        var log = new StringBuilder();
        var ready = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
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
        process.ErrorDataReceived += (_, e) => OnLogLine(e.Data, log, routes, ready);
        process.OutputDataReceived += (_, e) => OnLogLine(e.Data, log, routes, ready);
        process.Exited += (_, _) => ready.TrySetException(
            new InvalidOperationException("nats-server exited during startup."));

        process.Start();
        Running[process.Id] = process;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var server = new ReferenceServer(process, directory, log);
        try
        {
            server.Port = await ready.Task.WaitAsync(TestTimeouts.Startup);
            return server;
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            // Disposing waits for the exit and for the last lines, such as the [FTL] that says why.
            await server.DisposeAsync();
            var output = server.Log;
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

    // Ready with every listener bound. nats-server logs "Listening for client connections" and
    // "Server is ready" before it binds its route port, and exits when that bind fails: with
    // routes it is ready only once the route listener's line follows.
    private static void OnLogLine(string? line, StringBuilder log, bool routes, TaskCompletionSource<int> ready)
    {
        if (line is null)
        {
            return;
        }

        string text;
        lock (log)
        {
            log.AppendLine(line);
            if (ready.Task.IsCompleted)
            {
                return;
            }

            text = log.ToString();
        }

        // "[pid] date time [INF] Listening for client connections on 127.0.0.1:40641"
        if (PortAfter(text, ListeningPrefix) is { } port
            && (!routes || PortAfter(text, RoutePrefix) is not null))
        {
            ready.TrySetResult(port);
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

    // A cluster block with a route port, in JSON ("cluster": { … "listen": …) or nats-server's own
    // syntax (cluster { … listen: …). Its banner is no guide: 2.9 names a cluster for any server_name.
    [GeneratedRegex(@"\bcluster""?\s*[:=]?\s*\{[^}]*\b(listen|port)\b")]
    private static partial Regex ListensForRoutes();

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
