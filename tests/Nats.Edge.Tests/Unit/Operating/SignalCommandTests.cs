using Nats.Edge.CommandLine;
using Nats.Edge.Hosting;

namespace Nats.Edge.Tests.Unit.Operating;

/// <summary><c>--signal</c> without a pid finds the one running nats-edge, as nats-server finds itself.</summary>
public sealed class SignalCommandTests
{
    [Fact]
    public void The_single_nats_edge_process_is_found_by_its_name()
    {
        var processes = FakeProcesses(("101", "bash"), ("202", "nats-edge"), ("self", "nats-edge"), ("303", "nats-server"));

        Assert.Equal(202, SignalCommand.FindServer(processes));
    }

    [Fact]
    public void No_nats_edge_process_is_an_error_that_says_so()
    {
        var processes = FakeProcesses(("101", "bash"));

        Assert.Equal("no nats-edge process is running", Assert.Throws<CommandLineException>(() => SignalCommand.FindServer(processes)).Message);
    }

    [Fact]
    public void Several_nats_edge_processes_ask_for_a_pid()
    {
        var processes = FakeProcesses(("101", "nats-edge"), ("102", "nats-edge"));

        var error = Assert.Throws<CommandLineException>(() => SignalCommand.FindServer(processes));

        Assert.Contains("multiple nats-edge processes are running", error.Message, StringComparison.Ordinal);
        Assert.Contains("--signal COMMAND=PID", error.Message, StringComparison.Ordinal);
    }

    // A /proc look-alike: one folder per process id holding its "comm" name.
    private static string FakeProcesses(params (string Pid, string Name)[] processes)
    {
        var root = Directory.CreateTempSubdirectory("nats-edge-proc-").FullName;
        foreach (var (pid, name) in processes)
        {
            Directory.CreateDirectory(Path.Combine(root, pid));
            File.WriteAllText(Path.Combine(root, pid, "comm"), name + "\n");
        }

        return root;
    }
}
