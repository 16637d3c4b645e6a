using System.Collections.Specialized;
using System.Text.Json;
using Nats.Edge.Server.Embedded;
using Nats.Edge.Server.Monitoring;

namespace Nats.Edge.Server.Events;

/// <summary>
/// The requests: <c>$SYS.REQ.SERVER.PING[.&lt;endpoint&gt;]</c> to every server,
/// <c>$SYS.REQ.SERVER.&lt;id&gt;.&lt;endpoint&gt;</c> to this one, <c>$SYS.REQ.ACCOUNT.&lt;account&gt;.&lt;endpoint&gt;</c>
/// about one account. The answers' <c>data</c> are the monitoring endpoints' own documents.
/// </summary>
internal sealed partial class SystemEvents
{
    // The endpoints nats-server 2.9 serves per server, and IDZ, which nats-server added in 2.10.
    private static readonly string[] ServerEndpoints =
        ["STATSZ", "VARZ", "CONNZ", "SUBSZ", "LEAFZ", "ROUTEZ", "GATEWAYZ", "ACCOUNTZ", "HEALTHZ", "IDZ"];

    private static readonly string[] AccountEndpoints = ["CONNZ", "SUBSZ", "LEAFZ", "INFO", "CONNS", "STATZ"];

    // nats-server answers a 400 for options it cannot read and a 500 when building the answer failed.
    private const int BadRequest = 400;
    private const int InternalError = 500;

    private byte[]? _devices;

    /// <summary>
    /// The device bridge's inventory, a JSON object, shown as <c>devices</c> in this server's IDZ
    /// answer so a fleet tool sees what each board has wired; null when no bridge runs.
    /// </summary>
    public void SetDevices(ReadOnlySpan<byte> inventory) => Volatile.Write(ref _devices, inventory.ToArray());

    private void SubscribeRequests()
    {
        // One literal subscription per endpoint, as nats-server makes them: a request for an
        // endpoint nobody serves gets the usual no-responders status, not silence.
        Subscribe("$SYS.REQ.SERVER.PING", (subject, reply, payload) => Answer("STATSZ", null, reply, payload));
        foreach (var endpoint in ServerEndpoints)
        {
            var name = endpoint;
            Subscribe($"$SYS.REQ.SERVER.PING.{name}", (subject, reply, payload) => Answer(name, null, reply, payload));
            Subscribe($"$SYS.REQ.SERVER.{_server.ServerId}.{name}", (subject, reply, payload) => Answer(name, null, reply, payload));
        }

        foreach (var endpoint in AccountEndpoints)
        {
            var name = endpoint;
            Subscribe($"$SYS.REQ.ACCOUNT.*.{name}", (subject, reply, payload) => Answer(name, AccountOf(subject), reply, payload));
        }

        // Every account's STATZ at once; the wildcard above hears this subject too and leaves it.
        Subscribe("$SYS.REQ.ACCOUNT.PING.STATZ", (subject, reply, payload) => Answer("STATZ", null, reply, payload));
    }

    // $SYS.REQ.ACCOUNT.<account>.<endpoint>: the fourth token.
    private static string AccountOf(string subject)
    {
        const int Prefix = 17; // "$SYS.REQ.ACCOUNT."
        return subject[Prefix..subject.LastIndexOf('.')];
    }

    private void Subscribe(string subject, Action<string, string, byte[]> answer) =>
        _subscriptions.Add(_client.Subscribe(subject, queue: null, (in InProcessMessage message) =>
        {
            var (requested, reply, payload) = (Encoding.UTF8.GetString(message.Subject), Encoding.UTF8.GetString(message.Reply), message.Payload.ToArray());
            Post(() => answer(requested, reply, payload));
        }));

    private void Answer(string endpoint, string? account, string reply, byte[] payload)
    {
        if (reply.Length == 0)
        {
            // A STATSZ request without a reply is answered on the server's own STATSZ subject.
            if (endpoint != "STATSZ" || account is not null)
            {
                return;
            }

            reply = $"$SYS.SERVER.{_server.ServerId}.STATSZ";
        }

        RequestOptions options;
        try
        {
            options = RequestOptions.Parse(payload);
        }
        catch (JsonException ex)
        {
            SendFromServer(reply, writer => WriteError(writer, BadRequest, ex.Message));
            return;
        }

        if (options.Excludes(_server))
        {
            return;
        }

        switch (endpoint)
        {
            case "STATSZ":
                SendStatsz(reply);
                return;
            case "IDZ":
                Send(reply, WriteIdz);
                return;
            case "CONNS":
                SendAccountConnections(account!, reply);
                return;
            case "STATZ" when account != "PING":
                SendAccountStatz(account, options.Query, reply);
                return;
            case "STATZ":
                return;
        }

        Action<Utf8JsonWriter> data;
        try
        {
            data = Data(endpoint, account, options.Query);
        }
        catch (BadQueryException ex)
        {
            // nats-server's answer keeps an empty data next to the error here.
            SendFromServer(reply, writer =>
            {
                writer.WriteNull("data");
                WriteError(writer, InternalError, ex.Message);
            });
            return;
        }

        SendFromServer(reply, writer =>
        {
            writer.WritePropertyName("data");
            data(writer);
        });
    }

    // Built before the answer is written, so a bad option fails before anything is.
    private Action<Utf8JsonWriter> Data(string endpoint, string? account, NameValueCollection query)
    {
        var context = MonitorJsonContext.Default;
        if (account is not null)
        {
            query["acc"] = account;
        }

        switch (endpoint)
        {
            case "VARZ":
                var varz = Varz.From(_server, _server.Monitor);
                return writer => JsonSerializer.Serialize(writer, varz, context.Varz);
            case "CONNZ":
                var connz = Connz.From(_server, ConnzQuery.Parse(query));
                return writer => JsonSerializer.Serialize(writer, connz, context.Connz);
            case "SUBSZ":
                return Subscriptions(account, query);
            case "LEAFZ":
                var leafz = Leafz.From(_server, query);
                return writer => JsonSerializer.Serialize(writer, leafz, context.Leafz);
            case "ROUTEZ":
                var routez = Routez.From(_server, QueryReader.Bool(query, "subs"));
                return writer => JsonSerializer.Serialize(writer, routez, context.Routez);
            case "GATEWAYZ":
                var gatewayz = Gatewayz.From(_server, query);
                return writer => JsonSerializer.Serialize(writer, gatewayz, context.Gatewayz);
            case "ACCOUNTZ":
                var accountz = Accountz.From(_server, query);
                return writer => JsonSerializer.Serialize(writer, accountz, context.Accountz);
            case "INFO":
                var found = _server.Accounts.TryFind(account!) ?? throw new BadQueryException($"Account {account} does not exist");
                var detail = AccountDetail.From(_server, found);
                return writer => JsonSerializer.Serialize(writer, detail, context.AccountDetail);
            default:
                return writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("status", "ok");
                    writer.WriteEndObject();
                };
        }
    }

    // An account's SUBSZ lists its subscriptions with its own figures, as nats-server's does.
    private Action<Utf8JsonWriter> Subscriptions(string? account, NameValueCollection query)
    {
        var context = MonitorJsonContext.Default;
        IReadOnlyCollection<Account> accounts = _server.Accounts.All;
        if (account is not null)
        {
            query["subs"] = "1";
            accounts = _server.Accounts.TryFind(account) is { } found ? [found] : [];
        }

        var stats = SublistStats.From(_server, accounts);
        var (offset, limit) = QueryReader.Paging(query);
        var page = Subsz.From(_server, stats, query) ?? Subsz.Figures(_server, stats, offset, limit);
        return writer => JsonSerializer.Serialize(writer, page, context.Subsz);
    }

    /// <summary>
    /// Account STATZ: the connection counts of <paramref name="account"/>, or of every account (or those
    /// the options' <c>accounts</c> name) when null. Accounts without connections are left out
    /// unless <c>include_unused</c>; with none left, nats-server stays silent, and so does this.
    /// </summary>
    private void SendAccountStatz(string? account, NameValueCollection query, string reply)
    {
        var named = account is not null ? [account] : query.GetValues("accounts");
        var includeUnused = QueryReader.Bool(query, "include_unused");
        var stats = new List<(Account Account, int Clients, int Leafs, TrafficCounts Counts)>();
        foreach (var candidate in _server.Accounts.All)
        {
            if (named is not null && Array.IndexOf(named, candidate.Name) < 0)
            {
                continue;
            }

            var (clients, leafs, counts) = CountConnections(candidate);
            if (includeUnused || clients + leafs > 0)
            {
                stats.Add((candidate, clients, leafs, counts));
            }
        }

        if (stats.Count == 0)
        {
            return;
        }

        SendFromServer(reply, writer =>
        {
            writer.WriteStartObject("data");
            writer.WriteString("server_id", _server.ServerId);
            writer.WriteString("now", GoFormat.Timestamp(DateTime.UtcNow));
            writer.WriteStartArray("account_statz");
            foreach (var (found, clients, leafs, counts) in stats)
            {
                writer.WriteStartObject();
                WriteAccountStat(writer, found, clients, leafs, counts);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    // IDZ is nats-server 2.10's: the identity alone, no server block; the inventory is nats-edge's own.
    private void WriteIdz(Utf8JsonWriter writer)
    {
        writer.WriteString("name", _server.ServerName);
        writer.WriteString("host", _server.Options.Host);
        writer.WriteString("id", _server.ServerId);
        if (Volatile.Read(ref _devices) is { } devices)
        {
            writer.WritePropertyName("devices");
            writer.WriteRawValue(devices);
        }
    }

    private static void WriteError(Utf8JsonWriter writer, int code, string description)
    {
        writer.WriteStartObject("error");
        writer.WriteNumber("code", code);
        writer.WriteString("description", description);
        writer.WriteEndObject();
    }
}
