using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Nats.Edge.Devices.Bridge;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Sensors;
using Nats.Edge.Server.Embedded;
using Nats.Edge.Server.Logging;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Devices;

/// <summary>One sensor's sampling, one sample at a time: what goes out, and how long until the next try.</summary>
public sealed class SensorSamplerTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 2, 30, 0, 123, DateTimeKind.Utc);

    [Fact]
    public async Task On_change_publishes_only_moves_beyond_the_dead_band()
    {
        await using var server = await EdgeServer.StartAsync(TestServers.Defaults);
        var (published, _) = Listen(server);
        var sensor = new ScriptedSensor();
        using var sampler = Sampler(server, sensor, new SensorOptions { Type = SensorKinds.Named("cpu_temperature"), Name = "cpu", OnChange = true, DeadBand = 0.5 });

        foreach (var value in new[] { 47.2, 47.5, 47.7, 47.2, 47.8, 47.8 })
        {
            sensor.Next = value;
            sampler.Sample(Now);
        }

        Assert.Equal([47.2, 47.8], published.Select(json => json.GetProperty("value").GetDouble()));
    }

    [Fact]
    public async Task Without_on_change_every_sample_is_published()
    {
        await using var server = await EdgeServer.StartAsync(TestServers.Defaults);
        var (published, _) = Listen(server);
        var sensor = new ScriptedSensor { Next = 47.2 };
        using var sampler = Sampler(server, sensor, new SensorOptions { Type = SensorKinds.Named("cpu_temperature"), Name = "cpu" });

        sampler.Sample(Now);
        sampler.Sample(Now);

        Assert.Equal(2, published.Count);
    }

    [Fact]
    public async Task Failures_wait_twice_as_long_each_time_up_to_the_maximum_then_the_interval_again()
    {
        await using var server = await EdgeServer.StartAsync(TestServers.Defaults);
        var sensor = new ScriptedSensor { Failure = "no answer at 0x76" };
        using var sampler = Sampler(server, sensor, new SensorOptions { Type = SensorKinds.Named("cpu_temperature"), Name = "cpu", Interval = TimeSpan.FromSeconds(5) }, TimeSpan.FromSeconds(30));

        var waits = Enumerable.Range(0, 5).Select(_ => sampler.Sample(Now).TotalSeconds).ToList();
        sensor.Failure = null;
        waits.Add(sampler.Sample(Now).TotalSeconds);

        Assert.Equal([5, 10, 20, 30, 30, 5], waits);
    }

    [Fact]
    public async Task Failing_sensor_is_reopened_and_its_first_good_reading_is_published_even_if_unchanged()
    {
        await using var server = await EdgeServer.StartAsync(TestServers.Defaults);
        var (published, _) = Listen(server);
        var sensor = new ScriptedSensor { Next = 47.2 };
        var opened = 0;
        using var sampler = new SensorSampler(
            new SensorOptions { Type = SensorKinds.Named("cpu_temperature"), Name = "cpu", OnChange = true },
            "devices.test.cpu", () => { opened++; return sensor; }, new InProcessClient(server.Server), ServerLog.None, TimeSpan.FromMinutes(1));

        sampler.Sample(Now);
        sensor.Failure = "gone";
        sampler.Sample(Now);
        sensor.Failure = null;
        sampler.Sample(Now);

        Assert.Equal(["good", "error", "good"], published.Select(json => json.GetProperty("quality").GetString()));
        Assert.Equal("{\"ts\":\"2026-11-27T02:30:00.123Z\",\"quality\":\"error\",\"error\":\"gone\"}", published[1].GetRawText());
        Assert.Equal(2, opened);
        Assert.Equal(1, sensor.Disposed);
    }

    [Fact]
    public async Task Error_reading_goes_to_every_subject_of_the_sensor()
    {
        await using var server = await EdgeServer.StartAsync(TestServers.Defaults);
        var (_, subjects) = Listen(server);
        var sensor = new ScriptedSensor { Failure = "no answer at 0x76" };
        using var sampler = Sampler(server, sensor, new SensorOptions { Type = SensorKinds.Named("bme280"), Name = "bme280" });

        sampler.Sample(Now);

        Assert.Equal(["devices.test.cpu.humidity", "devices.test.cpu.pressure", "devices.test.cpu.temperature"], subjects.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Sampling_and_publishing_a_reading_allocates_nothing_once_warm()
    {
        await using var server = await EdgeServer.StartAsync(TestServers.Defaults);
        long bytes = 0;
        using var subscriber = new InProcessClient(server.Server).Subscribe("devices.>", queue: null, (in InProcessMessage message) => bytes += message.Payload.Length);
        using var sampler = Sampler(server, new ScriptedSensor { Next = 47.2 }, new SensorOptions { Type = SensorKinds.Named("cpu_temperature"), Name = "cpu" });
        for (var i = 0; i < 100; i++)
        {
            sampler.Sample(Now);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            sampler.Sample(Now);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 10_000, $"{allocated} bytes for 10,000 readings");
        Assert.True(bytes > 0);
    }

    private static SensorSampler Sampler(EdgeServer server, ScriptedSensor sensor, SensorOptions options, TimeSpan? maxBackoff = null) =>
        new(options, "devices.test.cpu", () => sensor, new InProcessClient(server.Server), ServerLog.None, maxBackoff ?? TimeSpan.FromMinutes(1));

    private static (List<JsonElement> Payloads, ConcurrentQueue<string> Subjects) Listen(EdgeServer server)
    {
        var payloads = new List<JsonElement>();
        var subjects = new ConcurrentQueue<string>();
        new InProcessClient(server.Server).Subscribe("devices.>", queue: null, (in InProcessMessage message) =>
        {
            subjects.Enqueue(Encoding.UTF8.GetString(message.Subject));
            lock (payloads)
            {
                payloads.Add(JsonDocument.Parse(message.Payload).RootElement.Clone());
            }
        });
        return (payloads, subjects);
    }

    private sealed class ScriptedSensor : ISensor
    {
        public double Next { get; set; }

        public string? Failure { get; set; }

        public int Disposed { get; private set; }

        public void Read(Span<double> values)
        {
            if (Failure is not null)
            {
                throw new IOException(Failure);
            }

            values.Fill(Next);
        }

        public void Dispose() => Disposed++;
    }
}
