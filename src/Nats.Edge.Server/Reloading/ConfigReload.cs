using System.Security.Cryptography;
using Nats.Edge.Server.Logging;
using Nats.Edge.Server.Security;

namespace Nats.Edge.Server.Reloading;

/// <summary>
/// Runs <see cref="NatsServer.Reload"/>: every changed option must be one that may change while
/// running, or nothing changes; then the server takes the new options, authenticator and TLS, the
/// log names each change, and the open clients and leafs are held to the new rules.
/// </summary>
internal sealed class ConfigReload(IReloadable server, ServerLog log, AccountRegistry accounts, ConnectionRegistry connections)
{
    private readonly Lock _gate = new();

    /// <summary>Runs the server on with <paramref name="reloaded"/> instead of its current options.</summary>
    public void Apply(ServerOptions reloaded)
    {
        lock (_gate)
        {
            var changes = OptionChange.Between(server.Options, reloaded);
            var clusterMayChange = ClusterMayChange(server.Options, reloaded);
            var leafnodesChanged = changes.Exists(static change => change.Name == nameof(ServerOptions.Leafnodes));
            foreach (var change in changes)
            {
                var mayChange = change.Name switch
                {
                    nameof(ServerOptions.Cluster) => clusterMayChange,
                    nameof(ServerOptions.Leafnodes) => LeafnodesMayChange(reloaded),
                    _ => Describe(change) is not null,
                };
                if (!mayChange)
                {
                    throw new ServerOptionsException(
                        $"config reload not supported for {change.Name}: old={OptionChange.Show(change.Old)}, new={OptionChange.Show(change.New)}");
                }
            }

            var authenticator = new Authenticator(reloaded, accounts);
            var tls = server.Tls;
            if (changes.Exists(change => change.Name == nameof(ServerOptions.Tls)))
            {
                tls = LoadTls(reloaded.Tls, static options => new ServerTls(options));
            }

            var leafTls = server.LeafTls;
            var leafTlsChanged = server.Options.Leafnodes?.Tls != reloaded.Leafnodes?.Tls;
            if (leafTlsChanged)
            {
                leafTls = LoadTls(reloaded.Leafnodes?.Tls, static options => new ServerTls(options));
            }

            var clusterTls = server.Cluster?.Tls;
            var clusterTlsChanged = clusterMayChange && server.Options.Cluster!.Tls != reloaded.Cluster!.Tls;
            var clusterCompressionChanged = clusterMayChange && server.Options.Cluster!.Compression != reloaded.Cluster!.Compression;
            if (clusterTlsChanged)
            {
                clusterTls = LoadTls(reloaded.Cluster!.Tls, Routes.ClusterManager.Mutual);
            }

            server.Replace(reloaded, authenticator, tls, leafTls);
            if (clusterTlsChanged || clusterCompressionChanged)
            {
                server.Cluster!.Reload(reloaded.Cluster!, clusterTls);
            }

            if (leafnodesChanged)
            {
                server.LeafRemotes.Reload(reloaded.Leafnodes?.Remotes ?? []);
            }

            foreach (var client in connections.Of<Clients.ClientConnection>())
            {
                client.ApplyReload(authenticator, reloaded);
            }

            foreach (var leaf in connections.Of<Leafnodes.LeafConnection>())
            {
                leaf.ApplyReload();
            }

            // Each "Reloaded: …" line goes out once the option holds for open connections too, as
            // nats-server logs a new max_payload after its clients have it: whoever waits for the
            // line can rely on it.
            foreach (var change in changes)
            {
                if (Describe(change) is { Length: > 0 } line)
                {
                    log.Info("Reloaded: " + line);
                }
                else if (change.Name == nameof(ServerOptions.Cluster))
                {
                    if (clusterTlsChanged)
                    {
                        log.Info("Reloaded: cluster tls = " + (reloaded.Cluster!.Tls is null ? "disabled" : "enabled"));
                    }

                    if (clusterCompressionChanged)
                    {
                        log.Info("Reloaded: cluster compression = " + reloaded.Cluster!.Compression.Mode);
                    }
                }
                else if (change.Name == nameof(ServerOptions.Leafnodes) && leafTlsChanged)
                {
                    log.Info("Reloaded: leafnodes tls = " + (reloaded.Leafnodes?.Tls is null ? "disabled" : "enabled"));
                }
            }

            if (authenticator.HasPlaintextPasswords)
            {
                log.Warn("Plaintext passwords detected, use nkeys or bcrypt");
            }

            log.Info("Reloaded server configuration");
        }
    }

    private static ServerTls? LoadTls(TlsOptions? options, Func<TlsOptions, ServerTls?> load)
    {
        try
        {
            return options is null ? null : load(options);
        }
        catch (Exception ex) when (ex is IOException or CryptographicException)
        {
            throw new ServerOptionsException($"Error loading TLS certificate and key: {ex.Message}");
        }
    }

    // nats-server reloads the leafnode listener's tls and compression (for the links set up
    // afterwards) and the remotes (added, removed, disabled, their tls and compression), nothing else
    // of the block: what else changed is refused by name.
    private bool LeafnodesMayChange(ServerOptions reloaded)
    {
        var before = server.Options.Leafnodes ?? new LeafnodeOptions();
        var after = reloaded.Leafnodes ?? new LeafnodeOptions();
        if (OptionChange.FirstDifference(
                Reloadable(before), Reloadable(after), OptionsJsonContext.Default.LeafnodeOptions) is { } field)
        {
            throw new ServerOptionsException($"config reload not supported for LeafNode: field \"{field}\"");
        }

        server.LeafRemotes.CheckReload(after.Remotes);
        return true;
    }

    private static LeafnodeOptions Reloadable(LeafnodeOptions options) =>
        options with { Remotes = [], Tls = null, Compression = new LeafnodeOptions().Compression };

    // nats-server reloads a cluster block's tls and compression, but not its listener, name or routes:
    // a reloaded block that differs only in those two may go on.
    private static bool ClusterMayChange(ServerOptions running, ServerOptions reloaded) =>
        running.Cluster is { } before && reloaded.Cluster is { } after
        && OptionChange.FirstDifference(Reloadable(before), Reloadable(after), OptionsJsonContext.Default.ClusterOptions) is null;

    private static ClusterOptions Reloadable(ClusterOptions options) =>
        options with { Tls = null, Compression = new ClusterOptions().Compression };

    // What "Reloaded: …" says for an option that may change; empty for one that changes silently,
    // null for one that cannot change while running. Secrets are never shown.
    private static string? Describe(OptionChange change) => change.Name switch
    {
        nameof(ServerOptions.Username) => "authorization user",
        nameof(ServerOptions.Password) => "authorization password",
        nameof(ServerOptions.AuthorizationToken) => "authorization token",
        nameof(ServerOptions.Users) => "authorization users",
        nameof(ServerOptions.NoAuthUser) => $"no_auth_user = {OptionChange.Show(change.New)}",
        nameof(ServerOptions.AuthTimeout) => $"authorization timeout = {Duration(change.New)}",
        nameof(ServerOptions.MaxPayload) => $"max_payload = {OptionChange.Show(change.New)}",
        nameof(ServerOptions.MaxControlLine) => $"max_control_line = {OptionChange.Show(change.New)}",
        nameof(ServerOptions.MaxPending) => $"max_pending = {OptionChange.Show(change.New)}",
        nameof(ServerOptions.MaxConnections) => $"max_connections = {OptionChange.Show(change.New)}",
        nameof(ServerOptions.MaxSubscriptions) => $"max_subscriptions = {OptionChange.Show(change.New)}",
        nameof(ServerOptions.MaxTracedMsgLen) => $"max_traced_msg_len = {OptionChange.Show(change.New)}",
        nameof(ServerOptions.PingInterval) => $"ping_interval = {Duration(change.New)}",
        nameof(ServerOptions.MaxPingsOutstanding) => $"ping_max = {OptionChange.Show(change.New)}",
        nameof(ServerOptions.WriteDeadline) => $"write_deadline = {Duration(change.New)}",
        nameof(ServerOptions.LameDuckDuration) => $"lame_duck_duration = {Duration(change.New)}",
        nameof(ServerOptions.LameDuckGracePeriod) => $"lame_duck_grace_period = {Duration(change.New)}",
        nameof(ServerOptions.Tls) => change.New.ValueKind == System.Text.Json.JsonValueKind.Null ? "tls = disabled" : "tls = enabled",
        nameof(ServerOptions.ShutdownFlushTimeout) => string.Empty,
        _ => null,
    };

    private static string Duration(System.Text.Json.JsonElement value) =>
        GoDuration.Format(TimeSpan.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture));
}
