using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Nats.Edge.Load.Cli;
using Nats.Edge.Load.Compare;

namespace Nats.Edge.Load.Soak;

/// <summary>
/// A long run of a board in service: a nats-edge board with simulated sensors and a leaf link to a hub
/// (nats-server when installed), carrying <see cref="SoakTraffic"/>, sampled every few seconds into a
/// CSV and an SVG plot. The summary says whether memory and handles stayed flat after warm-up and
/// whether every stream kept flowing.
/// </summary>
internal static class SoakCommand
{
    public static int Run(Arguments arguments)
    {
        var edge = ServerCommand.FromPath("nats-edge", arguments.Text("edge", Defaults.Edge));
        var hub = ServerCommand.FromPath("hub", arguments.Text("hub", File.Exists(Defaults.Reference) ? Defaults.Reference : arguments.Text("edge", Defaults.Edge)));
        var duration = TimeSpan.FromMinutes(arguments.Number("minutes", 60, 1, 7 * 24 * 60));
        var interval = TimeSpan.FromSeconds(arguments.Number("interval", 5, 1, 600));
        var csvPath = arguments.Text("csv", "soak.csv");
        var plotPath = arguments.Text("plot", "soak.svg");
        arguments.RejectUnread();
        return RunAsync(edge, hub, duration, interval, csvPath, plotPath).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(ServerCommand edge, ServerCommand hubCommand, TimeSpan duration, TimeSpan interval, string csvPath, string plotPath)
    {
        var folder = Directory.CreateTempSubdirectory("nats-edge-soak-").FullName;
        try
        {
            var leafPort = ServerProcess.FreePort();
            var monitorPort = ServerProcess.FreePort();
            using var hub = AlternatingCompare.Start((hubCommand, "hub", $$"""{ "leafnodes": { "listen": "127.0.0.1:{{leafPort}}" } }"""), folder, out var failure)
                ?? throw new IOException(failure);
            using var board = AlternatingCompare.Start((edge, "board", BoardConfig(leafPort, monitorPort)), folder, out failure)
                ?? throw new IOException(failure);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            await WaitForLinkAsync(http, monitorPort);

            Console.WriteLine($"## Soak: {edge} as a board, leaf link to {hubCommand}, {duration.TotalMinutes:0} min, a sample every {interval.TotalSeconds:0} s ({DateTime.UtcNow:yyyy-MM-dd}, {MachineInfo.Describe()})");
            var samples = new List<SoakSample>();
            await using (var csv = new StreamWriter(csvPath))
            {
                await csv.WriteLineAsync(SoakSample.CsvHeader);
                await using var traffic = await SoakTraffic.StartAsync(board.Endpoint, hub.Endpoint);
                var started = Stopwatch.GetTimestamp();
                for (var next = TimeSpan.Zero; next <= duration; next += interval)
                {
                    var wait = next - Stopwatch.GetElapsedTime(started);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait);
                    }

                    var sample = await SoakSample.TakeAsync(Stopwatch.GetElapsedTime(started).TotalSeconds, board.Pid, http, monitorPort, traffic.Delivered());
                    samples.Add(sample);
                    await csv.WriteLineAsync(sample.ToCsv());
                    await csv.FlushAsync();
                    if (samples.Count % Math.Max(1, (int)(60 / interval.TotalSeconds)) == 1)
                    {
                        Console.WriteLine(Progress(sample));
                    }
                }
            }

            await File.WriteAllTextAsync(plotPath, SoakPlot.Svg(samples, $"nats-edge soak, {duration.TotalMinutes:0} min: board with simulated sensors, leaf link, mixed NATS.Net traffic"));
            var summary = SoakSummary.Of(samples);
            Console.WriteLine();
            Console.WriteLine(summary.Table());
            Console.WriteLine($"samples: {csvPath}, plot: {plotPath}");
            return summary.Flat && summary.Stalls == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Sensors read every second (the profile's own intervals are minutes apart on a real board), the
    // status every 10 s: the bridge's traffic is part of what must stay flat.
    private static string BoardConfig(int leafPort, int monitorPort) => $$"""
        {
          "server_name": "pi-soak", "http": "127.0.0.1:{{monitorPort}}",
          "leafnodes": { "remotes": [ { "url": "nats-leaf://127.0.0.1:{{leafPort}}" } ] },
          "devices": {
            "board": { "name": "pi-soak", "model": "simulated" }, "status_interval": "10s",
            "sensors": [
              { "type": "bme280", "address": "0x76", "interval": "1s" },
              { "type": "sht3x", "address": "0x44", "interval": "1s" },
              { "type": "ads1115", "name": "soil", "address": "0x48", "channels": [0, 1], "interval": "1s" },
              { "type": "ds18b20", "name": "water", "interval": "1s" },
              { "type": "cpu_temperature", "name": "cpu", "interval": "1s" }
            ],
            "actuators": [ { "type": "relay", "pin": 27, "default": "off" } ]
          }
        }
        """;

    private static async Task WaitForLinkAsync(HttpClient http, int monitorPort)
    {
        var deadline = Stopwatch.GetTimestamp() + (Defaults.StartTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            using var leafz = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{monitorPort}/leafz")));
            if (leafz.RootElement.GetProperty("leafnodes").GetInt32() > 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the board's leaf link did not come up");
    }

    private static string Progress(SoakSample sample) => string.Create(
        CultureInfo.InvariantCulture,
        $"{sample.Seconds / 60,6:F1} min  RSS {sample.RssKiB / 1024.0,6:F1} MiB  heap {sample.HeapKiB / 1024.0,5:F1} MiB  threads {sample.Threads,3}  handles {sample.Handles,4}  gc {sample.Gen0}/{sample.Gen1}/{sample.Gen2}  delivered {string.Join('/', sample.Delivered)}");
}
