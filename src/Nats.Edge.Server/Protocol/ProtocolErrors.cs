namespace Nats.Edge.Server.Protocol;

/// <summary>
/// nats-server's exact -ERR lines, which clients match on. Case matters: some texts are Go error
/// strings and start lowercase.
/// </summary>
internal static class ProtocolErrors
{
    public static ReadOnlySpan<byte> UnknownOperation => "-ERR 'Unknown Protocol Operation'\r\n"u8;

    public static ReadOnlySpan<byte> MaxControlLineExceeded => "-ERR 'maximum control line exceeded'\r\n"u8;

    public static ReadOnlySpan<byte> MaxPayloadViolation => "-ERR 'Maximum Payload Violation'\r\n"u8;

    public static ReadOnlySpan<byte> AuthorizationViolation => "-ERR 'Authorization Violation'\r\n"u8;

    public static ReadOnlySpan<byte> AuthenticationTimeout => "-ERR 'Authentication Timeout'\r\n"u8;

    public static ReadOnlySpan<byte> MaxConnectionsExceeded => "-ERR 'maximum connections exceeded'\r\n"u8;

    public static ReadOnlySpan<byte> InvalidClientProtocol => "-ERR 'invalid client protocol'\r\n"u8;

    public static ReadOnlySpan<byte> NoRespondersRequiresHeaders => "-ERR 'no responders requires headers support'\r\n"u8;

    public static ReadOnlySpan<byte> StaleConnection => "-ERR 'Stale Connection'\r\n"u8;

    public static ReadOnlySpan<byte> InvalidSubject => "-ERR 'Invalid Subject'\r\n"u8;

    public static ReadOnlySpan<byte> InvalidPublishSubject => "-ERR 'Invalid Publish Subject'\r\n"u8;

    public static ReadOnlySpan<byte> MaxSubscriptionsExceeded => "-ERR 'maximum subscriptions exceeded'\r\n"u8;

    /// <summary><c>-ERR 'Permissions Violation for Publish to "subject"'</c>.</summary>
    public static byte[] PublishViolation(ReadOnlySpan<byte> subject) =>
        Quoted("-ERR 'Permissions Violation for Publish to "u8, subject);

    /// <summary><c>-ERR 'Permissions Violation for Publish with Reply of "reply"'</c>.</summary>
    public static byte[] ReplyViolation(ReadOnlySpan<byte> reply) =>
        Quoted("-ERR 'Permissions Violation for Publish with Reply of "u8, reply);

    /// <summary>
    /// <c>-ERR 'Permissions Violation for Subscription to "subject"'</c>, with
    /// <c> using queue "queue"</c> for a queue subscription.
    /// </summary>
    public static byte[] SubscriptionViolation(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue)
    {
        var line = Quoted("-ERR 'Permissions Violation for Subscription to "u8, subject);
        return queue.IsEmpty ? line : [.. line.AsSpan(0, line.Length - 3), .. Quoted(" using queue "u8, queue)];
    }

    /// <summary>
    /// <c>-ERR 'Permissions Violation for Subscription to "subject" (sid "sid")'</c>: a config
    /// reload took away the right to a subscription the client already had.
    /// </summary>
    public static byte[] RemovedSubscription(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> sid)
    {
        var line = Quoted("-ERR 'Permissions Violation for Subscription to "u8, subject);
        var sidPart = Quoted(" (sid "u8, sid);
        return [.. line.AsSpan(0, line.Length - 3), .. sidPart.AsSpan(0, sidPart.Length - 3), .. ")'\r\n"u8];
    }

    // Go's %q: double quotes, with backslash escapes for quotes and backslashes.
    private static byte[] Quoted(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> value)
    {
        var buffer = new List<byte>(prefix.Length + value.Length + 8);
        buffer.AddRange(prefix);
        buffer.Add((byte)'"');
        foreach (var b in value)
        {
            if (b is (byte)'"' or (byte)'\\')
            {
                buffer.Add((byte)'\\');
            }

            buffer.Add(b);
        }

        buffer.AddRange("\"'\r\n"u8);
        return [.. buffer];
    }
}
