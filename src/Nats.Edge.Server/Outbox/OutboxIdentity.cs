using Nats.Edge.Server.Logging;

namespace Nats.Edge.Server.Outbox;

/// <summary>
/// The board's id in the hub's eyes, in the file <c>identity</c>: made once, so records forwarded
/// after a restart carry the same id as those before and the hub can tell boards (and duplicates) apart.
/// </summary>
internal static class OutboxIdentity
{
    public const string FileName = "identity";

    private const int Length = 22;

    public static string LoadOrCreate(IOutboxFiles files, string directory, ServerLog log)
    {
        var path = Path.Combine(directory, FileName);
        if (files.ReadAll(path) is { } content)
        {
            var text = Encoding.ASCII.GetString(content).Trim();
            if (IsToken(text))
            {
                return text;
            }

            log.Error($"Outbox identity {path} is damaged: the board takes a new id");
        }

        // A NUID's alphabet is letters and digits: the id fits in a subject token as it is.
        var id = ServerIdentity.NewNuid();
        files.Replace(path, Encoding.ASCII.GetBytes(id));
        return id;
    }

    private static bool IsToken(string text)
    {
        if (text.Length != Length)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
