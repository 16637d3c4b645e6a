namespace Nats.Edge.Server.Clients;

internal sealed partial class ClientConnection
{
    /// <summary>SUB. Whatever is refused gets an -ERR and the connection stays open, as in nats-server.</summary>
    public void OnSub(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue, ReadOnlySpan<byte> sid)
    {
        if (!SubjectRules.IsValidSubscription(subject))
        {
            Enqueue(ProtocolErrors.InvalidSubject, Batch);
            return;
        }

        // nats-server keeps the "_sys_" queue name for its own system services.
        if (queue.SequenceEqual("_sys_"u8) || !_login.MaySubscribe(subject, queue))
        {
            Enqueue(ProtocolErrors.SubscriptionViolation(subject, queue), Batch);
            var queueText = queue.IsEmpty ? string.Empty : $", Queue: \"{Encoding.UTF8.GetString(queue)}\"";
            Server.Log.Error(
                $"{this} - Subscription Violation - {_login.UserForLog}, Subject \"{Encoding.UTF8.GetString(subject)}\"{queueText}, SID {Encoding.UTF8.GetString(sid)}");
            return;
        }

        // A reused sid is ignored and the first subscription stays, as in nats-server.
        var subscription = new Subscription(this, subject.ToArray(), queue.IsEmpty ? null : queue.ToArray(), sid.ToArray());
        switch (_subscriptions.TryAdd(subscription, Server.Options.MaxSubscriptions))
        {
            case SubscribeOutcome.Added:
                Account.Subscribe(subscription);
                break;
            case SubscribeOutcome.LimitReached:
                Enqueue(ProtocolErrors.MaxSubscriptionsExceeded, Batch);
                return;
        }

        AcknowledgeIfVerbose();
    }

    /// <summary>UNSUB: now, or once <paramref name="max"/> deliveries were made in all.</summary>
    public void OnUnsub(ReadOnlySpan<byte> sid, int max)
    {
        if (_subscriptions.Find(sid) is { } subscription)
        {
            if (max > 0 && max > subscription.Delivered)
            {
                subscription.MaxMessages = max;
            }
            else
            {
                RemoveSubscription(subscription);
            }
        }

        AcknowledgeIfVerbose();
    }

    /// <summary>Drops a subscription; called from any publisher's thread when an UNSUB limit is reached.</summary>
    public override void RemoveSubscription(Subscription subscription)
    {
        if (_subscriptions.Remove(subscription))
        {
            Account.Unsubscribe(subscription);
        }
    }
}
