namespace Nats.Edge.Server.Configuration;

/// <summary>What an export shares: messages flowing out (stream) or requests flowing in (service).</summary>
public enum ExportKind
{
    /// <summary>Messages published in the exporting account reach subscribers of importing accounts.</summary>
    Stream,

    /// <summary>Requests from importing accounts reach responders in the exporting account, and replies go back.</summary>
    Service,
}
