using System.Text.Json;

namespace Nats.Edge.Server.Protocol;

/// <summary>
/// The fields of a client's CONNECT. Absent fields take nats-server's defaults: verbose, pedantic and
/// echo are on until a client turns them off.
/// </summary>
internal sealed class ConnectOptions
{
    public bool Verbose { get; private set; } = true;

    public bool Pedantic { get; private set; } = true;

    public bool Echo { get; private set; } = true;

    public bool Headers { get; private set; }

    public bool NoResponders { get; private set; }

    public int Protocol { get; private set; }

    public string? Name { get; private set; }

    public string? Lang { get; private set; }

    public string? Version { get; private set; }

    public string? AuthToken { get; private set; }

    public string? User { get; private set; }

    public string? Password { get; private set; }

    public string? Account { get; private set; }

    public string? Nkey { get; private set; }

    public string? Signature { get; private set; }

    public bool NewAccount { get; private set; }

    /// <summary>The defaults a client runs with before its first CONNECT.</summary>
    public static ConnectOptions Default { get; } = new();

    /// <summary>
    /// Reads CONNECT's JSON; null when it is not a JSON object with fields of the right types, which
    /// nats-server answers by closing the connection without an -ERR.
    /// </summary>
    public static ConnectOptions? Parse(ReadOnlySpan<byte> json)
    {
        var options = new ConnectOptions();
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                var escaped = reader.ValueIsEscaped;
                reader.Read();
                if (!escaped && options.TryRead(name, ref reader))
                {
                    continue;
                }

                reader.Skip();
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return null;
            }
        }
        catch (JsonException)
        {
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            // A value of the wrong type ("verbose":"yes", "protocol":1.5): Go's decoder rejects it too.
            return null;
        }

        return options;
    }

    private bool TryRead(ReadOnlySpan<byte> name, ref Utf8JsonReader reader)
    {
        switch (name)
        {
            case var _ when name.SequenceEqual("verbose"u8):
                Verbose = reader.GetBoolean();
                return true;
            case var _ when name.SequenceEqual("pedantic"u8):
                Pedantic = reader.GetBoolean();
                return true;
            case var _ when name.SequenceEqual("echo"u8):
                Echo = reader.GetBoolean();
                return true;
            case var _ when name.SequenceEqual("headers"u8):
                Headers = reader.GetBoolean();
                return true;
            case var _ when name.SequenceEqual("no_responders"u8):
                NoResponders = reader.GetBoolean();
                return true;
            case var _ when name.SequenceEqual("protocol"u8):
                Protocol = reader.GetInt32();
                return true;
            case var _ when name.SequenceEqual("name"u8):
                Name = reader.GetString();
                return true;
            case var _ when name.SequenceEqual("lang"u8):
                Lang = reader.GetString();
                return true;
            case var _ when name.SequenceEqual("version"u8):
                Version = reader.GetString();
                return true;
            case var _ when name.SequenceEqual("auth_token"u8):
                AuthToken = reader.GetString();
                return true;
            case var _ when name.SequenceEqual("user"u8):
                User = reader.GetString();
                return true;
            case var _ when name.SequenceEqual("pass"u8):
                Password = reader.GetString();
                return true;
            case var _ when name.SequenceEqual("account"u8):
                Account = reader.GetString();
                return true;
            case var _ when name.SequenceEqual("nkey"u8):
                Nkey = reader.GetString();
                return true;
            case var _ when name.SequenceEqual("sig"u8):
                Signature = reader.GetString();
                return true;
            case var _ when name.SequenceEqual("new_account"u8):
                NewAccount = reader.GetBoolean();
                return true;
            default:
                return false;
        }
    }
}
