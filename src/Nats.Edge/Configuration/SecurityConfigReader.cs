using System.Globalization;
using Microsoft.Extensions.Configuration;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration;

/// <summary>
/// Reads nats-server's <c>authorization</c> and <c>accounts</c> blocks by hand: a permission may be a
/// subject, a list or an allow/deny object, and <c>allow_responses</c> a flag or an object, shapes the
/// binder cannot place. Keys take every spelling nats-server takes.
/// </summary>
internal sealed class SecurityConfigReader(string path)
{
    public sealed record Result(
        string? User, string? Password, string? Token, string? Timeout,
        IReadOnlyList<UserOptions> Users, IReadOnlyList<AccountOptions> Accounts);

    public Result Read(IConfigurationSection? authorization, IConfigurationSection? accounts)
    {
        string? user = null, password = null, token = null, timeout = null;
        var users = new List<UserOptions>();
        if (authorization is not null)
        {
            PermissionOptions? defaults = null;
            IConfigurationSection? userList = null;
            foreach (var child in authorization.GetChildren())
            {
                switch (child.Key.ToLowerInvariant())
                {
                    case "user" or "username":
                        user = Scalar(child);
                        break;
                    case "pass" or "password":
                        password = Scalar(child);
                        break;
                    case "token":
                        token = Scalar(child);
                        break;
                    case "timeout":
                        timeout = Scalar(child);
                        break;
                    case "users":
                        userList = child;
                        break;
                    case "default_permission" or "default_permissions" or "permissions":
                        defaults = Permissions(child);
                        break;
                    default:
                        throw Unknown(child);
                }
            }

            if (userList is not null)
            {
                users.AddRange(Users(userList, account: null, defaults));
            }
        }

        var accountList = new List<AccountOptions>();
        foreach (var account in accounts?.GetChildren() ?? [])
        {
            accountList.Add(Account(account, users));
        }

        return new Result(user, password, token, timeout, users, accountList);
    }

    private AccountOptions Account(IConfigurationSection section, List<UserOptions> users)
    {
        var exports = new List<ExportOptions>();
        var imports = new List<ImportOptions>();
        PermissionOptions? defaults = null;
        IConfigurationSection? userList = null;
        foreach (var child in section.GetChildren())
        {
            switch (child.Key.ToLowerInvariant())
            {
                case "users":
                    userList = child;
                    break;
                case "default_permissions":
                    defaults = Permissions(child);
                    break;
                case "exports":
                    foreach (var export in Items(child))
                    {
                        exports.Add(Export(export));
                    }

                    break;
                case "imports":
                    foreach (var import in Items(child))
                    {
                        imports.Add(Import(import));
                    }

                    break;
                case "nkey" or "jetstream" or "mappings" or "maps":
                    throw Unsupported(child);
                default:
                    throw Unknown(child);
            }
        }

        if (userList is not null)
        {
            users.AddRange(Users(userList, section.Key, defaults));
        }

        return new AccountOptions { Name = section.Key, Exports = exports, Imports = imports };
    }

    private IEnumerable<UserOptions> Users(IConfigurationSection list, string? account, PermissionOptions? defaults)
    {
        foreach (var entry in Items(list))
        {
            string? name = null, password = null, nkey = null;
            PermissionOptions? permissions = null;
            foreach (var child in entry.GetChildren())
            {
                switch (child.Key.ToLowerInvariant())
                {
                    case "user" or "username":
                        name = Scalar(child);
                        break;
                    case "pass" or "password":
                        password = Scalar(child);
                        break;
                    case "nkey":
                        nkey = Scalar(child);
                        break;
                    case "permission" or "permissions" or "authorization":
                        permissions = Permissions(child);
                        break;
                    case "allowed_connection_types" or "connection_types" or "clients":
                        throw Unsupported(child);
                    default:
                        throw Unknown(child);
                }
            }

            if (name is null && nkey is null)
            {
                throw new ConfigException($"{path}: key \"{Key(entry)}\": a user needs \"user\" or \"nkey\"");
            }

            yield return new UserOptions { Username = name, Password = password, Nkey = nkey, Account = account, Permissions = permissions ?? defaults };
        }
    }

    private PermissionOptions Permissions(IConfigurationSection section)
    {
        SubjectPermissionOptions? publish = null, subscribe = null;
        ResponsePermissionOptions? responses = null;
        foreach (var child in section.GetChildren())
        {
            switch (child.Key.ToLowerInvariant())
            {
                case "pub" or "publish" or "import":
                    publish = SubjectPermission(child);
                    break;
                case "sub" or "subscribe" or "export":
                    subscribe = SubjectPermission(child);
                    break;
                case "publish_allow_responses" or "allow_responses":
                    responses = Responses(child);
                    break;
                default:
                    throw Unknown(child);
            }
        }

        return new PermissionOptions { Publish = publish, Subscribe = subscribe, Responses = responses };
    }

    // "foo", ["foo", "bar"] (both an allow list) or { allow: …, deny: … }.
    private SubjectPermissionOptions SubjectPermission(IConfigurationSection section)
    {
        RefuseEmptyAllowList(section);
        if (section.Value is not null || IsList(section))
        {
            return new SubjectPermissionOptions { Allow = Strings(section) };
        }

        IReadOnlyList<string>? allow = null, deny = null;
        foreach (var child in section.GetChildren())
        {
            switch (child.Key.ToLowerInvariant())
            {
                case "allow":
                    RefuseEmptyAllowList(child);
                    allow = Strings(child);
                    break;
                case "deny":
                    deny = Strings(child);
                    break;
                default:
                    throw Unknown(child);
            }
        }

        return new SubjectPermissionOptions { Allow = allow, Deny = deny };
    }

    // nats-server 2.9 reads an empty allow list ("publish: []") as no list at all, which allows
    // everything; whoever wrote it most likely meant "nothing". Rather than guess, refuse to start.
    private void RefuseEmptyAllowList(IConfigurationSection section)
    {
        if (section.Value is { Length: 0 })
        {
            throw new ConfigException(
                $"{path}: key \"{Key(section)}\": an empty list is ambiguous (nats-server allows everything); "
                + "write { \"deny\": [\">\"] } to allow nothing, or leave the key out to allow everything");
        }
    }

    // true, false, or { max, expires }.
    private ResponsePermissionOptions? Responses(IConfigurationSection section)
    {
        var defaults = new ResponsePermissionOptions();
        if (section.Value is { } flag)
        {
            return bool.TryParse(flag, out var on)
                ? on ? defaults : null
                : throw new ConfigException($"{path}: key \"{Key(section)}\": \"{flag}\" is not true or false");
        }

        var max = defaults.MaxMessages;
        var expires = defaults.Expires;
        foreach (var child in section.GetChildren())
        {
            switch (child.Key.ToLowerInvariant())
            {
                case "max" or "max_msgs" or "max_messages" or "max_responses":
                    max = int.TryParse(Scalar(child), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                        ? number
                        : throw new ConfigException($"{path}: key \"{Key(child)}\": not a number");
                    break;
                case "expires" or "expiration" or "ttl":
                    expires = ConfigValue.TryParseDuration(Scalar(child), out var duration)
                        ? duration
                        : throw new ConfigException($"{path}: key \"{Key(child)}\": not a duration (e.g. 1m or 500ms)");
                    break;
                default:
                    throw Unknown(child);
            }
        }

        // nats-server: zero means "use the default".
        return new ResponsePermissionOptions
        {
            MaxMessages = max == 0 ? defaults.MaxMessages : max,
            Expires = expires == TimeSpan.Zero ? defaults.Expires : expires,
        };
    }

    private ExportOptions Export(IConfigurationSection section)
    {
        ExportKind? kind = null;
        string? subject = null;
        IReadOnlyList<string>? accounts = null;
        var multiple = false;
        foreach (var child in section.GetChildren())
        {
            switch (child.Key.ToLowerInvariant())
            {
                case "stream" or "service":
                    kind = child.Key.Equals("stream", StringComparison.OrdinalIgnoreCase) ? ExportKind.Stream : ExportKind.Service;
                    subject = Scalar(child);
                    break;
                case "accounts":
                    accounts = Strings(child);
                    break;
                case "response" or "response_type":
                    multiple = Scalar(child).ToLowerInvariant() switch
                    {
                        "single" or "singleton" => false,
                        "stream" or "chunk" or "chunked" => true,
                        var other => throw new ConfigException($"{path}: key \"{Key(child)}\": unknown response type \"{other}\""),
                    };
                    break;
                case "response_threshold" or "threshold" or "latency":
                    throw Unsupported(child);
                default:
                    throw Unknown(child);
            }
        }

        return kind is { } known && subject is not null
            ? new ExportOptions { Kind = known, Subject = subject, Accounts = accounts, MultipleResponses = multiple }
            : throw new ConfigException($"{path}: key \"{Key(section)}\": an export needs \"stream\" or \"service\"");
    }

    private ImportOptions Import(IConfigurationSection section)
    {
        ExportKind? kind = null;
        string? account = null, subject = null, prefix = null, to = null;
        foreach (var child in section.GetChildren())
        {
            switch (child.Key.ToLowerInvariant())
            {
                case "stream" or "service":
                    kind = child.Key.Equals("stream", StringComparison.OrdinalIgnoreCase) ? ExportKind.Stream : ExportKind.Service;
                    foreach (var source in child.GetChildren())
                    {
                        switch (source.Key.ToLowerInvariant())
                        {
                            case "account":
                                account = Scalar(source);
                                break;
                            case "subject":
                                subject = Scalar(source);
                                break;
                            default:
                                throw Unknown(source);
                        }
                    }

                    break;
                case "prefix":
                    prefix = Scalar(child);
                    break;
                case "to":
                    to = Scalar(child);
                    break;
                case "share":
                    throw Unsupported(child);
                default:
                    throw Unknown(child);
            }
        }

        return kind is { } known && account is not null && subject is not null
            ? new ImportOptions { Kind = known, Account = account, Subject = subject, Prefix = prefix, To = to }
            : throw new ConfigException($"{path}: key \"{Key(section)}\": an import needs \"stream\" or \"service\" with \"account\" and \"subject\"");
    }

    // JSON arrays arrive as children "0", "1", …, in index order.
    private static bool IsList(IConfigurationSection section)
    {
        var any = false;
        foreach (var child in section.GetChildren())
        {
            if (!int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    private static List<IConfigurationSection> Items(IConfigurationSection section)
    {
        var items = new List<IConfigurationSection>(section.GetChildren());
        items.Sort((a, b) => int.Parse(a.Key, CultureInfo.InvariantCulture).CompareTo(int.Parse(b.Key, CultureInfo.InvariantCulture)));
        return items;
    }

    private List<string> Strings(IConfigurationSection section)
    {
        if (section.Value is { } single)
        {
            return single.Length == 0 ? [] : [single];
        }

        var values = new List<string>();
        foreach (var item in Items(section))
        {
            values.Add(Scalar(item));
        }

        return values;
    }

    private string Scalar(IConfigurationSection section) =>
        section.Value ?? throw new ConfigException($"{path}: key \"{Key(section)}\" needs a value");

    private ConfigException Unknown(IConfigurationSection section) =>
        new($"{path}: unknown configuration key '{Key(section)}'");

    private ConfigException Unsupported(IConfigurationSection section) =>
        new($"{path}: key \"{Key(section)}\" is not supported by nats-edge");

    private static string Key(IConfigurationSection section) => section.Path.Replace(':', '.');
}
