using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;

namespace Nats.Edge.Server.Accounts;

/// <summary>
/// The reply subjects a service import hands out in the exporting account, <c>_R_.&lt;id&gt;.&lt;n&gt;</c>,
/// each standing for one request's real reply subject in the importing account. One wildcard
/// subscription catches every response, so requests never touch the subject index.
/// </summary>
internal sealed class ServiceReplies : ISubscriber
{
    /// <summary>Room a reply subject needs: "_R_." + 6 + "." + up to 20 digits.</summary>
    public const int MaxSubjectLength = 31;

    // nats-server's default response_threshold: an unanswered reply mapping is dropped after 2 min.
    private static readonly TimeSpan ResponseThreshold = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<long, PendingReply> _pending = new();
    private readonly CrossAccountDelivery _importer;
    private readonly bool _multipleResponses;
    private readonly byte[] _prefix;
    private long _lastKey;

    public ServiceReplies(CrossAccountDelivery importer, bool multipleResponses)
    {
        _importer = importer;
        _multipleResponses = multipleResponses;
        _prefix = Encoding.ASCII.GetBytes($"_R_.{RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 6)}.");
    }

    /// <summary>The subscription subject that catches every response: <c>_R_.&lt;id&gt;.&gt;</c>.</summary>
    public byte[] WildcardSubject => [.. _prefix, (byte)'>'];

    public bool IsClosing => false;

    /// <summary>Remembers <paramref name="reply"/>; writes the stand-in subject into <paramref name="output"/>.</summary>
    public long Add(ReadOnlySpan<byte> reply, Span<byte> output, out int length)
    {
        var key = Interlocked.Increment(ref _lastKey);
        _pending[key] = new PendingReply(reply.ToArray(), Stopwatch.GetTimestamp());
        _prefix.CopyTo(output);
        Utf8Formatter.TryFormat(key, output[_prefix.Length..], out var digits);
        length = _prefix.Length + digits;
        return key;
    }

    public void Remove(long key) => _pending.TryRemove(key, out _);

    /// <summary>Drops mappings whose response never came.</summary>
    public void Sweep()
    {
        foreach (var (key, pending) in _pending)
        {
            if (Stopwatch.GetElapsedTime(pending.Created) > ResponseThreshold)
            {
                _pending.TryRemove(key, out _);
            }
        }
    }

    /// <summary>A response on <c>_R_.&lt;id&gt;.&lt;n&gt;</c>: sent on to the requester's real reply subject.</summary>
    public bool DeliverMessage(Subscription subscription, in InboundMessage message, DeliveryBatch batch)
    {
        if (!Utf8Parser.TryParse(message.Subject[_prefix.Length..], out long key, out var consumed)
            || consumed != message.Subject.Length - _prefix.Length)
        {
            return false;
        }

        PendingReply pending;
        if (_multipleResponses ? !_pending.TryGetValue(key, out pending) : !_pending.TryRemove(key, out pending))
        {
            return false;
        }

        return _importer.Deliver(new InboundMessage(pending.Reply, message.Reply, message.SizeTokens, message.HeaderSize, message.Data), batch);
    }

    public void RemoveSubscription(Subscription subscription)
    {
    }

    private readonly record struct PendingReply(byte[] Reply, long Created);
}
