using System.Text.Json.Serialization;

namespace Nats.Edge.Server.Monitoring;

/// <summary>One configured leafnode remote in <c>/varz</c>'s <c>leaf.remotes</c>.</summary>
internal sealed class RemoteLeafSummary
{
    public required string LocalAccount { get; init; }

    /// <summary><c>host:port</c> only: credentials in a URL never reach the monitoring page.</summary>
    public required IReadOnlyList<string> Urls { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DenyRules? Deny { get; init; }

    public static RemoteLeafSummary From(RemoteLeafOptions remote)
    {
        var urls = new List<string>(remote.Urls.Count);
        foreach (var url in remote.Urls)
        {
            // 7422: the leafnode port a URL without one dials.
            urls.Add($"{url.Host}:{(url.Port > 0 ? url.Port : 7422)}");
        }

        var denies = remote.DenyExports.Count > 0 || remote.DenyImports.Count > 0;
        return new RemoteLeafSummary
        {
            LocalAccount = remote.Account ?? Accounts.Account.GlobalName,
            Urls = urls,
            Deny = denies
                ? new DenyRules
                {
                    Exports = remote.DenyExports.Count > 0 ? remote.DenyExports : null,
                    Imports = remote.DenyImports.Count > 0 ? remote.DenyImports : null,
                }
                : null,
        };
    }
}
