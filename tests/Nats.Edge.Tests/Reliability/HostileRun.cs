using System.Diagnostics;
using System.Globalization;
using NATS.Client.Core;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Reliability;

/// <summary>
/// A server run as its own process (so its memory is its own) under one hostile case, with an honest
/// publisher and subscriber beside the attack. Measures the server's resident memory before and at
/// its peak during the attack, and how the honest messages fared. <c>NATS_EDGE_TEST_BINARY</c> names
/// a published nats-edge to run instead of this build's dll, for figures from the binary users run.
/// </summary>
internal sealed class HostileRun : IAsyncDisposable
{
    // An honest message every 20 ms, each timed from publish to receipt.
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(20);

    private readonly TempConfigFolder _folder;

    private HostileRun(TempConfigFolder folder, IServerProcess server, ServerTarget target)
    {
        _folder = folder;
        Server = server;
        Target = target;
    }

    public IServerProcess Server { get; }

    public ServerTarget Target { get; }

    public int Port => Server.Port;

    /// <summary>What one attack cost: memory in KiB, and the honest messages sent, received and their slowest trip.</summary>
    public sealed record Outcome(long BaselineKiB, long PeakKiB, int Sent, int Received, TimeSpan SlowestProbe)
    {
        public long GrowthKiB => PeakKiB - BaselineKiB;

        public string Describe(string attack) => string.Create(
            CultureInfo.InvariantCulture,
            $"{attack}: RSS {BaselineKiB / 1024.0:F1} MiB before, {PeakKiB / 1024.0:F1} MiB at peak (+{GrowthKiB / 1024.0:F1}); honest messages {Received}/{Sent}, slowest {SlowestProbe.TotalMilliseconds:F0} ms");
    }

    /// <summary>Starts <paramref name="target"/> on 127.0.0.1 with <paramref name="configBody"/> (JSON members) on a free port.</summary>
    public static async Task<HostileRun> StartAsync(ServerTarget target, string configBody = "")
    {
        var folder = new TempConfigFolder();
        var config = folder.Write("server.json", $$"""{ "host": "127.0.0.1", "port": {{TestPorts.Free()}} {{(configBody.Length > 0 ? ", " + configBody : string.Empty)}} }""");
        try
        {
            var binary = Environment.GetEnvironmentVariable("NATS_EDGE_TEST_BINARY");
            IServerProcess server = target == ServerTarget.Edge && !string.IsNullOrEmpty(binary)
                ? await EdgeProcess.StartExecutableReadyAsync(binary, ["-c", config], null, TestTimeouts.Startup)
                : await IServerProcess.StartAsync(target, config);
            return new HostileRun(folder, server, target);
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="attack"/> while honest traffic flows and memory is sampled; the attack ends when its task does.</summary>
    public async Task<Outcome> MeasureAsync(Func<Task> attack)
    {
        await using var publisher = await TestClients.ConnectAsync(Server);
        await using var subscriber = await TestClients.ConnectAsync(Server);
        await using var honest = await subscriber.SubscribeCoreAsync<long>("honest.probe");
        await subscriber.PingAsync();

        // Settle first: the honest clients' own buffers are part of the baseline, not of the attack.
        await Task.Delay(200);
        var baseline = ResidentKiB();
        var peak = baseline;
        using var stop = new CancellationTokenSource();
        using var stopProbing = new CancellationTokenSource();
        var sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, ResidentKiB());
                await Task.Delay(25, CancellationToken.None);
            }
        });
        var sent = 0;
        var received = 0;
        var slowest = 0L;
        var receiving = Task.Run(async () =>
        {
            try
            {
                await foreach (var message in honest.Msgs.ReadAllAsync(stop.Token))
                {
                    received++;
                    slowest = Math.Max(slowest, Stopwatch.GetTimestamp() - message.Data);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        var probing = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(ProbeInterval);
            while (await timer.WaitForNextTickAsync(CancellationToken.None) && !stopProbing.IsCancellationRequested)
            {
                await publisher.PublishAsync("honest.probe", Stopwatch.GetTimestamp());
                sent++;
            }
        });

        try
        {
            await attack();
        }
        finally
        {
            // The probes stop first; the last of them get their PONG and a moment to arrive.
            await stopProbing.CancelAsync();
            await probing;
            await publisher.PingAsync();
            await Task.Delay(200);
            await stop.CancelAsync();
            await Task.WhenAll(sampling, receiving);
        }

        return new Outcome(baseline, Math.Max(peak, ResidentKiB()), sent, received, Stopwatch.GetElapsedTime(0, slowest));
    }

    /// <summary>The server's resident memory now, in KiB.</summary>
    public long ResidentKiB()
    {
        foreach (var line in File.ReadLines($"/proc/{Server.ProcessId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    /// <summary>
    /// The server's open sockets. Not all its handles: a JIT-run server opens each framework assembly
    /// the first time its code runs, which an attack may well be.
    /// </summary>
    public int OpenSockets()
    {
        var sockets = 0;
        foreach (var handle in Directory.GetFileSystemEntries($"/proc/{Server.ProcessId}/fd"))
        {
            try
            {
                if (new FileInfo(handle).LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true)
                {
                    sockets++;
                }
            }
            catch (IOException)
            {
                // Closed between the listing and the look.
            }
        }

        return sockets;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _folder.Dispose();
    }
}
