using System.Text;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Routes;

/// <summary>
/// A two-server cluster whose members list each other, one of them killed (SIGKILL) and restarted on
/// the same ports again and again under traffic both ways: messages sent while it is down are lost,
/// but once a direction delivers again, it must deliver everything after that.
/// </summary>
public sealed class RouteRestartTests
{
    private const int Cycles = 10;
    private const int PerSecond = 2000;

    // Traffic keeps running this long after both directions came back. The survivor redials a
    // second after it saw the route fall (a second more if the peer was not listening yet), so the
    // dial that races the restarted peer's own lands inside this window.
    private static readonly TimeSpan Observed = TimeSpan.FromSeconds(1.5);

    [ServerTheory]
    public async Task After_a_route_peer_is_killed_and_restarted_traffic_that_resumed_loses_nothing(ServerTarget target)
    {
        using var folder = new TempConfigFolder();
        int[] ports = [TestPorts.Free(), TestPorts.Free(), TestPorts.Free(), TestPorts.Free()];
        var aConfig = folder.Write("a.json", Config(ports[0], ports[1], peerRoutePort: ports[3]));
        var bConfig = folder.Write("b.json", Config(ports[2], ports[3], peerRoutePort: ports[1]));
        await using var a = await IServerProcess.StartAsync(target, aConfig);
        var b = await IServerProcess.StartAsync(target, bConfig);
        var bDisposed = false;
        var earlierB = new StringBuilder();
        var failures = new List<string>();
        try
        {
            await using var onA = await TestClients.ConnectAsync(a);
            await using var onB = await TestClients.ConnectAsync(b);
            await using var aToB = await NumberedFlow.StartAsync(onA, onB, "restart.a-to-b", PerSecond);
            await using var bToA = await NumberedFlow.StartAsync(onB, onA, "restart.b-to-a", PerSecond);
            int aToBKilledAt = 0, bToAKilledAt = 0;
            for (var cycle = 0; cycle <= Cycles; cycle++)
            {
                if (cycle > 0)
                {
                    b.Signal(Posix.SigKill);
                    await b.WaitForExitAsync();

                    // Only numbers published after B is gone cannot have crossed the old route:
                    // an arrival above these marks came through the new incarnation.
                    (aToBKilledAt, bToAKilledAt) = (aToB.Published, bToA.Published);
                    earlierB.Append(b.Output);
                    await b.DisposeAsync();
                    bDisposed = true;
                    b = await IServerProcess.StartAsync(target, bConfig);
                    bDisposed = false;
                }

                await Poll.UntilAsync(
                    () => aToB.FirstArrivedAbove(aToBKilledAt) is not null && bToA.FirstArrivedAbove(bToAKilledAt) is not null,
                    () => $"cycle {cycle}: traffic did not resume\n{RouteLog(a.Output, earlierB + b.Output)}");
                var (aToBResumed, bToAResumed) = (aToB.FirstArrivedAbove(aToBKilledAt)!.Value, bToA.FirstArrivedAbove(bToAKilledAt)!.Value);

                await Task.Delay(Observed);

                var (aToBSent, bToASent) = (aToB.Published, bToA.Published);
                await Poll.UntilAsync(
                    () => aToB.HasArrivedUpTo(aToBSent) && bToA.HasArrivedUpTo(bToASent),
                    () => $"cycle {cycle}: the last numbers sent never arrived\n{RouteLog(a.Output, earlierB + b.Output)}");
                failures.AddRange(Gaps(cycle, aToB, aToBResumed, aToBSent));
                failures.AddRange(Gaps(cycle, bToA, bToAResumed, bToASent));
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n" + RouteLog(a.Output, earlierB + b.Output));
        }
        finally
        {
            if (!bDisposed)
            {
                await b.DisposeAsync();
            }
        }
    }

    // Both list each other, as a two-server cluster is usually configured; debug logs show route
    // decisions. no_advertise keeps B's clients from failing over to A while B is down (the cluster's
    // client URLs would lead them there): they must come back to B, so that traffic crosses the route.
    private static string Config(int clientPort, int routePort, int peerRoutePort) => $$"""
        {
          "listen": "127.0.0.1:{{clientPort}}",
          "debug": true,
          "cluster": {
            "name": "restart",
            "no_advertise": true,
            "listen": "127.0.0.1:{{routePort}}",
            "routes": ["nats-route://127.0.0.1:{{peerRoutePort}}"]
          }
        }
        """;

    private static IEnumerable<string> Gaps(int cycle, NumberedFlow flow, int resumed, int sent)
    {
        var missing = flow.MissingBetween(resumed, sent);
        if (missing.Count > 0)
        {
            yield return $"cycle {cycle}: {flow.Subject} resumed at {resumed}, then lost {missing.Count} of the numbers up to {sent} ({missing[0]}..{missing[^1]})";
        }
    }

    // The route lines of both servers' logs, so a failure shows which connections came and went.
    private static string RouteLog(string a, string b)
    {
        static string Routes(string log) => string.Join('\n', log.Split('\n').Where(line => line.Contains("oute", StringComparison.Ordinal)));
        return $"--- A\n{Routes(a)}\n--- B (every incarnation)\n{Routes(b)}";
    }
}
