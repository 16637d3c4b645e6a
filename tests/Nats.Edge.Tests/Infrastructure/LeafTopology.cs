namespace Nats.Edge.Tests.Infrastructure;

/// <summary>Which server plays which role in a leafnode test: nats-edge against nats-server both ways, and against itself.</summary>
public enum LeafTopology
{
    /// <summary>A nats-edge board dials a nats-server hub: the product's main role.</summary>
    EdgeLeafToReferenceHub,

    /// <summary>A nats-server leaf dials a nats-edge hub.</summary>
    ReferenceLeafToEdgeHub,

    /// <summary>nats-edge on both ends.</summary>
    EdgeLeafToEdgeHub,
}
