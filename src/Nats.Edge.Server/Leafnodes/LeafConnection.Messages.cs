namespace Nats.Edge.Server.Leafnodes;

/// <summary>Messages both ways: LMSG/HMSG in (delivered here) and out.</summary>
internal sealed partial class LeafConnection
{
    /// <summary>A message from the far side, for local subscribers and the queue groups it names.</summary>
    public void OnLeafMessage(in InboundMessage message, ReadOnlySpan<byte> queues, bool queueForm)
    {
        CountInbound(message.Data.Length);
        if (!IsReady || _matches is null || !_rules.MayImport(message.Subject))
        {
            return;
        }

        MessageDelivery.Deliver(_matches.Match(message.Subject), message, publisher: this, Batch, QueueFilter.Only(queueForm ? queues : default));
    }

    /// <summary>
    /// A local (or other link's) message matches interest the far side announced: noted in the batch
    /// so the far side gets one LMSG for its plain interest and every queue group it was chosen for.
    /// </summary>
    public override bool DeliverMessage(Subscription subscription, in InboundMessage message, DeliveryBatch batch)
    {
        if (!IsReady || !MayForwardFrom(batch.Source) || !_rules.MayExport(message.Subject))
        {
            return false;
        }

        // The outbox sends these itself, from its log, so the hub gets each exactly once.
        if (_solicitor?.Outbox is { } outbox && outbox.Captures(message.Subject))
        {
            return false;
        }

        batch.AddRemote(this, subscription.Queue);
        return true;
    }

    /// <summary>LMSG, or HMSG when the message has headers the far side takes.</summary>
    public void WriteMessage(in InboundMessage message, ReadOnlySpan<byte[]> queues, DeliveryBatch batch) =>
        MessageWriter.ToLink(this, account: default, message, queues, _peerHeaders, batch);

    // Never back over the link a message came in on, and otherwise as the one rule says; a message
    // without a source connection came from an in-process client of this server.
    private bool MayForwardFrom(Connection? source) => source != this && LinkRoles.MayForward(source?.Role ?? LinkRole.Local, Role);
}
