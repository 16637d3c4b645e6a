using System.Collections.Specialized;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Nats.Edge.Server.Logging;

namespace Nats.Edge.Server.Monitoring;

/// <summary>
/// The monitoring HTTP server (nats-server's <c>-m</c>): the JSON endpoints nats-server serves
/// (https://docs.nats.io/running-a-nats-service/nats_admin/monitoring) under an optional base
/// path. Only created when monitoring is configured, so a server without it runs no HTTP code.
/// </summary>
/// <remarks>
/// HttpListener rather than Kestrel, by measurement: as a native AOT app it took about half
/// Kestrel's binary size and well under half its idle memory, with no trim or AOT warnings
/// (figures in bench/README.md). What HttpListener costs in binding is told at
/// <see cref="MonitorListener"/>.
/// </remarks>
internal sealed class MonitorServer : IAsyncDisposable
{
    // Every endpoint, by the name nats-server counts its requests under in http_req_stats.
    private static readonly string[] Endpoints =
        ["/", "/varz", "/connz", "/routez", "/gatewayz", "/leafz", "/subsz", "/accountz", "/healthz", "/outboxz"];

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Go's two-space indent; µ in "284µs" and '>' in subjects stay as they are.
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // nats-server answers /healthz on one line, unlike the other endpoints.
    private static readonly byte[] HealthyBody = "{\"status\":\"ok\"}"u8.ToArray();

    private readonly NatsServer _server;
    private readonly HttpListener _listener;
    private readonly Dictionary<string, int> _routes = new(StringComparer.Ordinal);
    private readonly long[] _requestCounts = new long[Endpoints.Length];
    private readonly byte[] _indexPage;
    private Task _serving = Task.CompletedTask;

    private MonitorServer(NatsServer server, HttpListener listener, string host, IPEndPoint endPoint, string basePath)
    {
        _server = server;
        _listener = listener;
        Host = host;
        EndPoint = endPoint;
        _indexPage = MonitorIndexPage.Render(basePath);
        for (var i = 0; i < Endpoints.Length; i++)
        {
            _routes[i == 0 ? (basePath.Length == 0 ? "/" : basePath) : basePath + Endpoints[i]] = i;
        }

        _routes[basePath + "/subscriptionsz"] = Array.IndexOf(Endpoints, "/subsz");
    }

    /// <summary>The host monitoring was asked to listen on, as <c>/varz</c> shows it.</summary>
    public string Host { get; }

    /// <summary>The bound address and port (the real port when -1 was asked for).</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>
    /// Binds and starts serving. <paramref name="port"/> -1 picks a free port. Throws
    /// <see cref="HttpListenerException"/> when the port cannot be bound.
    /// </summary>
    public static async Task<MonitorServer> StartAsync(NatsServer server, string host, int port, string basePath, CancellationToken cancellationToken)
    {
        var (listener, endPoint) = await MonitorListener.StartAsync(host, port, cancellationToken).ConfigureAwait(false);
        var monitor = new MonitorServer(server, listener, host, endPoint, NormalizeBasePath(basePath));
        monitor._serving = monitor.ServeAsync();
        return monitor;
    }

    /// <summary>Requests so far by endpoint, in path order as Go's JSON writes a map.</summary>
    public IReadOnlyDictionary<string, long> RequestCounts()
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < Endpoints.Length; i++)
        {
            var count = Volatile.Read(ref _requestCounts[i]);
            if (count > 0)
            {
                counts[Endpoints[i]] = count;
            }
        }

        return counts;
    }

    /// <summary>Stops listening; requests being answered finish on their own.</summary>
    public async ValueTask DisposeAsync()
    {
        _listener.Close();
        await _serving.ConfigureAwait(false);
    }

    // "/nats/" and "nats" both mean "/nats"; "" and "/" mean no prefix.
    private static string NormalizeBasePath(string basePath)
    {
        var trimmed = basePath.Trim('/');
        return trimmed.Length == 0 ? string.Empty : "/" + trimmed;
    }

    private static byte[] Serialize<T>(T value, JsonTypeInfo<T> type)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            JsonSerializer.Serialize(writer, value, type);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private async Task ServeAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // Closed by DisposeAsync.
                return;
            }

            // The host completes socket operations on the event thread (HostRunner); building a large
            // /connz there would hold up every connection's I/O, so answers are built on the pool.
            _ = Task.Run(() => RespondAsync(context));
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var answer = Answer(context.Request.Url?.AbsolutePath ?? "/", context.Request.QueryString);
            response.StatusCode = answer.Status;
            response.ContentType = answer.ContentType;
            response.ContentLength64 = answer.Body.Length;
            await response.OutputStream.WriteAsync(answer.Body).ConfigureAwait(false);
            response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away mid-answer; nothing to tell it.
            response.Abort();
        }
#pragma warning disable CA1031 // A fault in one answer must not take the server down; it is logged and the request gets a 500.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _server.Log.Write(LogLevel.Error, $"Monitoring request {context.Request.Url?.AbsolutePath} failed: {ex.GetType().Name}: {ex.Message}");
            response.Abort();
        }
    }

    private MonitorResponse Answer(string path, NameValueCollection query)
    {
        if (!_routes.TryGetValue(path, out var endpoint))
        {
            return MonitorResponse.Text(404, "404 page not found\n");
        }

        Interlocked.Increment(ref _requestCounts[endpoint]);
        try
        {
            var answer = Endpoints[endpoint] switch
            {
                "/" => new MonitorResponse(200, "text/html; charset=utf-8", _indexPage),
                "/healthz" => MonitorResponse.Json(HealthyBody),
                var name => MonitorResponse.Json(Document(name, query)),
            };
            return QueryReader.Text(query, "callback") is { } callback ? WrapInCallback(answer, callback) : answer;
        }
        catch (BadQueryException ex)
        {
            return MonitorResponse.Text(400, ex.Message);
        }
    }

    private byte[] Document(string endpoint, NameValueCollection query)
    {
        var context = MonitorJsonContext.Default;
        switch (endpoint)
        {
            case "/varz":
                return Serialize(Varz.From(_server, this), context.Varz);
            case "/connz":
                return Serialize(Connz.From(_server, ConnzQuery.Parse(query)), context.Connz);
            case "/routez":
                return Serialize(Routez.From(_server, QueryReader.Bool(query, "subs")), context.Routez);
            case "/gatewayz":
                return Serialize(Gatewayz.From(_server, query), context.Gatewayz);
            case "/leafz":
                return Serialize(Leafz.From(_server, query), context.Leafz);
            case "/accountz":
                return Serialize(Accountz.From(_server, query), context.Accountz);
            case "/outboxz":
                return Serialize(Outboxz.From(_server), context.Outboxz);
            default:
                var stats = SublistStats.From(_server, _server.Accounts.All);
                return Subsz.From(_server, stats, query) is { } page ? Serialize(page, context.Subsz) : Serialize(stats, context.SublistStats);
        }
    }

    // JSONP, which nats-server 2.9 still offers: ?callback=fn answers fn(<json>) as a script.
    private static MonitorResponse WrapInCallback(MonitorResponse answer, string callback)
    {
        if (answer.ContentType != "application/json")
        {
            return answer;
        }

        var prefix = System.Text.Encoding.UTF8.GetBytes(callback + "(");
        return new MonitorResponse(answer.Status, "application/javascript", [.. prefix, .. answer.Body, (byte)')']);
    }
}
