using System.Globalization;
using Microsoft.Extensions.Configuration;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration;

/// <summary>
/// Reads nats-server's <c>authorization</c> and <c>accounts</c> blocks by hand: a permission may be a
/// subject, a list or an allow/deny object, and <c>allow_responses</c> a flag or an object, shapes the
/// binder cannot place. Keys take every spelling nats-server takes.
/// </summary>
internal sealed class SecurityConfigReader(KeyLocations where)
{
    private readonly KeyLocations _where = where;
    private readonly SectionReader _read = new(where);

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
                        user = _read.Scalar(child);
                        break;
                    case "pass" or "password":
                        password = _read.Scalar(child);
                        break;
                    case "token":
                        token = _read.Scalar(child);
                        break;
                    case "timeout":
                        timeout = _read.Scalar(child);
                        break;
                    case "users":
                        userList = child;
                        break;
                    case "default_permission" or "default_permissions" or "permissions":
                        defaults = Permissions(child);
                        break;
                    default:
                        throw _read.Unknown(child);
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
                    foreach (var export in SectionReader.Items(child))
                    {
                        exports.Add(Export(export));
                    }

                    break;
                case "imports":
                    foreach (var import in SectionReader.Items(child))
                    {
                        imports.Add(Import(import));
                    }

                    break;
                case "nkey" or "jetstream" or "mappings" or "maps":
                    throw _read.Unsupported(child);
                default:
                    throw _read.Unknown(child);
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
        foreach (var entry in SectionReader.Items(list))
        {
            string? name = null, password = null, nkey = null;
            PermissionOptions? permissions = null;
            foreach (var child in entry.GetChildren())
            {
                switch (child.Key.ToLowerInvariant())
                {
                    case "user" or "username":
                        name = _read.Scalar(child);
                        break;
                    case "pass" or "password":
                        password = _read.Scalar(child);
                        break;
                    case "nkey":
                        nkey = _read.Scalar(child);
                        break;
                    case "permission" or "permissions" or "authorization":
                        permissions = Permissions(child);
                        break;
                    case "allowed_connection_types" or "connection_types" or "clients":
                        throw _read.Unsupported(child);
                    default:
                        throw _read.Unknown(child);
                }
            }

            if (name is null && nkey is null)
            {
                throw new ConfigException($"{_where.Of(entry)}: key \"{SectionReader.Key(entry)}\": a user needs \"user\" or \"nkey\"");
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
                    throw _read.Unknown(child);
            }
        }

        return new PermissionOptions { Publish = publish, Subscribe = subscribe, Responses = responses };
    }

    // "foo", ["foo", "bar"] (both an allow list) or { allow: …, deny: … }.
    private SubjectPermissionOptions SubjectPermission(IConfigurationSection section)
    {
        RefuseEmptyAllowList(section);
        if (section.Value is not null || SectionReader.IsList(section))
        {
            return new SubjectPermissionOptions { Allow = _read.Strings(section) };
        }

        IReadOnlyList<string>? allow = null, deny = null;
        foreach (var child in section.GetChildren())
        {
            switch (child.Key.ToLowerInvariant())
            {
                case "allow":
                    RefuseEmptyAllowList(child);
                    allow = _read.Strings(child);
                    break;
                case "deny":
                    deny = _read.Strings(child);
                    break;
                default:
                    throw _read.Unknown(child);
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
                $"{_where.Of(section)}: key \"{SectionReader.Key(section)}\": an empty list is ambiguous (nats-server allows everything); "
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
                : throw new ConfigException($"{_where.Of(section)}: key \"{SectionReader.Key(section)}\": \"{flag}\" is not true or false");
        }

        var max = defaults.MaxMessages;
        var expires = defaults.Expires;
        foreach (var child in section.GetChildren())
        {
            switch (child.Key.ToLowerInvariant())
            {
                case "max" or "max_msgs" or "max_messages" or "max_responses":
                    max = int.TryParse(_read.Scalar(child), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                        ? number
                        : throw new ConfigException($"{_where.Of(child)}: key \"{SectionReader.Key(child)}\": not a number");
                    break;
                case "expires" or "expiration" or "ttl":
                    expires = ConfigValue.TryParseDuration(_read.Scalar(child), out var duration)
                        ? duration
                        : throw new ConfigException($"{_where.Of(child)}: key \"{SectionReader.Key(child)}\": not a duration (e.g. 1m or 500ms)");
                    break;
                default:
                    throw _read.Unknown(child);
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
                    subject = _read.Scalar(child);
                    break;
                case "accounts":
                    accounts = _read.Strings(child);
                    break;
                case "response" or "response_type":
                    multiple = _read.Scalar(child).ToLowerInvariant() switch
                    {
                        "single" or "singleton" => false,
                        "stream" or "chunk" or "chunked" => true,
                        var other => throw new ConfigException($"{_where.Of(child)}: key \"{SectionReader.Key(child)}\": unknown response type \"{other}\""),
                    };
                    break;
                case "response_threshold" or "threshold" or "latency":
                    throw _read.Unsupported(child);
                default:
                    throw _read.Unknown(child);
            }
        }

        return kind is { } known && subject is not null
            ? new ExportOptions { Kind = known, Subject = subject, Accounts = accounts, MultipleResponses = multiple }
            : throw new ConfigException($"{_where.Of(section)}: key \"{SectionReader.Key(section)}\": an export needs \"stream\" or \"service\"");
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
                                account = _read.Scalar(source);
                                break;
                            case "subject":
                                subject = _read.Scalar(source);
                                break;
                            default:
                                throw _read.Unknown(source);
                        }
                    }

                    break;
                case "prefix":
                    prefix = _read.Scalar(child);
                    break;
                case "to":
                    to = _read.Scalar(child);
                    break;
                case "share":
                    throw _read.Unsupported(child);
                default:
                    throw _read.Unknown(child);
            }
        }

        return kind is { } known && account is not null && subject is not null
            ? new ImportOptions { Kind = known, Account = account, Subject = subject, Prefix = prefix, To = to }
            : throw new ConfigException($"{_where.Of(section)}: key \"{SectionReader.Key(section)}\": an import needs \"stream\" or \"service\" with \"account\" and \"subject\"");
    }
}
