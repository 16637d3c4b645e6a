using BenchmarkDotNet.Attributes;
using Nats.Edge.Devices.Bridge;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Sensors;
using Nats.Edge.Server;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Server.Embedded;
using Nats.Edge.Server.Logging;

namespace Nats.Edge.Benchmarks.Devices;

/// <summary>
/// One reading from the device bridge into the server, no socket: the JSON payload is formatted
/// into a reused buffer and handed to the same delivery as a client's PUB. Per reading.
/// </summary>
[MemoryDiagnoser]
public class ReadingPublishBenchmarks
{
    private static readonly DateTime Now = new(2026, 11, 27, 2, 30, 0, 123, DateTimeKind.Utc);

    private NatsServer _server = null!;
    private InProcessClient _client = null!;
    private SensorSampler _sampler = null!;
    private InProcessSubscription? _subscription;
    private long _received;

    /// <summary>Whether an in-process subscriber on <c>devices.&gt;</c> takes each reading.</summary>
    [Params(false, true)]
    public bool WithSubscriber { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _server = new NatsServer(new ServerOptions { Host = "127.0.0.1", Port = 0 });
        _client = new InProcessClient(_server);
        if (WithSubscriber)
        {
            _subscription = _client.Subscribe("devices.>", queue: null, (in InProcessMessage message) => _received += message.Payload.Length);
        }

        var sensor = new SensorOptions { Type = SensorKinds.Named("cpu_temperature"), Name = "cpu" };
        _sampler = new SensorSampler(sensor, "devices.pi-kitchen.cpu", () => new ConstantSensor(), _client, ServerLog.None, TimeSpan.FromMinutes(1));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _subscription?.Dispose();
        _sampler.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>A sample: read, round, format <c>{"value":…,"unit":"°C","ts":…,"quality":"good"}</c>, publish.</summary>
    [Benchmark]
    public TimeSpan SampleAndPublish() => _sampler.Sample(Now);

    /// <summary>The publish alone, with a payload already formatted.</summary>
    [Benchmark]
    public bool PublishPayload() =>
        _client.Publish("devices.pi-kitchen.cpu.temperature"u8, default, """{"value":47.2,"unit":"°C","ts":"2026-11-27T02:30:00.123Z","quality":"good"}"""u8);

    private sealed class ConstantSensor : ISensor
    {
        public void Read(Span<double> values) => values[0] = 47.2;

        public void Dispose()
        {
        }
    }
}
