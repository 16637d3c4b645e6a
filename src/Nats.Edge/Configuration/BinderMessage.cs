namespace Nats.Edge.Configuration;

/// <summary>
/// The configuration binder reports in words only; these read the keys back out of them so the
/// error can point at the key's line.
/// </summary>
internal static class BinderMessage
{
    public static bool IsUnknownKeys(string message) =>
        message.Contains("'ErrorOnUnknownConfiguration'", StringComparison.Ordinal);

    // "… the following properties were not found on the instance of Nats.Edge.Configuration.TlsSection: 'a', 'b'". Only the
    // tls block is bound by type (the others are read by hand), so the type gives the section.
    public static List<string> UnknownKeys(string message)
    {
        var colon = message.LastIndexOf(": ", StringComparison.Ordinal);
        var type = message[(message.LastIndexOf(' ', colon - 1) + 1)..colon];
        var section = type.EndsWith("." + nameof(TlsSection), StringComparison.Ordinal) ? "tls:" : "";
        return [.. message[(colon + 2)..].Split(", ").Select(key => section + key.Trim('\''))];
    }

    // "Failed to convert configuration value 'abc' at 'port' to type 'System.Int32'."
    public static string FailedKey(string message)
    {
        var start = message.IndexOf(" at '", StringComparison.Ordinal) + 5;
        var end = message.IndexOf("' to type", start, StringComparison.Ordinal);
        return start < 5 || end < 0 ? "" : message[start..end];
    }
}
