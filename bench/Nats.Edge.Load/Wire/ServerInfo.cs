using System.Buffers.Text;

namespace Nats.Edge.Load.Wire;

/// <summary>
/// The few INFO fields the tool acts on. Read by searching the JSON text rather than with a JSON
/// library: no reflection, and every server writes these fields as plain scalars.
/// </summary>
internal sealed record ServerInfo(long MaxPayload, bool TlsRequired)
{
    // 1 MiB: nats-server's default max_payload, assumed when a server leaves the field out.
    private const long DefaultMaxPayload = 1024 * 1024;

    public static ServerInfo Parse(ReadOnlySpan<byte> json) => new(
        NumberField(json, "\"max_payload\""u8) ?? DefaultMaxPayload,
        ValueOf(json, "\"tls_required\""u8).StartsWith("true"u8));

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

    private static long? NumberField(ReadOnlySpan<byte> json, ReadOnlySpan<byte> quotedName) =>
        Utf8Parser.TryParse(ValueOf(json, quotedName), out long number, out _) ? number : null;
}
