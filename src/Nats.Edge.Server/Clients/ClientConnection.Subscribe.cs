using Nats.Edge.Server.Protocol;
using Nats.Edge.Server.Subjects;
using Nats.Edge.Server.Connections;

namespace Nats.Edge.Server.Clients;

internal sealed partial class ClientConnection
{
    /// <summary>SUB &lt;subject&gt; [queue] &lt;sid&gt; (spec §6.1).</summary>
    private void HandleSub(ReadOnlySpan<byte> arguments)
    {
        Span<Range> ranges = stackalloc Range[3];
        var count = Arguments.Split(arguments, ranges);
        if (count is < 2 or > 3)
        {
            Close(CloseReason.ParseError);
            return;
        }

        var subject = arguments[ranges[0]];
        var sid = arguments[ranges[count - 1]];
        if (!SubjectRules.IsValidSubscription(subject))
        {
            Enqueue(ProtocolErrors.InvalidSubject, Batch);
            return;
        }

        lock (_subscriptionsSync)
        {
            // A reused sid is ignored and the first subscription stays, as in nats-server.
            if (!_subscriptions.GetAlternateLookup<ReadOnlySpan<byte>>().ContainsKey(sid))
            {
                var max = Server.Options.MaxSubscriptions;
                if (max > 0 && _subscriptions.Count >= max)
                {
                    Enqueue(ProtocolErrors.MaxSubscriptionsExceeded, Batch);
                    return;
                }

                var queue = count == 3 ? arguments[ranges[1]].ToArray() : null;
                var subscription = new Subscription(this, subject.ToArray(), queue, sid.ToArray());
                _subscriptions.Add(subscription.Sid, subscription);
                Account.Subscriptions.Insert(subscription);
            }
        }

        if (_connect.Verbose)
        {
            Enqueue("+OK\r\n"u8, Batch);
        }
    }

    /// <summary>UNSUB &lt;sid&gt; [max] (spec §6.2): now, or after <c>max</c> deliveries in all.</summary>
    private void HandleUnsub(ReadOnlySpan<byte> arguments)
    {
        Span<Range> ranges = stackalloc Range[2];
        var count = Arguments.Split(arguments, ranges);
        if (count is < 1 or > 2)
        {
            Close(CloseReason.ParseError);
            return;
        }

        Subscription? subscription;
        lock (_subscriptionsSync)
        {
            _subscriptions.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(arguments[ranges[0]], out subscription);
        }

        if (subscription is not null)
        {
            var max = count == 2 ? SizeParser.Parse(arguments[ranges[1]]) : 0;
            if (max > 0 && max > subscription.Delivered)
            {
                subscription.MaxMessages = max;
            }
            else
            {
                RemoveSubscription(subscription);
            }
        }

        if (_connect.Verbose)
        {
            Enqueue("+OK\r\n"u8, Batch);
        }
    }

    /// <summary>Drops a subscription; called from any publisher's thread when an UNSUB limit is reached.</summary>
    public override void RemoveSubscription(Subscription subscription)
    {
        lock (_subscriptionsSync)
        {
            // The sid may already name a newer subscription: remove only this one.
            if (!_subscriptions.TryGetValue(subscription.Sid, out var current) || current != subscription)
            {
                return;
            }

            _subscriptions.Remove(subscription.Sid);
        }

        Account.Subscriptions.Remove(subscription);
    }
}
