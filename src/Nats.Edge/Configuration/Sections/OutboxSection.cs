using System.Globalization;
using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Server.Outbox;

namespace Nats.Edge.Configuration.Sections;

/// <summary>
/// A remote's <c>outbox { subjects, dir, max_bytes, max_msgs, max_age, discard, sync, ack, ack_wait,
/// max_in_flight }</c>, nats-edge's own block. The limits are spelled as a JetStream stream's are.
/// </summary>
internal sealed class OutboxSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add(nameof(Subjects), KeyShape.Strings, "subjects", "subject")
        .Add(nameof(Dir), KeyShape.Text, "dir", "store_dir")
        .Add(nameof(MaxBytes), KeyShape.LongSize, "max_bytes")
        .Add(nameof(MaxMsgs), KeyShape.LongSize, "max_msgs")
        .Add(nameof(MaxAge), KeyShape.Text, "max_age")
        .Add(nameof(Discard), KeyShape.Text, "discard")
        .Add(nameof(Sync), KeyShape.Text, "sync")
        .Add(nameof(Ack), KeyShape.Text, "ack")
        .Add(nameof(AckWait), KeyShape.Duration, "ack_wait")
        .Add(nameof(MaxInFlight), KeyShape.Number, "max_in_flight");

    public List<string>? Subjects { get; set; }

    public string? Dir { get; set; }

    public long? MaxBytes { get; set; }

    public long? MaxMsgs { get; set; }

    public string? MaxAge { get; set; }

    public string? Discard { get; set; }

    public string? Sync { get; set; }

    public string? Ack { get; set; }

    public TimeSpan? AckWait { get; set; }

    public int? MaxInFlight { get; set; }

    public OutboxOptions ToOptions(ConfigPath at, string folder)
    {
        if (Subjects is not { Count: > 0 })
        {
            throw at.Invalid("an outbox needs \"subjects\"");
        }

        var defaults = new OutboxOptions { Subjects = [], Log = new OutboxLogOptions { Directory = string.Empty } };
        return new OutboxOptions
        {
            Subjects = Subjects,
            Log = new OutboxLogOptions
            {
                Directory = Dir is { Length: > 0 } dir ? Path.Combine(folder, dir) : throw at.Invalid("an outbox needs \"dir\""),
                MaxBytes = MaxBytes ?? defaults.Log.MaxBytes,
                MaxMessages = MaxMsgs ?? defaults.Log.MaxMessages,
                MaxAge = MaxAge is null ? defaults.Log.MaxAge : ParseAge(at.Child(nameof(MaxAge)), MaxAge),
                Discard = Discard?.ToLowerInvariant() switch
                {
                    null => defaults.Log.Discard,
                    "old" => OutboxDiscard.Old,
                    "new" => OutboxDiscard.New,
                    _ => throw at.Child(nameof(Discard)).Invalid($"\"{Discard}\" is not old or new"),
                },
                SyncInterval = Sync is null ? defaults.Log.SyncInterval : ParseSync(at.Child(nameof(Sync)), Sync),
            },
            Ack = Ack?.ToLowerInvariant() switch
            {
                null or "stream" => OutboxAck.Stream,
                "none" => OutboxAck.None,
                _ => throw at.Child(nameof(Ack)).Invalid($"\"{Ack}\" is not stream or none"),
            },
            AckWait = AckWait switch
            {
                null => defaults.AckWait,
                { } wait when wait > TimeSpan.Zero => wait,
                _ => throw at.Child(nameof(AckWait)).Invalid("must be above zero"),
            },
            MaxInFlight = MaxInFlight switch
            {
                null => defaults.MaxInFlight,
                > 0 and var window => window,
                _ => throw at.Child(nameof(MaxInFlight)).Invalid("must be above zero"),
            },
        };
    }

    // A stream's max_age as the nats CLI takes it: a Go duration, or whole days and weeks (7d, 2w).
    private static TimeSpan ParseAge(ConfigPath at, string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > 1 && trimmed[^1] is 'd' or 'w'
            && int.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return TimeSpan.FromDays(trimmed[^1] == 'w' ? count * 7 : count);
        }

        return ConfigValue.TryParseDuration(trimmed, out var age) && age >= TimeSpan.Zero
            ? age
            : throw at.Invalid($"\"{text}\" is not a duration (e.g. 7d, 12h or 30m)");
    }

    // "always" syncs every write; otherwise a duration between syncs.
    private static TimeSpan ParseSync(ConfigPath at, string text) =>
        text.Trim().Equals("always", StringComparison.OrdinalIgnoreCase) ? TimeSpan.Zero
        : ConfigValue.TryParseDuration(text, out var interval) && interval > TimeSpan.Zero ? interval
        : throw at.Invalid($"\"{text}\" is not \"always\" or a duration (e.g. 1s)");
}
