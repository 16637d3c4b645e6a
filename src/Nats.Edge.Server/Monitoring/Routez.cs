namespace Nats.Edge.Server.Monitoring;

/// <summary><c>/routez</c>: the routes to the other servers of the cluster (<c>subs=1</c> lists what each announced).</summary>
internal sealed class Routez
{
    public required string ServerId { get; init; }

    public required string ServerName { get; init; }

    public required string Now { get; init; }

    public int NumRoutes { get; init; }

    public IReadOnlyList<RouteDetail> Routes { get; init; } = [];

    public static Routez From(NatsServer server, bool withSubscriptions)
    {
        var routes = new List<RouteDetail>();
        foreach (var route in server.Cluster?.Routes ?? [])
        {
            routes.Add(RouteDetail.From(server, route, withSubscriptions));
        }

        return new Routez
        {
            ServerId = server.ServerId,
            ServerName = server.ServerName,
            Now = GoFormat.Timestamp(DateTime.UtcNow),
            NumRoutes = routes.Count,
            Routes = routes,
        };
    }
}
