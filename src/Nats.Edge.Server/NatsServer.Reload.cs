using System.Security.Cryptography;
using Nats.Edge.Server.Connections;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Server.Reloading;

namespace Nats.Edge.Server;

public sealed partial class NatsServer
{
    private readonly Lock _reloadGate = new();

    /// <summary>
    /// Runs on with <paramref name="reloaded"/> instead of the current options, as nats-server's
    /// config reload does: users, passwords, permissions, limits and TLS change for new and open
    /// connections. An option that cannot change while running (a port, an account's exports, the
    /// leafnode setup) throws <see cref="ServerOptionsException"/> and nothing changes.
    /// </summary>
    public void Reload(ServerOptions reloaded)
    {
        ArgumentNullException.ThrowIfNull(reloaded);
        lock (_reloadGate)
        {
            var changes = OptionChange.Between(Options, reloaded);
            foreach (var change in changes)
            {
                if (Describe(change) is null)
                {
                    throw new ServerOptionsException(
                        $"config reload not supported for {change.Name}: old={OptionChange.Show(change.Old)}, new={OptionChange.Show(change.New)}");
                }
            }

            var authenticator = new Security.Authenticator(reloaded, Accounts);
            var tls = Tls;
            if (changes.Exists(change => change.Name == nameof(ServerOptions.Tls)))
            {
                tls = LoadTls(reloaded.Tls);
            }

            Volatile.Write(ref _options, reloaded);
            Volatile.Write(ref _authenticator, authenticator);
            Volatile.Write(ref _tls, tls);
            foreach (var change in changes)
            {
                if (Describe(change) is { Length: > 0 } line)
                {
                    Log.Info("Reloaded: " + line);
                }
            }

            if (authenticator.HasPlaintextPasswords)
            {
                Log.Warn("Plaintext passwords detected, use nkeys or bcrypt");
            }

            foreach (var client in Connections.Of<Clients.ClientConnection>())
            {
                client.ApplyReload(authenticator, reloaded);
            }

            foreach (var leaf in Connections.Of<Leafnodes.LeafConnection>())
            {
                leaf.ApplyReload();
            }

            Log.Info("Reloaded server configuration");
        }
    }

    private static ServerTls? LoadTls(TlsOptions? options)
    {
        try
        {
            return options is null ? null : new ServerTls(options);
        }
        catch (Exception ex) when (ex is IOException or CryptographicException)
        {
            throw new ServerOptionsException($"Error loading TLS certificate and key: {ex.Message}");
        }
    }

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
