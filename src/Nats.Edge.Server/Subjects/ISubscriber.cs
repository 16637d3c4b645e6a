namespace Nats.Edge.Server.Subjects;

/// <summary>
/// Whatever a subscription delivers to: a client connection, or an account import that carries the
/// message on into another account's subject space.
/// </summary>
internal interface ISubscriber
{
    /// <summary>A closing subscriber takes no more messages; its queue-group peers get them instead.</summary>
    bool IsClosing { get; }

    /// <summary>Hands one message over; false when it reached nobody (a permission or an empty import said no).</summary>
    bool DeliverMessage(Subscription subscription, in InboundMessage message, DeliveryBatch batch);

    /// <summary>Drops one of this subscriber's subscriptions; safe from any thread.</summary>
    void RemoveSubscription(Subscription subscription);
}
