namespace Nats.Edge.Server.Accounts;

/// <summary>
/// A stream import: a standing subscription in the exporting account whose messages are renamed and
/// published again in the importing one.
/// </summary>
internal sealed class StreamImport(CrossAccountDelivery importer, SubjectMapping mapping) : ISubscriber
{
    private const int StackSubjectLimit = 256;

    public bool IsClosing => false;

    public bool DeliverMessage(Subscription subscription, in InboundMessage message, DeliveryBatch batch)
    {
        if (mapping.IsIdentity)
        {
            return importer.Deliver(message, batch);
        }

        var maxLength = mapping.MaxLength(message.Subject.Length);
        byte[]? rented = null;
        var buffer = maxLength <= StackSubjectLimit ? stackalloc byte[StackSubjectLimit] : (rented = ArrayPool<byte>.Shared.Rent(maxLength));
        try
        {
            var subject = buffer[..mapping.Apply(message.Subject, buffer)];
            return importer.Deliver(new InboundMessage(subject, message.Reply, message.SizeTokens, message.HeaderSize, message.Data), batch);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    // Imports last as long as the server; nothing removes their subscriptions.
    public void RemoveSubscription(Subscription subscription)
    {
    }
}
