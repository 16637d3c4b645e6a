namespace Nats.Edge.Server.Configuration;

/// <summary>One entry of <c>gateway.gateways</c>: a remote cluster and the URLs of its gateway servers.</summary>
public sealed record RemoteGatewayOptions
{
    /// <summary>The remote cluster's gateway name (<c>name</c>).</summary>
    public required string Name { get; init; }

    /// <summary><c>nats://[user:pass@]host:port</c> URLs of its servers (<c>url</c> / <c>urls</c>); one is dialled at a time.</summary>
    public required IReadOnlyList<Uri> Urls { get; init; }

    /// <summary>TLS toward that cluster; overrides the gateway block's own (<c>tls</c>).</summary>
    public RemoteTlsOptions? Tls { get; init; }
}
