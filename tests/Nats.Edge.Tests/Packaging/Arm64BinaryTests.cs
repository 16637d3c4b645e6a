using System.Globalization;
using NATS.Client.Core;
using NATS.Net;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Packaging;

/// <summary>
/// The binary a Raspberry Pi runs, smoke-tested on the build host under qemu-aarch64: it serves host
/// clients, speaks TLS with Debian's arm64 OpenSSL, and stops cleanly.
/// </summary>
public sealed class Arm64BinaryTests
{
    [PublishedFact("linux-arm64")]
    public async Task Host_client_subscription_receives_what_another_host_client_publishes()
    {
        await using var edge = await PublishedBinary.Arm64.StartReadyAsync("-a", "127.0.0.1", "-p", FreePort());
        await using var subscriber = new NatsClient($"nats://127.0.0.1:{edge.Port}");
        await using var publisher = new NatsClient($"nats://127.0.0.1:{edge.Port}");
        await using var readings = await subscriber.Connection.SubscribeCoreAsync<string>("sensors.>");
        await subscriber.PingAsync();

        await publisher.PublishAsync("sensors.pi1.temperature", "21.5");

        var message = await TestClients.NextAsync(readings);
        Assert.Equal(("sensors.pi1.temperature", "21.5"), (message.Subject, message.Data));
    }

    [PublishedFact("linux-arm64")]
    public async Task Sigterm_stops_it_cleanly_with_exit_code_zero()
    {
        await using var edge = await PublishedBinary.Arm64.StartReadyAsync("-a", "127.0.0.1", "-p", FreePort());

        edge.Signal(Posix.SigTerm);

        Assert.Equal(0, await edge.WaitForExitAsync());
        Assert.Contains("Server Exiting", edge.Output, StringComparison.Ordinal);
    }

    [PublishedFact("linux-arm64")]
    public async Task Tls_client_is_served_through_debian_arm64_openssl()
    {
        using var certificates = new TestCertificates();
        using var folder = new TempConfigFolder();
        var config = folder.Write("tls.json", $$"""
            { "host": "127.0.0.1", "port": {{FreePort()}},
              "tls": { "cert_file": "{{certificates.ServerCertificateFile}}", "key_file": "{{certificates.ServerKeyFile}}" } }
            """);
        await using var edge = await PublishedBinary.Arm64.StartReadyAsync("-c", config);
        await using var client = new NatsClient(new NatsOpts
        {
            Url = $"tls://127.0.0.1:{edge.Port}",
            TlsOpts = new NatsTlsOpts { CaFile = certificates.CaFile, Mode = TlsMode.Require },
            // OpenSSL's first handshake under emulation takes a few seconds.
            ConnectTimeout = TimeSpan.FromSeconds(20),
        });

        var rtt = await client.PingAsync();

        Assert.True(rtt > TimeSpan.Zero);
    }

    private static string FreePort() => TestPorts.Free().ToString(CultureInfo.InvariantCulture);
}
