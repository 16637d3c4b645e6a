namespace Nats.Edge.Tests.Infrastructure;

/// <summary>Two servers linked to each other: nats-edge with nats-server either way round, and nats-edge with itself.</summary>
public static class ServerPairs
{
    public static TheoryData<ServerTarget, ServerTarget> Mixed => new()
    {
        { ServerTarget.Reference, ServerTarget.Edge },
        { ServerTarget.Edge, ServerTarget.Reference },
        { ServerTarget.Edge, ServerTarget.Edge },
    };
}
