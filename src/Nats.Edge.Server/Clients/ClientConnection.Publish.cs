namespace Nats.Edge.Server.Clients;

internal sealed partial class ClientConnection
{
    /// <summary>
    /// A complete PUB or HPUB, its size already checked: then the pedantic subject check, reserved
    /// subjects and permissions, +OK and delivery, in nats-server's order.
    /// </summary>
    public void OnPublish(in InboundMessage message)
    {
        CountInbound(message.Data.Length);
        if (Tracing)
        {
            Logging.ProtocolTrace.Payload(Server.Log, this, message.Data, Server.Options.MaxTracedMsgLen);
        }

        if (_login.Connect.Pedantic && !SubjectRules.IsValidLiteral(message.Subject))
        {
            // nats-server still delivers the message after this error.
            Enqueue(ProtocolErrors.InvalidPublishSubject, Batch);
        }

        Route(message);
    }

    private void Route(in InboundMessage message)
    {
        if (message.Subject.StartsWith("_GR_."u8) || !_login.MayPublish(message.Subject))
        {
            Enqueue(ProtocolErrors.PublishViolation(message.Subject), Batch);
            Server.Log.Error($"{this} - Publish Violation - {_login.UserForLog}, Subject \"{Encoding.UTF8.GetString(message.Subject)}\"");
            return;
        }

        if (IsReservedReply(message.Reply))
        {
            Enqueue(ProtocolErrors.ReplyViolation(message.Reply), Batch);
            Server.Log.Error($"{this} - Publish Violation - {_login.UserForLog}, Reply \"{Encoding.UTF8.GetString(message.Reply)}\"");
            return;
        }

        AcknowledgeIfVerbose();

        // An answer to a request that came over a gateway goes straight back to the requester's server.
        if (Server.Gateways is { } gateways && gateways.Replies.TryMap(Account, message.Subject, out var mapped))
        {
            gateways.SendAnswer(Account, _matches, mapped, message, Batch);
            return;
        }

        var delivered = MessageDelivery.Deliver(_matches.Match(message.Subject), message, _login.Connect.Echo ? null : this, Batch);
        if (!delivered && !message.Reply.IsEmpty && _login.Connect.NoResponders)
        {
            MessageDelivery.NoResponders(Account.Subscriptions, this, message.Reply, Batch);
        }
    }

    /// <summary>Writes MSG/HMSG for one of this client's subscriptions into its outbound buffer.</summary>
    public override bool DeliverMessage(Subscription subscription, in InboundMessage message, DeliveryBatch batch)
    {
        if (!_login.MayReceive(subscription, message.Subject))
        {
            return false;
        }

        _login.NoteRequest(message.Reply);
        if (Tracing)
        {
            Logging.ProtocolTrace.Delivery(Server.Log, this, message, subscription.Sid, WantsHeaders);
        }

        MessageWriter.ToClient(this, subscription.Sid, message, WantsHeaders, batch);
        return true;
    }

    private static bool IsReservedReply(ReadOnlySpan<byte> reply) =>
        reply.StartsWith("_R_."u8) || reply.StartsWith("$JS.ACK."u8) || reply.StartsWith("_GR_."u8);
}
