using System.Buffers.Text;
using System.Text;

namespace Nats.Edge.Load.Wire;

/// <summary>
/// The few INFO fields the tool acts on (spec §3). Read by searching the JSON text rather than with a
/// JSON library: no reflection, and every server writes these fields as plain scalars.
/// </summary>
internal sealed record ServerInfo(string Version, long MaxPayload, bool TlsRequired)
{
    // 1 MiB: nats-server's default max_payload, assumed when a server leaves the field out.
    private const long DefaultMaxPayload = 1024 * 1024;

    public static ServerInfo Parse(ReadOnlySpan<byte> json) => new(
        StringField(json, "\"version\""u8) ?? "unknown",
        NumberField(json, "\"max_payload\""u8) ?? DefaultMaxPayload,
        json.IndexOf("\"tls_required\":true"u8) >= 0);

    private static ReadOnlySpan<byte> ValueOf(ReadOnlySpan<byte> json, ReadOnlySpan<byte> quotedName)
    {
        int at = json.IndexOf(quotedName);
        if (at < 0)
        {
            return default;
        }

        ReadOnlySpan<byte> rest = json[(at + quotedName.Length)..].TrimStart(" \t"u8);
        return rest.IsEmpty || rest[0] != ':' ? default : rest[1..].TrimStart(" \t"u8);
    }

    private static string? StringField(ReadOnlySpan<byte> json, ReadOnlySpan<byte> quotedName)
    {
        ReadOnlySpan<byte> value = ValueOf(json, quotedName);
        if (value.IsEmpty || value[0] != '"')
        {
            return null;
        }

        int end = value[1..].IndexOf((byte)'"');
        return end < 0 ? null : Encoding.UTF8.GetString(value.Slice(1, end));
    }

    private static long? NumberField(ReadOnlySpan<byte> json, ReadOnlySpan<byte> quotedName) =>
        Utf8Parser.TryParse(ValueOf(json, quotedName), out long number, out _) ? number : null;
}
