using Microsoft.Extensions.Configuration;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration;

/// <summary>
/// Reads nats-server's <c>leafnodes</c> block by hand (URLs and deny lists come as a string or a
/// list). Relative file paths (credentials, certificates) are taken from the config file's folder.
/// Two keys are nats-edge's own: a remote's <c>allow_imports</c> and <c>allow_exports</c>.
/// </summary>
internal sealed class LeafnodeConfigReader(KeyLocations where, string folder)
{
    private readonly KeyLocations _where = where;
    private readonly SectionReader _read = new(where);
    private readonly string _folder = folder;

    public LeafnodeOptions Read(IConfigurationSection section)
    {
        var options = new LeafnodeOptions();
        var remotes = new List<RemoteLeafOptions>();
        foreach (var child in section.GetChildren())
        {
            switch (child.Key.ToLowerInvariant())
            {
                case "listen":
                    var (host, port) = ConfigFileLoader.SplitListen(_where, child.Path, _read.Scalar(child), options.Host);
                    options = options with { Host = host, Port = port };
                    break;
                case "port":
                    options = options with { Port = _read.Int(child) };
                    break;
                case "host" or "net":
                    options = options with { Host = _read.Scalar(child) };
                    break;
                case "authorization":
                    options = Authorization(child, options);
                    break;
                case "remotes":
                    foreach (var remote in SectionReader.Items(child))
                    {
                        remotes.Add(Remote(remote));
                    }

                    break;
                case "reconnect" or "reconnect_delay" or "reconnect_interval":
                    options = options with { ReconnectDelay = _read.Duration(child) };
                    break;
                case "tls":
                    options = options with { Tls = ConfigFileLoader.ToTls(_where, _folder, child.Path, TlsSection(child)) };
                    break;
                case "advertise" or "leafnode_advertise" or "no_advertise" or "min_version" or "minimum_version" or "compression":
                    throw _read.Unsupported(child);
                default:
                    throw _read.Unknown(child);
            }
        }

        // A leafnodes block with only remotes listens nowhere, as in nats-server; "listen" or "port"
        // opens the port, 7422 unless given.
        return options with { Remotes = remotes };
    }

    private LeafnodeOptions Authorization(IConfigurationSection section, LeafnodeOptions options)
    {
        var users = new List<UserOptions>();
        foreach (var child in section.GetChildren())
        {
            switch (child.Key.ToLowerInvariant())
            {
                case "user" or "username":
                    options = options with { Username = _read.Scalar(child) };
                    break;
                case "pass" or "password":
                    options = options with { Password = _read.Scalar(child) };
                    break;
                case "account":
                    options = options with { Account = _read.Scalar(child) };
                    break;
                case "timeout":
                    options = options with { AuthTimeout = _read.Duration(child) };
                    break;
                case "users":
                    foreach (var entry in SectionReader.Items(child))
                    {
                        users.Add(User(entry));
                    }

                    break;
                default:
                    throw _read.Unknown(child);
            }
        }

        return options with { Users = users };
    }

    private UserOptions User(IConfigurationSection section)
    {
        string? name = null, password = null, account = null;
        foreach (var child in section.GetChildren())
        {
            switch (child.Key.ToLowerInvariant())
            {
                case "user" or "username":
                    name = _read.Scalar(child);
                    break;
                case "pass" or "password":
                    password = _read.Scalar(child);
                    break;
                case "account":
                    account = _read.Scalar(child);
                    break;
                default:
                    throw _read.Unknown(child);
            }
        }

        return new UserOptions { Username = name, Password = password, Account = account };
    }

    private RemoteLeafOptions Remote(IConfigurationSection section)
    {
        var urls = new List<Uri>();
        string? account = null, credentials = null, seed = null;
        RemoteTlsOptions? tls = null;
        List<string> denyImports = [], denyExports = [];
        List<string>? allowImports = null, allowExports = null;
        foreach (var child in section.GetChildren())
        {
            switch (child.Key.ToLowerInvariant())
            {
                case "url" or "urls":
                    foreach (var text in _read.Strings(child))
                    {
                        urls.Add(ParseUrl(child, text));
                    }

                    break;
                case "account" or "local":
                    account = _read.Scalar(child);
                    break;
                case "credentials" or "creds":
                    credentials = Path.Combine(_folder, _read.Scalar(child));
                    break;
                case "nkey" or "seed":
                    seed = _read.Scalar(child);
                    if (!seed.StartsWith("SU", StringComparison.Ordinal))
                    {
                        throw new ConfigException($"{_where.Of(child)}: key \"{SectionReader.Key(child)}\": Remote leafnode nkey is not a valid seed");
                    }

                    break;
                case "tls":
                    tls = RemoteTls(child);
                    break;
                case "deny_imports" or "deny_import":
                    denyImports = _read.Strings(child);
                    break;
                case "deny_exports" or "deny_export":
                    denyExports = _read.Strings(child);
                    break;
                case "allow_imports":
                    allowImports = _read.Strings(child);
                    break;
                case "allow_exports":
                    allowExports = _read.Strings(child);
                    break;
                case "no_randomize" or "dont_randomize":
                    _read.Bool(child);
                    break;
                case "hub" or "ws_compress" or "ws_compression" or "websocket_compress" or "websocket_compression"
                    or "ws_no_masking" or "websocket_no_masking" or "jetstream_cluster_migrate" or "js_cluster_migrate":
                    throw _read.Unsupported(child);
                default:
                    throw _read.Unknown(child);
            }
        }

        if (credentials is not null && seed is not null)
        {
            throw new ConfigException($"{_where.Of(section)}: key \"{SectionReader.Key(section)}\": Remote leafnode can not have both creds and nkey defined");
        }

        if (urls.Count == 0)
        {
            throw new ConfigException($"{_where.Of(section)}: key \"{SectionReader.Key(section)}\": a remote needs \"url\" or \"urls\"");
        }

        return new RemoteLeafOptions
        {
            Urls = urls,
            Account = account,
            CredentialsFile = credentials,
            NkeySeed = seed,
            Tls = tls,
            DenyImports = denyImports,
            DenyExports = denyExports,
            AllowImports = allowImports,
            AllowExports = allowExports,
        };
    }

    private RemoteTlsOptions RemoteTls(IConfigurationSection section)
    {
        var tls = new RemoteTlsOptions();
        foreach (var child in section.GetChildren())
        {
            switch (child.Key.ToLowerInvariant())
            {
                case "ca_file":
                    tls = tls with { CaFile = Path.Combine(_folder, _read.Scalar(child)) };
                    break;
                case "cert_file":
                    tls = tls with { CertificateFile = Path.Combine(_folder, _read.Scalar(child)) };
                    break;
                case "key_file":
                    tls = tls with { KeyFile = Path.Combine(_folder, _read.Scalar(child)) };
                    break;
                case "timeout":
                    tls = tls with { Timeout = _read.Duration(child) };
                    break;
                default:
                    throw _read.Unknown(child);
            }
        }

        return tls;
    }

    private TlsSection TlsSection(IConfigurationSection section)
    {
        var tls = new TlsSection();
        foreach (var child in section.GetChildren())
        {
            switch (child.Key.ToLowerInvariant())
            {
                case "cert_file":
                    tls.CertificateFile = _read.Scalar(child);
                    break;
                case "key_file":
                    tls.KeyFile = _read.Scalar(child);
                    break;
                case "ca_file":
                    tls.CaFile = _read.Scalar(child);
                    break;
                case "verify":
                    tls.Verify = _read.Bool(child);
                    break;
                case "timeout":
                    tls.Timeout = _read.Scalar(child);
                    break;
                default:
                    throw _read.Unknown(child);
            }
        }

        return tls;
    }

    private Uri ParseUrl(IConfigurationSection section, string text) =>
        Uri.TryCreate(text.Contains("://", StringComparison.Ordinal) ? text : "nats-leaf://" + text, UriKind.Absolute, out var url)
            && url.Scheme is "nats-leaf" or "nats" or "tls"
            ? url
            : throw new ConfigException($"{_where.Of(section)}: key \"{SectionReader.Key(section)}\": \"{text}\" is not a nats-leaf://, nats:// or tls:// URL");
}
