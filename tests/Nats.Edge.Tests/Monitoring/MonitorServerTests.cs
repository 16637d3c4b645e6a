using System.Net;
using Nats.Edge.Server;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Monitoring;

/// <summary>What every monitoring endpoint shares: the listener, paths, format and log line.</summary>
public sealed class MonitorServerTests
{
    [Fact]
    public async Task Without_an_http_port_no_monitoring_listener_exists()
    {
        await using var server = new NatsServer(TestServers.Defaults);
        await server.StartAsync();

        Assert.Null(server.MonitoringEndPoint);
    }

    [ServerTheory]
    public async Task Start_is_logged_with_the_bound_host_and_port(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored, captureLog: true);

        Assert.Contains($"[INF] Starting http monitor on 127.0.0.1:{server.MonitorPort}", server.Log, StringComparison.Ordinal);
    }

    [ServerTheory]
    public async Task Unknown_path_answers_404(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);

        using var response = await MonitorClient.GetAsync(server, "/colourz");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [ServerTheory]
    public async Task Json_is_indented_with_two_spaces(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);

        using var response = await MonitorClient.GetAsync(server, "/routez");

        Assert.StartsWith("{\n  \"server_id\": \"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [ServerTheory]
    public async Task Root_is_an_html_page_linking_the_endpoints(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);

        using var response = await MonitorClient.GetAsync(server, "/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        foreach (var endpoint in new[] { "varz", "connz", "subsz", "routez", "leafz", "gatewayz", "accountz", "healthz" })
        {
            Assert.Contains($"/{endpoint}", page, StringComparison.Ordinal);
        }
    }

    [ServerTheory]
    public async Task Base_path_prefixes_every_endpoint(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored with { HttpBasePath = "/nats" });

        using var varz = await MonitorClient.GetAsync(server, "/nats/varz");
        using var index = await MonitorClient.GetAsync(server, "/nats");
        using var unprefixed = await MonitorClient.GetAsync(server, "/varz");

        Assert.Equal(HttpStatusCode.OK, varz.StatusCode);
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unprefixed.StatusCode);
        var json = await MonitorClient.GetJsonAsync(server, "/nats/varz");
        Assert.Equal("/nats", json.GetProperty("http_base_path").GetString());
    }

    [ServerTheory]
    public async Task Callback_wraps_the_document_as_jsonp(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);

        using var response = await MonitorClient.GetAsync(server, "/routez?callback=show");

        Assert.Equal("application/javascript", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("show({", body, StringComparison.Ordinal);
        Assert.EndsWith("})", body, StringComparison.Ordinal);
    }
}
