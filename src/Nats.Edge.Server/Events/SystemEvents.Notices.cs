using System.Diagnostics;
using System.Text.Json;
using Nats.Edge.Server.Clients;
using Nats.Edge.Server.Leafnodes;
using Nats.Edge.Server.Monitoring;

namespace Nats.Edge.Server.Events;

/// <summary>
/// The events: STATSZ on nats-server's schedule, a client's CONNECT and DISCONNECT in its account,
/// the account's connection counts, a leafnode's arrival, lame duck. Each is posted to the loop and
/// built there, off the connection's own thread.
/// </summary>
internal sealed partial class SystemEvents
{
    // nats-server sends the first STATSZ 250 ms after the start, then doubles the wait up to 30 s.
    private static readonly TimeSpan FirstStatsz = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan StatszInterval = TimeSpan.FromSeconds(30);

    // nats-server repeats an account's connection counts every 30 s while it has connections.
    private static readonly TimeSpan AccountHeartbeat = TimeSpan.FromSeconds(30);

    private readonly Dictionary<Account, long> _accountCountsSent = [];

    /// <summary>
    /// A client logged in: its account's counts, then, outside the global account, its CONNECT.
    /// nats-server does both again for a repeated CONNECT, and so does this.
    /// </summary>
    public void ClientConnected(ClientConnection client)
    {
        var now = DateTime.UtcNow;
        Post(() =>
        {
            SendAccountCounts(client.Account);
            if (client.Account != _server.Accounts.Global)
            {
                SendClientEvent(client, now, reason: null);
            }
        });
    }

    /// <summary>A logged-in client went away: outside the global account, its account's counts, then its DISCONNECT, in nats-server's order.</summary>
    public void ClientDisconnected(ClientConnection client)
    {
        if (client.Account == _server.Accounts.Global)
        {
            return;
        }

        var now = DateTime.UtcNow;
        var reason = Describe(client.Reason ?? CloseReason.ClientClosed);
        Post(() =>
        {
            SendAccountCounts(client.Account);
            SendClientEvent(client, now, reason);
        });
    }

    /// <summary>
    /// A leafnode link is up: its account's counts; with gateways, also
    /// <c>$SYS.ACCOUNT.&lt;account&gt;.LEAFNODE.CONNECT</c>, which nats-server sends only then, to
    /// turn the other clusters to interest-only mode for that account.
    /// </summary>
    public void LeafConnected(LeafConnection leaf)
    {
        var account = leaf.Account!;
        Post(() =>
        {
            if (_server.Gateways is not null)
            {
                SendFromServer($"$SYS.ACCOUNT.{account.Name}.LEAFNODE.CONNECT", writer => writer.WriteString("acc", account.Name));
            }

            SendAccountCounts(account);
        });
    }

    /// <summary>A leafnode link that was up went away: its account's counts.</summary>
    public void LeafDisconnected(LeafConnection leaf)
    {
        var account = leaf.Account!;
        Post(() => SendAccountCounts(account));
    }

    /// <summary><c>$SYS.SERVER.&lt;id&gt;.LAMEDUCK</c>, the server block alone, as nats-server 2.10 sends it.</summary>
    public void EnteringLameDuckMode() =>
        Post(() => Send($"$SYS.SERVER.{_server.ServerId}.LAMEDUCK", writer => EventJson.WriteServerBody(writer, _server, ++_sequence)));

    private async Task HeartbeatAsync(CancellationToken stop)
    {
        var wait = FirstStatsz;
        try
        {
            while (true)
            {
                await Task.Delay(wait, stop).ConfigureAwait(false);
                Post(() => SendStatsz($"$SYS.SERVER.{_server.ServerId}.STATSZ"));
                Post(RepeatAccountCounts);
                wait = wait * 2 < StatszInterval ? wait * 2 : StatszInterval;
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private void SendStatsz(string subject)
    {
        var traffic = _server.Connections.Traffic();
        var active = new HashSet<Account>();
        var routes = new List<Routes.RouteConnection>();
        foreach (var connection in _server.Connections.All)
        {
            switch (connection)
            {
                case ClientConnection { IsLoggedIn: true } client:
                    active.Add(client.Account);
                    break;
                case LeafConnection { IsReady: true, Account: { } account }:
                    active.Add(account);
                    break;
                case Routes.RouteConnection route:
                    routes.Add(route);
                    break;
            }
        }

        Send(subject, writer =>
        {
            EventJson.WriteServer(writer, _server, ++_sequence);
            writer.WriteStartObject("statsz");
            writer.WriteString("start", GoFormat.Timestamp(_server.StartTime));
            writer.WriteNumber("mem", ProcessUsage.ResidentBytes());
            writer.WriteNumber("cores", Environment.ProcessorCount);
            writer.WriteNumber("cpu", _server.Usage.CpuPercent());
            writer.WriteNumber("connections", _server.Connections.ClientCount);
            writer.WriteNumber("total_connections", _server.TotalConnections);
            writer.WriteNumber("active_accounts", active.Count);
            writer.WriteNumber("subscriptions", _server.Accounts.SubscriptionCount);
            EventJson.WriteDataStats(writer, "sent", traffic.OutMessages, traffic.OutBytes);
            EventJson.WriteDataStats(writer, "received", traffic.InMessages, traffic.InBytes);
            writer.WriteNumber("slow_consumers", _server.SlowConsumers);
            if (routes.Count > 0)
            {
                writer.WriteStartArray("routes");
                foreach (var route in routes)
                {
                    var counts = TrafficCounts.Of(route);
                    writer.WriteStartObject();
                    writer.WriteNumber("rid", route.Id);
                    if (route.Peer?.ServerName is { Length: > 0 } name)
                    {
                        writer.WriteString("name", name);
                    }

                    EventJson.WriteDataStats(writer, "sent", counts.OutMessages, counts.OutBytes);
                    EventJson.WriteDataStats(writer, "received", counts.InMessages, counts.InBytes);
                    writer.WriteNumber("pending", route.Outbound.PendingBytes);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            // Only this server: nats-edge does not track the others' STATSZ.
            writer.WriteNumber("active_servers", 1);
            writer.WriteEndObject();
        });
    }

    private void SendClientEvent(ClientConnection client, DateTime now, string? reason)
    {
        var disconnect = reason is not null;
        var account = client.Account.Name;
        var subject = $"$SYS.ACCOUNT.{account}.{(disconnect ? "DISCONNECT" : "CONNECT")}";
        if (!HasInterest(subject))
        {
            return;
        }

        var connect = client.Connect;
        var counts = TrafficCounts.Of(client);
        Send(subject, writer =>
        {
            EventJson.WriteTypedEvent(writer, disconnect ? "io.nats.server.advisory.v1.client_disconnect" : "io.nats.server.advisory.v1.client_connect", ServerIdentity.NewNuid(), now);
            EventJson.WriteServer(writer, _server, ++_sequence);
            writer.WriteStartObject("client");
            writer.WriteString("start", GoFormat.Timestamp(_server.WallClock(client.Started)));
            writer.WriteString("host", client.RemoteEndPoint.Address.ToString());
            writer.WriteNumber("id", client.Id);
            writer.WriteString("acc", account);
            WriteUnlessEmpty(writer, "user", client.UserName);
            WriteUnlessEmpty(writer, "name", connect.Name);
            WriteUnlessEmpty(writer, "lang", connect.Lang);
            WriteUnlessEmpty(writer, "ver", connect.Version);
            if (disconnect)
            {
                // Go marshals a time.Duration as whole nanoseconds.
                if (client.Rtt > TimeSpan.Zero)
                {
                    writer.WriteNumber("rtt", client.Rtt.Ticks * 100);
                }

                writer.WriteString("stop", GoFormat.Timestamp(now));
            }

            writer.WriteString("kind", "Client");
            writer.WriteString("client_type", client.Transport.IsWebSocket ? "websocket" : "nats");
            writer.WriteEndObject();
            if (disconnect)
            {
                // From the client's side: what it sent is what the server received from it.
                EventJson.WriteDataStats(writer, "sent", counts.InMessages, counts.InBytes);
                EventJson.WriteDataStats(writer, "received", counts.OutMessages, counts.OutBytes);
                writer.WriteString("reason", reason);
            }
        });
    }

    /// <summary>
    /// <c>$SYS.ACCOUNT.&lt;account&gt;.SERVER.CONNS</c> and the older <c>$SYS.SERVER.ACCOUNT.&lt;account&gt;.CONNS</c>,
    /// both of which nats-server still sends. The message counts are those of the account's open
    /// connections: nats-edge keeps no per-account totals.
    /// </summary>
    private void SendAccountCounts(Account account)
    {
        string[] subjects = [$"$SYS.SERVER.ACCOUNT.{account.Name}.CONNS", $"$SYS.ACCOUNT.{account.Name}.SERVER.CONNS"];
        if (!HasInterest(subjects[0]) && !HasInterest(subjects[1]))
        {
            // Counting walks every connection: with nobody listening, a burst of logins would make
            // that quadratic. The heartbeat looks again, and counts once someone listens.
            _accountCountsSent[account] = Stopwatch.GetTimestamp();
            return;
        }

        // One event under two subjects: the same id and timestamp on both, as nats-server sends it.
        var (clients, leafs, counts) = CountConnections(account);
        var (id, time) = (ServerIdentity.NewNuid(), DateTime.UtcNow);
        foreach (var subject in subjects)
        {
            SendAccountCounts(subject, account, clients, leafs, counts, id, time);
        }

        if (clients + leafs > 0)
        {
            _accountCountsSent[account] = Stopwatch.GetTimestamp();
        }
        else
        {
            _accountCountsSent.Remove(account);
        }
    }

    // nats-server restarts an account's 30 s timer on every update; the heartbeat looks for those due.
    private void RepeatAccountCounts()
    {
        var due = new List<Account>();
        foreach (var (account, sent) in _accountCountsSent)
        {
            if (Stopwatch.GetElapsedTime(sent) >= AccountHeartbeat)
            {
                due.Add(account);
            }
        }

        foreach (var account in due)
        {
            SendAccountCounts(account);
        }
    }

    /// <summary>The answer to <c>$SYS.REQ.ACCOUNT.&lt;account&gt;.CONNS</c>: sent only when this server has connections there.</summary>
    private void SendAccountConnections(string name, string reply)
    {
        if (_server.Accounts.TryFind(name) is not { } account)
        {
            return;
        }

        var (clients, leafs, counts) = CountConnections(account);
        if (clients + leafs > 0)
        {
            SendAccountCounts(reply, account, clients, leafs, counts, ServerIdentity.NewNuid(), DateTime.UtcNow);
        }
    }

    private void SendAccountCounts(string subject, Account account, int clients, int leafs, TrafficCounts counts, string id, DateTime time) => Send(subject, writer =>
    {
        EventJson.WriteTypedEvent(writer, "io.nats.server.advisory.v1.account_connections", id, time);
        EventJson.WriteServer(writer, _server, ++_sequence);
        WriteAccountStat(writer, account, clients, leafs, counts);
    });

    // nats-server's AccountStat fields: the counts event has them at its top level, STATZ in a list.
    private static void WriteAccountStat(Utf8JsonWriter writer, Account account, int clients, int leafs, TrafficCounts counts)
    {
        writer.WriteString("acc", account.Name);
        writer.WriteNumber("conns", clients);
        writer.WriteNumber("leafnodes", leafs);
        writer.WriteNumber("total_conns", clients + leafs);
        EventJson.WriteDataStats(writer, "sent", counts.OutMessages, counts.OutBytes);
        EventJson.WriteDataStats(writer, "received", counts.InMessages, counts.InBytes);
        writer.WriteNumber("slow_consumers", 0);
    }

    private (int Clients, int Leafs, TrafficCounts Counts) CountConnections(Account account)
    {
        var (clients, leafs, counts) = (0, 0, default(TrafficCounts));
        foreach (var connection in _server.Connections.All)
        {
            if (connection is ClientConnection { IsLoggedIn: true } client && client.Account == account)
            {
                clients++;
                counts = counts.Add(TrafficCounts.Of(client));
            }
            else if (connection is LeafConnection { IsReady: true } leaf && leaf.Account == account)
            {
                leafs++;
                counts = counts.Add(TrafficCounts.Of(leaf));
            }
        }

        return (clients, leafs, counts);
    }

    // Whether anyone, here or behind a link, would receive a message on this system account subject.
    private bool HasInterest(string subject) => !_server.Accounts.System.Subscriptions.Match(Encoding.UTF8.GetBytes(subject)).IsEmpty;

    private static void WriteUnlessEmpty(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, value);
        }
    }

    // nats-server's words for why a connection closed.
    private static string Describe(CloseReason reason) => reason switch
    {
        CloseReason.ClientClosed => "Client Closed",
        CloseReason.ReadError => "Read Error",
        CloseReason.WriteError => "Write Error",
        CloseReason.ProtocolViolation => "Protocol Violation",
        CloseReason.ParseError => "Parse Error",
        CloseReason.AuthenticationTimeout => "Authentication Timeout",
        CloseReason.AuthenticationViolation => "Authentication Failure",
        CloseReason.MaxPayloadExceeded => "Maximum Message Payload Exceeded",
        CloseReason.MaxConnectionsExceeded => "Maximum Connections Exceeded",
        CloseReason.MaxControlLineExceeded => "Maximum Control Line Exceeded",
        CloseReason.SlowConsumerPendingBytes => "Slow Consumer (Pending Bytes)",
        CloseReason.SlowConsumerWriteDeadline => "Slow Consumer (Write Deadline)",
        CloseReason.StaleConnection => "Stale Connection",
        CloseReason.TlsHandshakeError => "TLS Handshake Failure",
        CloseReason.ServerShutdown => "Server Shutdown",
        CloseReason.DuplicateRoute => "Duplicate Route",
        CloseReason.ClusterNameConflict => "Cluster Name Conflict",
        _ => reason.ToString(),
    };
}
