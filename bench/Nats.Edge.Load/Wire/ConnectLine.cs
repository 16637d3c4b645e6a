using System.Globalization;
using System.Text;

namespace Nats.Edge.Load.Wire;

/// <summary>Builds the CONNECT a benchmark client sends.</summary>
internal static class ConnectLine
{
    // CONNECT <json>␍␊. verbose and pedantic default to true, so both are turned off explicitly: a +OK
    // per PUB would be measured too.
    public static byte[] Build(NatsEndpoint endpoint, string name)
    {
        var json = new StringBuilder("CONNECT {\"verbose\":false,\"pedantic\":false,\"protocol\":1,\"lang\":\"dotnet-raw\",\"version\":\"");
        json.Append(typeof(ConnectLine).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        json.Append("\",\"name\":");
        AppendString(json, name);
        if (endpoint.User is not null)
        {
            json.Append(",\"user\":");
            AppendString(json, endpoint.User);
            json.Append(",\"pass\":");
            AppendString(json, endpoint.Password ?? string.Empty);
        }

        if (endpoint.Token is not null)
        {
            json.Append(",\"auth_token\":");
            AppendString(json, endpoint.Token);
        }

        json.Append("}\r\n");
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    private static void AppendString(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                case '\\':
                    json.Append('\\').Append(c);
                    break;
                case < ' ':
                    json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    json.Append(c);
                    break;
            }
        }

        json.Append('"');
    }
}
