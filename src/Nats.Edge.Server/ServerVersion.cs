namespace Nats.Edge.Server;

/// <summary>Version strings the server reports.</summary>
public static class ServerVersion
{
    /// <summary>The product version, printed by <c>nats-edge -v</c> and in the startup log.</summary>
    public const string Product = "0.1.0";

    /// <summary>
    /// The INFO <c>version</c>: the nats-server release whose client protocol we match, with our own
    /// version as semver build metadata. Clients gate features on this number and semver ignores the
    /// metadata, so they treat us as that release.
    /// </summary>
    public const string Info = "2.9.10+nats-edge." + Product;
}
