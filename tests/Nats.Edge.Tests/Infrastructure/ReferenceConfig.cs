using System.Globalization;
using System.Text;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>
/// Writes a nats-server config file equivalent to a <see cref="ServerOptions"/>, so one options value
/// drives both targets. Only settings that differ from the defaults are written, which keeps the
/// reference server on its own defaults for everything else.
/// </summary>
public static class ReferenceConfig
{
    private static readonly ServerOptions Defaults = new();

    /// <summary>The config text; nats-server reads this JSON-like form natively.</summary>
    public static string From(ServerOptions options)
    {
        var conf = new StringBuilder();

        // -1 asks nats-server for a random free port, which it then logs; port 0 would mean 4222.
        var port = options.Port is 0 or -1 ? -1 : options.Port;
        Line(conf, "listen", Quote($"{options.Host}:{port.ToString(CultureInfo.InvariantCulture)}"));

        if (options.ServerName is { } name)
        {
            Line(conf, "server_name", Quote(name));
        }

        if (options.MaxPayload != Defaults.MaxPayload)
        {
            Line(conf, "max_payload", Number(options.MaxPayload));
        }

        if (options.MaxControlLine != Defaults.MaxControlLine)
        {
            Line(conf, "max_control_line", Number(options.MaxControlLine));
        }

        if (options.MaxPending != Defaults.MaxPending)
        {
            Line(conf, "max_pending", Number(options.MaxPending));
        }

        if (options.MaxConnections != Defaults.MaxConnections)
        {
            Line(conf, "max_connections", Number(options.MaxConnections));
        }

        if (options.MaxSubscriptions != Defaults.MaxSubscriptions)
        {
            Line(conf, "max_subscriptions", Number(options.MaxSubscriptions));
        }

        if (options.PingInterval != Defaults.PingInterval)
        {
            Line(conf, "ping_interval", Duration(options.PingInterval));
        }

        if (options.MaxPingsOutstanding != Defaults.MaxPingsOutstanding)
        {
            Line(conf, "ping_max", Number(options.MaxPingsOutstanding));
        }

        if (options.WriteDeadline != Defaults.WriteDeadline)
        {
            Line(conf, "write_deadline", Duration(options.WriteDeadline));
        }

        if (options.HttpPort != 0)
        {
            Line(conf, "http", Quote($"{options.HttpHost ?? options.Host}:{options.HttpPort.ToString(CultureInfo.InvariantCulture)}"));
        }

        if (options.HttpBasePath.Length > 0)
        {
            Line(conf, "http_base_path", Quote(options.HttpBasePath));
        }

        if (options.NoHeaderSupport)
        {
            Line(conf, "no_header_support", "true");
        }

        AppendAuthorization(conf, options);
        AppendTls(conf, options);
        AppendCluster(conf, options);
        return conf.ToString();
    }

    private static void AppendCluster(StringBuilder conf, ServerOptions options)
    {
        if (options.Cluster is not { } cluster)
        {
            return;
        }

        conf.Append("cluster {\n");
        if (cluster.Name is { } name)
        {
            Line(conf, "name", Quote(name));
        }

        Line(conf, "listen", Quote($"{cluster.Host}:{(cluster.Port is 0 or -1 ? -1 : cluster.Port).ToString(CultureInfo.InvariantCulture)}"));
        if (cluster.Routes.Count > 0)
        {
            conf.Append("routes: [\n");
            foreach (var route in cluster.Routes)
            {
                conf.Append(Quote(route.ToString().TrimEnd('/'))).Append('\n');
            }

            conf.Append("]\n");
        }

        conf.Append("}\n");
    }

    private static void AppendAuthorization(StringBuilder conf, ServerOptions options)
    {
        if (options.AuthorizationToken is null && options.Username is null)
        {
            return;
        }

        conf.Append("authorization {\n");
        if (options.AuthorizationToken is { } token)
        {
            Line(conf, "  token", Quote(token));
        }

        if (options.Username is { } user)
        {
            Line(conf, "  user", Quote(user));
            Line(conf, "  password", Quote(options.Password ?? string.Empty));
        }

        // nats-server reads the auth timeout as (fractional) seconds.
        Line(conf, "  timeout", options.AuthTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
        conf.Append("}\n");
    }

    private static void AppendTls(StringBuilder conf, ServerOptions options)
    {
        if (options.Tls is not { } tls)
        {
            return;
        }

        conf.Append("tls {\n");
        Line(conf, "  cert_file", Quote(tls.CertificateFile));
        Line(conf, "  key_file", Quote(tls.KeyFile));
        if (tls.CaFile is { } ca)
        {
            Line(conf, "  ca_file", Quote(ca));
        }

        Line(conf, "  verify", tls.Verify ? "true" : "false");
        Line(conf, "  timeout", tls.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
        conf.Append("}\n");
    }

    private static void Line(StringBuilder conf, string key, string value) =>
        conf.Append(key).Append(": ").Append(value).Append('\n');

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    // Go duration syntax; milliseconds are precise enough for every timer the tests shorten.
    private static string Duration(TimeSpan value) =>
        Quote(((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms");

    // Test values are plain text; escaping the two JSON specials is enough.
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
