using System.Net;
using BenchmarkDotNet.Attributes;
using Nats.Edge.Server;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Tests.Performance;

namespace Nats.Edge.Benchmarks.EndToEnd;

/// <summary>
/// A whole publish → match → deliver through an in-process server over loopback, driven by raw
/// sockets that allocate nothing, so the memory diagnoser's figure is the server's. Per message.
/// </summary>
[MemoryDiagnoser]
public class PubSubBenchmarks
{
    private const int MessagesPerInvoke = 100_000;

    private NatsServer _server = null!;
    private RawLoad _load = null!;

    [Params(16, 1024)]
    public int PayloadSize { get; set; }

    /// <summary>Publisher and subscriber log in as a user with allow and deny lists: the cost of the permission check.</summary>
    [Params(false, true)]
    public bool WithPermissions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _server = new NatsServer(WithPermissions ? PermissionLoad.Options : new ServerOptions { Host = "127.0.0.1", Port = 0 });
        _server.StartAsync().GetAwaiter().GetResult();
        _load = RawLoad.Connect(
            new IPEndPoint(IPAddress.Loopback, _server.ClientEndPoint.Port),
            "devices.pi-kitchen.bme280.temperature",
            PayloadSize,
            WithPermissions ? PermissionLoad.Credentials : null);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _load.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = MessagesPerInvoke)]
    public long PublishToOneSubscriber() => _load.Run(MessagesPerInvoke);
}
