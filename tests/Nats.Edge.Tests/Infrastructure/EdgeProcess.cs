using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>
/// The nats-edge host run as a real child process (<c>dotnet nats-edge.dll …</c>, copied beside the
/// tests by the project reference, or a published binary), for what only a process shows: flags, exit
/// codes, log lines, signals.
/// </summary>
public sealed class EdgeProcess : IServerProcess
{
    private const string ListeningPrefix = "Listening for client connections on ";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private EdgeProcess(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The server reads NATS_EDGE_* as configuration: what the test runner's own environment
        // carries (a CI script's variables, say) must not reach a server whose config the test sets.
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("NATS_EDGE_", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.Exited += (_, _) => _ready.TrySetException(new InvalidOperationException("nats-edge exited:\n" + Output));
    }

    /// <summary>Everything the process printed, stdout and stderr interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The client port from the "Listening for client connections on" line.</summary>
    public int Port { get; private set; }

    /// <summary>Starts the process and returns at once.</summary>
    public static EdgeProcess Start(params string[] arguments) => Start(null, arguments);

    /// <summary>Starts the process with variables added to the test's environment and returns at once.</summary>
    public static EdgeProcess Start(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var edge = new EdgeProcess("dotnet", [Path.Combine(AppContext.BaseDirectory, "nats-edge.dll"), .. arguments], environment);
        edge.Begin();
        return edge;
    }

    /// <summary>
    /// Starts a nats-edge other than this build's dll: a published binary, or one run by an emulator
    /// (<paramref name="fileName"/> is then the emulator and the binary comes first in
    /// <paramref name="arguments"/>), with variables added to the test's environment; waits up to
    /// <paramref name="startup"/> for "Server is ready".
    /// </summary>
    public static async Task<EdgeProcess> StartExecutableReadyAsync(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, TimeSpan startup)
    {
        var edge = new EdgeProcess(fileName, arguments, environment);
        edge.Begin();
        await edge._ready.Task.WaitAsync(startup);
        return edge;
    }

    /// <summary>Starts the process and waits for "Server is ready".</summary>
    public static Task<EdgeProcess> StartReadyAsync(params string[] arguments) => StartReadyAsync(null, arguments);

    /// <summary>Starts the process with variables added to the test's environment and waits for "Server is ready".</summary>
    public static async Task<EdgeProcess> StartReadyAsync(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var edge = Start(environment, arguments);
        await edge._ready.Task.WaitAsync(TestTimeouts.Startup);
        return edge;
    }

    /// <summary>Waits for the process to end on its own and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TestTimeouts.Startup);
        return _process.ExitCode;
    }

    public int ProcessId => _process.Id;

    /// <summary>Sends a POSIX signal to the process, by its own id.</summary>
    public void Signal(int signal) => Posix.Signal(_process.Id, signal);

    /// <summary>Polls <see cref="Output"/> until <paramref name="text"/> appears; fails with the whole output after 10 s.</summary>
    public Task WaitForLogAsync(string text) => Poll.UntilLogContainsAsync(() => Output, text);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Begin()
    {
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        var listening = line.IndexOf(ListeningPrefix, StringComparison.Ordinal);
        if (listening >= 0)
        {
            var endpoint = line[(listening + ListeningPrefix.Length)..];
            Port = int.Parse(endpoint[(endpoint.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
        }

        if (line.EndsWith("Server is ready", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }
}
