namespace Nats.Edge.Load.Workloads;

/// <summary>Which client library drives a workload, named as on the command line.</summary>
internal enum ClientKind
{
    /// <summary>This tool's own blocking sockets: the least client cost, so the server is what is measured.</summary>
    Raw,

    /// <summary>NATS.Net, the official C# client, used the way its documentation recommends.</summary>
    NatsNet,
}
