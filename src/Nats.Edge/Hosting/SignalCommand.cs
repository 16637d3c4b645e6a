using System.Globalization;
using System.Runtime.InteropServices;
using Nats.Edge.CommandLine;

namespace Nats.Edge.Hosting;

/// <summary>
/// <c>nats-edge --signal COMMAND[=PID|=PIDFILE]</c>: sends a running server the POSIX signal behind
/// nats-server's command of that name. Without a pid it looks for the one process named nats-edge.
/// </summary>
internal static partial class SignalCommand
{
    private const int SigHup = 1;
    private const int SigInt = 2;
    private const int SigKill = 9;
    private const int SigUsr1 = 10;
    private const int SigUsr2 = 12;
    private const int SigTerm = 15;

    /// <summary>Sends the signal; the message of a <see cref="CommandLineException"/> says why it could not.</summary>
    public static void Send(string command)
    {
        var equals = command.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? command : command[..equals];
        var signal = name switch
        {
            "stop" => SigKill,
            "quit" => SigInt,
            "term" => SigTerm,
            "reopen" => SigUsr1,
            "reload" => SigHup,
            "ldm" => SigUsr2,
            _ => throw new CommandLineException($"unknown signal \"{name}\" (one of stop, quit, term, reopen, reload, ldm)"),
        };

        var pid = equals < 0 ? FindServer() : ResolvePid(command[(equals + 1)..]);
        if (Kill(pid, signal) != 0)
        {
            throw new CommandLineException($"could not send {name} to process {pid}: {Marshal.GetLastPInvokeErrorMessage()}");
        }
    }

    // "1234", or the path of the pid file the server wrote with -P.
    private static int ResolvePid(string value)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return pid;
        }

        try
        {
            var text = File.ReadAllText(value).Trim();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out pid)
                ? pid
                : throw new CommandLineException($"pid file \"{value}\" does not hold a process id");
        }
        catch (IOException ex)
        {
            throw new CommandLineException($"\"{value}\" is neither a process id nor a readable pid file: {ex.Message}");
        }
    }

    /// <summary>The one process whose name is nats-edge, found through <paramref name="processes"/> (<c>/proc</c>).</summary>
    internal static int FindServer(string processes = "/proc")
    {
        var found = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories(processes))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(folder, "comm")).Trim() == "nats-edge")
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return found.Count switch
        {
            1 => found[0],
            0 => throw new CommandLineException("no nats-edge process is running"),
            _ => throw new CommandLineException($"multiple nats-edge processes are running ({string.Join(", ", found)}): name one with --signal COMMAND=PID"),
        };
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
