using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Nats.Edge.Load.Wire;

namespace Nats.Edge.Load.Compare;

/// <summary>
/// A server under test started as a child process on a free loopback port, ready once it answers PING
/// with PONG, and killed by its own PID on dispose.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    // Lines of server output kept to explain a failed start.
    private const int KeptLines = 20;

    // 50 ms between readiness probes: a server is usually up after a few.
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(50);

    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private ServerProcess(Process process, NatsEndpoint endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public NatsEndpoint Endpoint { get; }

    public int Pid => _process.Id;

    /// <summary>Starts the server and waits until it is ready; null with a reason if it never is.</summary>
    public static ServerProcess? TryStart(ServerCommand command, TimeSpan timeout, out string failure)
    {
        int port = FreePort();
        var start = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in command.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string argument in (string[])["-a", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            failure = $"cannot start {command}: {e.Message}";
            return null;
        }

        var server = new ServerProcess(process, new NatsEndpoint("127.0.0.1", port, null, null, null));
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (server.AwaitReady(timeout, out failure))
        {
            return server;
        }

        server.Dispose();
        failure = $"{command} -a 127.0.0.1 -p {port}: {failure}{server.Output()}";
        return null;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }

            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone: nothing to stop.
        }

        _process.Dispose();
    }

    // The OS picks a free port; released at once for the server to take. Another process could grab
    // it in between, which shows up as a failed start rather than a wrong measurement.
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    // Ready means a full client handshake works: the port accepts, INFO arrives and PING gets PONG.
    private bool AwaitReady(TimeSpan timeout, out string failure)
    {
        long deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        failure = "not ready";
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                failure = $"exited with code {_process.ExitCode}";
                return false;
            }

            try
            {
                using NatsSocket probe = NatsSocket.Open(Endpoint, "nats-edge-load readiness", default, TimeSpan.FromSeconds(1));
                return true;
            }
            catch (Exception e) when (e is SocketException or IOException or TimeoutException or OperationCanceledException)
            {
                failure = e.Message;
            }

            Thread.Sleep(ProbeInterval);
        }

        failure = $"not ready after {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s ({failure})";
        return false;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > KeptLines)
            {
                _output.Dequeue();
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.Count == 0 ? string.Empty : "\n    " + string.Join("\n    ", _output);
        }
    }
}
