using System.Text.Json.Serialization;

namespace Nats.Edge.Server.Monitoring;

/// <summary>
/// <c>/accountz?acc=</c>'s <c>account_detail</c>. Imports and exports are the configured ones;
/// nats-server also lists the <c>$SYS</c> service imports it adds to every account, which nats-edge
/// does not have.
/// </summary>
internal sealed class AccountDetail
{
    public required string AccountName { get; init; }

    /// <summary>Accounts come from the config file, so they were last updated when the server started.</summary>
    public required string UpdateTime { get; init; }

    public bool Expired { get; init; }

    public bool Complete { get; init; } = true;

    public bool JetstreamEnabled { get; init; }

    public int LeafnodeConnections { get; init; }

    public int ClientConnections { get; init; }

    public long Subscriptions { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AccountExport>? Exports { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AccountImport>? Imports { get; init; }

    public required SublistStats SublistStats { get; init; }

    public static AccountDetail From(NatsServer server, Account account)
    {
        var clients = 0;
        foreach (var client in server.Connections.Of<Clients.ClientConnection>())
        {
            clients += client.Account == account ? 1 : 0;
        }

        var leafs = 0;
        foreach (var leaf in server.Connections.Of<Leafnodes.LeafConnection>())
        {
            leafs += leaf.Account == account ? 1 : 0;
        }

        List<AccountExport>? exports = null;
        List<AccountImport>? imports = null;
        foreach (var configured in server.Options.Accounts)
        {
            if (configured.Name != account.Name)
            {
                continue;
            }

            foreach (var export in configured.Exports)
            {
                (exports ??= []).Add(AccountExport.From(export));
            }

            foreach (var import in configured.Imports)
            {
                (imports ??= []).Add(AccountImport.From(import));
            }
        }

        return new AccountDetail
        {
            AccountName = account.Name,
            UpdateTime = GoFormat.Timestamp(server.StartTime),
            LeafnodeConnections = leafs,
            ClientConnections = clients,
            Subscriptions = account.Subscriptions.Count,
            Exports = exports,
            Imports = imports,
            SublistStats = SublistStats.From(server, [account]),
        };
    }
}
