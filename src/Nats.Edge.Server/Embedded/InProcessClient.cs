using System.Buffers.Text;

namespace Nats.Edge.Server.Embedded;

/// <summary>
/// A client living in the server's own process: it publishes into an account's subject space through
/// the same delivery as a client's PUB, and subscribes with callbacks, with no socket in between.
/// Its subscriptions count as local interest, so leafnode hubs hear of them as of any client's.
/// Safe to use from several threads.
/// </summary>
public sealed class InProcessClient
{
    private readonly NatsServer _server;
    private readonly Account _account;
    private readonly MatchCache _matches;
    private readonly DeliveryBatch _batch = new(source: null);
    private readonly Lock _sync = new();

    // The payload is copied here because delivery reads a sequence, which a caller's span cannot be.
    private byte[] _payload = new byte[256];
    private bool _publishing;

    /// <summary>A client of <paramref name="account"/> (the global account when null) on <paramref name="server"/>.</summary>
    public InProcessClient(NatsServer server, string? account = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        _server = server;
        _account = server.Accounts.Find(account);
        _matches = new MatchCache(_account.Subscriptions);
    }

    /// <summary>The account the client publishes into.</summary>
    public string Account => _account.Name;

    /// <summary>
    /// Publishes <paramref name="payload"/> on <paramref name="subject"/>, with <paramref name="reply"/>
    /// as the answer subject when not empty. Returns whether any subscriber, local or behind a link, took it.
    /// </summary>
    /// <exception cref="ArgumentException">The subject is not a valid literal subject or the payload exceeds max_payload.</exception>
    public bool Publish(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> reply, ReadOnlySpan<byte> payload)
    {
        if (!SubjectRules.IsValidLiteral(subject))
        {
            ThrowInvalidSubject(subject);
        }

        if (payload.Length > _server.Options.MaxPayload)
        {
            ThrowPayloadTooLarge(payload.Length, _server.Options.MaxPayload);
        }

        Span<byte> size = stackalloc byte[11];
        Utf8Formatter.TryFormat(payload.Length, size, out var sizeLength);
        lock (_sync)
        {
            // A handler that publishes again from inside a delivery of ours must not overwrite the
            // payload the outer delivery is still reading: the nested publish takes a rented copy.
            byte[]? rented = null;
            if (_publishing)
            {
                rented = ArrayPool<byte>.Shared.Rent(payload.Length);
            }
            else if (_payload.Length < payload.Length)
            {
                _payload = new byte[Math.Max(payload.Length, _payload.Length * 2)];
            }

            var buffer = rented ?? _payload;
            var outer = _publishing;
            _publishing = true;
            try
            {
                payload.CopyTo(buffer);
                var message = new InboundMessage(
                    subject, reply, size[..sizeLength], headerSize: -1, new ReadOnlySequence<byte>(buffer, 0, payload.Length));
                var delivered = MessageDelivery.Deliver(_matches.Match(subject), message, publisher: null, _batch);

                // A lagging subscriber is its own problem: max_pending cuts it off; a sensor never waits for it.
                _batch.Flush();
                return delivered;
            }
            finally
            {
                _publishing = outer;
                if (rented is not null)
                {
                    ArrayPool<byte>.Shared.Return(rented);
                }
            }
        }
    }

    /// <summary>
    /// Subscribes to <paramref name="subject"/> (wildcards allowed), in queue group
    /// <paramref name="queue"/> when given; <paramref name="handler"/> runs on the publisher's thread.
    /// </summary>
    /// <exception cref="ArgumentException">The subject or queue name is not valid.</exception>
    public InProcessSubscription Subscribe(string subject, string? queue, InProcessMessageHandler handler)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(handler);
        var subjectBytes = Encoding.UTF8.GetBytes(subject);
        if (!SubjectRules.IsValidSubscription(subjectBytes))
        {
            ThrowInvalidSubject(subjectBytes);
        }

        if (queue is not null && (queue.Length == 0 || queue.AsSpan().IndexOfAny(" \t\r\n") >= 0))
        {
            throw new ArgumentException($"invalid queue group \"{queue}\"", nameof(queue));
        }

        return new InProcessSubscription(_account, subjectBytes, queue is null ? null : Encoding.UTF8.GetBytes(queue), handler, _server.Log);
    }

    private static void ThrowInvalidSubject(ReadOnlySpan<byte> subject) =>
        throw new ArgumentException($"invalid subject \"{Encoding.UTF8.GetString(subject)}\"", nameof(subject));

    private static void ThrowPayloadTooLarge(int payload, int max) =>
        throw new ArgumentException($"payload of {payload} bytes exceeds max_payload {max}", nameof(payload));
}
