using System.Collections.Specialized;
using System.Text.Json.Serialization;

namespace Nats.Edge.Server.Monitoring;

/// <summary><c>/accountz</c>: the account names, or with <c>acc=</c> that account's detail.</summary>
internal sealed class Accountz
{
    public required string ServerId { get; init; }

    public required string Now { get; init; }

    public required string SystemAccount { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Accounts { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AccountDetail? AccountDetail { get; init; }

    public static Accountz From(NatsServer server, NameValueCollection query)
    {
        List<string>? names = null;
        AccountDetail? detail = null;
        if (QueryReader.Text(query, "acc") is { } name)
        {
            var account = server.Accounts.TryFind(name) ?? throw new BadQueryException($"Account {name} does not exist");
            detail = AccountDetail.From(server, account);
        }
        else
        {
            names = [];
            foreach (var account in server.Accounts.All)
            {
                names.Add(account.Name);
            }
        }

        return new Accountz
        {
            ServerId = server.ServerId,
            Now = GoFormat.Timestamp(DateTime.UtcNow),
            SystemAccount = server.Options.SystemAccount,
            Accounts = names,
            AccountDetail = detail,
        };
    }
}
