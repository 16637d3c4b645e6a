namespace Nats.Edge.Server.Accounts;

/// <summary>
/// A service import: a standing subscription in the importing account whose requests are renamed,
/// given a reply subject of the exporting account (<c>_R_.…</c>) and published there, so the
/// response finds its way back through <see cref="ServiceReplies"/>.
/// </summary>
internal sealed class ServiceImport(CrossAccountDelivery exporter, SubjectMapping mapping, ServiceReplies replies) : ISubscriber
{
    private const int StackSubjectLimit = 256;

    public bool IsClosing => false;

    public bool DeliverMessage(Subscription subscription, in InboundMessage message, DeliveryBatch batch)
    {
        var maxLength = mapping.MaxLength(message.Subject.Length) + ServiceReplies.MaxSubjectLength;
        byte[]? rented = null;
        var buffer = maxLength <= StackSubjectLimit ? stackalloc byte[StackSubjectLimit] : (rented = ArrayPool<byte>.Shared.Rent(maxLength));
        try
        {
            var subjectLength = mapping.Apply(message.Subject, buffer);
            var subject = buffer[..subjectLength];
            if (message.Reply.IsEmpty)
            {
                exporter.Deliver(new InboundMessage(subject, default, message.SizeTokens, message.HeaderSize, message.Data), batch);
                return true;
            }

            var replyBuffer = buffer[subjectLength..];
            var key = replies.Add(message.Reply, replyBuffer, out var replyLength);
            var request = new InboundMessage(subject, replyBuffer[..replyLength], message.SizeTokens, message.HeaderSize, message.Data);
            if (!exporter.Deliver(request, batch))
            {
                // No answer can come; the mapping goes now instead of at the sweep.
                replies.Remove(key);
            }

            // The import took the request either way: nats-server sends no "no responders" status
            // for a request that crossed into an account where nobody listens.
            return true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public void RemoveSubscription(Subscription subscription)
    {
    }
}
