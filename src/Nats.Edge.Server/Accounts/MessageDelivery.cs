namespace Nats.Edge.Server.Accounts;

/// <summary>Hands a published message to the subscriptions of one account's match.</summary>
internal static class MessageDelivery
{
    // Imports can point back at each other (A imports from B, B from A); a message is carried across
    // at most this many accounts, so a loop in the config cannot recurse forever.
    private const int MaxImportHops = 8;

    [ThreadStatic]
    private static int t_hops;

    /// <summary>
    /// The 503 status a requester gets when nobody received its request, sent on the requester's own
    /// subscription that matches the reply subject, as nats-server's no-responders feature does.
    /// </summary>
    public static void NoResponders(SubjectIndex subjects, ISubscriber requester, ReadOnlySpan<byte> reply, DeliveryBatch batch)
    {
        foreach (var subscription in subjects.Match(reply).Plain)
        {
            if (subscription.Owner == requester)
            {
                var status = new ReadOnlySequence<byte>("NATS/1.0 503\r\n\r\n"u8.ToArray());
                requester.DeliverMessage(subscription, new InboundMessage(reply, default, "16 16"u8, 16, status), batch);
                return;
            }
        }
    }

    /// <summary>
    /// Hands <paramref name="message"/> to every plain subscription of <paramref name="match"/> and to
    /// one member of each queue group, local members before leafnode links; <paramref name="publisher"/>,
    /// when given, is skipped (echo off, or the link the message came over). With
    /// <paramref name="queueFilter"/> only the named queue groups (blank-separated) are served: a
    /// leafnode message reaches just the groups its sender chose this side for.
    /// Returns whether anyone received it.
    /// </summary>
    public static bool Deliver(
        SubjectMatch match, in InboundMessage message, ISubscriber? publisher, DeliveryBatch batch, QueueFilter queueFilter = default)
    {
        var mark = batch.BeginMessage();
        var delivered = false;
        foreach (var subscription in match.Plain)
        {
            delivered |= DeliverTo(subscription, message, publisher, batch);
        }

        foreach (var group in match.QueueGroups)
        {
            if (queueFilter.Admits(group.Members[0].Queue!))
            {
                delivered |= DeliverToOne(group.Members, message, publisher, batch);
            }
        }

        return batch.EndMessage(mark, message) | delivered;
    }

    /// <summary>Delivers a message an import carried in from another account, with the loop guard.</summary>
    public static bool DeliverImported(SubjectMatch match, in InboundMessage message, DeliveryBatch batch)
    {
        if (t_hops >= MaxImportHops)
        {
            return false;
        }

        t_hops++;
        try
        {
            return Deliver(match, message, publisher: null, batch);
        }
        finally
        {
            t_hops--;
        }
    }

    // One member per group per message. Members on this server come first, so a group with members
    // on both sides of a leafnode link is served on each side; then those behind this cluster's
    // routes and leafnode links; another cluster only when none of this one took it, the nearest
    // (lowest round trip) first, as nats-server orders its gateways. Within this cluster the start is
    // random so load spreads evenly. A member that cannot take it (closing, echo off, UNSUB limit
    // reached, not permitted) passes it on.
    private static bool DeliverToOne(Subscription[] members, in InboundMessage message, ISubscriber? publisher, DeliveryBatch batch)
    {
        var start = members.Length == 1 ? 0 : Random.Shared.Next(members.Length);
        for (var pass = 0; pass < 3; pass++)
        {
            if (pass == 2 && Nearest(members) is { } nearest && DeliverTo(nearest, message, publisher, batch))
            {
                return true;
            }

            for (var i = 0; i < members.Length; i++)
            {
                var index = start + i;
                if (index >= members.Length)
                {
                    index -= members.Length;
                }

                var member = members[index];
                if (Distance(member.Owner) == pass && DeliverTo(member, message, publisher, batch))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // The member in another cluster with the lowest round trip; null when no member is in one.
    private static Subscription? Nearest(Subscription[] members)
    {
        Subscription? nearest = null;
        var best = TimeSpan.MaxValue;
        foreach (var member in members)
        {
            if (member.Owner is IRemoteLink { IsGateway: true } link && link.Rtt < best)
            {
                nearest = member;
                best = link.Rtt;
            }
        }

        return nearest;
    }

    // 0: this server; 1: this cluster (a route, a leafnode link); 2: another cluster.
    private static int Distance(ISubscriber owner) => owner is IRemoteLink link ? link.IsGateway ? 2 : 1 : 0;

    private static bool DeliverTo(Subscription subscription, in InboundMessage message, ISubscriber? publisher, DeliveryBatch batch)
    {
        var owner = subscription.Owner;
        if (owner == publisher || owner.IsClosing || !subscription.TryCountDelivery(out var reachedLimit))
        {
            return false;
        }

        var delivered = owner.DeliverMessage(subscription, message, batch);
        if (reachedLimit)
        {
            owner.RemoveSubscription(subscription);
        }

        return delivered;
    }
}
