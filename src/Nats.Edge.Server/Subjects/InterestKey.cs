namespace Nats.Edge.Server.Subjects;

/// <summary>How a link keys the interest its peer announced: "subject", or "subject queue" for a queue group (LS-/RS- name it so).</summary>
internal static class InterestKey
{
    public static string Of(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue) =>
        queue.IsEmpty ? Encoding.UTF8.GetString(subject) : $"{Encoding.UTF8.GetString(subject)} {Encoding.UTF8.GetString(queue)}";
}
