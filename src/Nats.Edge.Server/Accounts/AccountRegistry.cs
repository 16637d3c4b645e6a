using Nats.Edge.Server.Security;

namespace Nats.Edge.Server.Accounts;

/// <summary>
/// Every account of the server (<c>$G</c>, the system account and those configured) with their
/// imports wired: each import is a standing subscription in the account messages come from.
/// </summary>
internal sealed class AccountRegistry
{
    private readonly Dictionary<string, Account> _accounts = new(StringComparer.Ordinal);
    private readonly List<ServiceReplies> _serviceReplies = [];

    public AccountRegistry(ServerOptions options)
    {
        Global = Add(Account.GlobalName);
        System = _accounts.GetValueOrDefault(options.SystemAccount) ?? Add(options.SystemAccount);
        foreach (var account in options.Accounts)
        {
            if (account.Name == Account.GlobalName || account.Name == options.SystemAccount)
            {
                continue;
            }

            if (_accounts.ContainsKey(account.Name))
            {
                throw new ServerOptionsException($"duplicate account \"{account.Name}\"");
            }

            Add(account.Name);
        }

        foreach (var account in options.Accounts)
        {
            foreach (var import in account.Imports)
            {
                Wire(options, _accounts[account.Name], import);
            }
        }
    }

    /// <summary>nats-server's global account: users without an account, and everyone when auth is off.</summary>
    public Account Global { get; }

    /// <summary>The account named by <c>system_account</c> (<c>$SYS</c> by default).</summary>
    public Account System { get; }

    /// <summary>Every account: <c>$G</c>, the system account, then the configured ones. Fixed after construction.</summary>
    public IReadOnlyCollection<Account> All => _accounts.Values;

    /// <summary>Subscriptions in all accounts, the server's own import subscriptions included.</summary>
    public long SubscriptionCount
    {
        get
        {
            long count = 0;
            foreach (var account in _accounts.Values)
            {
                count += account.Subscriptions.Count;
            }

            return count;
        }
    }

    public Account? TryFind(string name) => _accounts.GetValueOrDefault(name);

    public Account Find(string? name)
    {
        if (name is null)
        {
            return Global;
        }

        return _accounts.TryGetValue(name, out var account) ? account : throw new ServerOptionsException($"unknown account \"{name}\"");
    }

    /// <summary>Drops service reply mappings whose response never came; called from the server's timer.</summary>
    public void Sweep()
    {
        foreach (var replies in _serviceReplies)
        {
            replies.Sweep();
        }
    }

    private Account Add(string name)
    {
        var account = new Account(name);
        _accounts.Add(name, account);
        return account;
    }

    private void Wire(ServerOptions options, Account importer, ImportOptions import)
    {
        var exporter = Find(import.Account);
        if (!IsExported(options, exporter.Name, importer.Name, import))
        {
            throw new ServerOptionsException(
                $"account \"{importer.Name}\" imports {Kind(import.Kind)} \"{import.Subject}\" that account \"{exporter.Name}\" does not export to it");
        }

        if (import.Kind == ExportKind.Stream)
        {
            var stream = new StreamImport(new CrossAccountDelivery(importer), new SubjectMapping(import.Subject, import.LocalSubject));
            exporter.Subscribe(new Subscription(stream, Bytes(import.Subject), null, []));
            return;
        }

        var multiple = false;
        foreach (var export in Exports(options, exporter.Name))
        {
            multiple |= export.Kind == ExportKind.Service && export.MultipleResponses && SubjectPattern.Covers(Bytes(export.Subject), Bytes(import.Subject));
        }

        var replies = new ServiceReplies(new CrossAccountDelivery(importer), multiple);
        _serviceReplies.Add(replies);
        exporter.Subscribe(new Subscription(replies, replies.WildcardSubject, null, []));

        var to = import.LocalSubject;
        var service = new ServiceImport(new CrossAccountDelivery(exporter), new SubjectMapping(to, import.Subject), replies);
        importer.Subscribe(new Subscription(service, Bytes(to), null, []));
    }

    private static bool IsExported(ServerOptions options, string exporter, string importer, ImportOptions import)
    {
        foreach (var export in Exports(options, exporter))
        {
            if (export.Kind == import.Kind
                && SubjectPattern.Covers(Bytes(export.Subject), Bytes(import.Subject))
                && (export.Accounts is null || export.Accounts.Contains(importer)))
            {
                return true;
            }
        }

        return false;
    }

    private static IReadOnlyList<ExportOptions> Exports(ServerOptions options, string account)
    {
        foreach (var candidate in options.Accounts)
        {
            if (candidate.Name == account)
            {
                return candidate.Exports;
            }
        }

        return [];
    }

    private static string Kind(ExportKind kind) => kind == ExportKind.Stream ? "stream" : "service";

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
