using System.Text.Json;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>Reads a server's monitoring endpoints over HTTP on 127.0.0.1, bounded like every other wait.</summary>
public static class MonitorClient
{
    private static readonly HttpClient Http = new() { Timeout = TestTimeouts.Reply };

    /// <summary>GETs <paramref name="pathAndQuery"/> (such as <c>/connz?subs=1</c>) and returns the whole response.</summary>
    public static Task<HttpResponseMessage> GetAsync(IRunningServer server, string pathAndQuery)
    {
        Assert.True(server.MonitorPort > 0, $"{server.Target} has no monitoring port");
        return Http.GetAsync(new Uri($"http://127.0.0.1:{server.MonitorPort}{pathAndQuery}"));
    }

    /// <summary>GETs a JSON endpoint, checks it answered 200 with application/json, and parses it.</summary>
    public static async Task<JsonElement> GetJsonAsync(IRunningServer server, string pathAndQuery)
    {
        using var response = await GetAsync(server, pathAndQuery);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{server.Target} {pathAndQuery}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>Polls <paramref name="pathAndQuery"/> until <paramref name="condition"/> holds, or fails with the last answer.</summary>
    public static async Task<JsonElement> WaitForAsync(IRunningServer server, string pathAndQuery, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow + TestTimeouts.Reply;
        while (true)
        {
            var json = await GetJsonAsync(server, pathAndQuery);
            if (condition(json))
            {
                return json;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{server.Target} {pathAndQuery} never met the condition; last answer:\n{json}");
            await Task.Delay(20);
        }
    }
}
