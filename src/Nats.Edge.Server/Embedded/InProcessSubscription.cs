using Nats.Edge.Server.Logging;

namespace Nats.Edge.Server.Embedded;

/// <summary>One subscription of an <see cref="InProcessClient"/>; disposing it unsubscribes.</summary>
public sealed class InProcessSubscription : ISubscriber, IDisposable
{
    private readonly Account _account;
    private readonly InProcessMessageHandler _handler;
    private readonly ServerLog _log;
    private readonly Subscription _subscription;
    private int _disposed;

    internal InProcessSubscription(Account account, byte[] subject, byte[]? queue, InProcessMessageHandler handler, ServerLog log)
    {
        _account = account;
        _handler = handler;
        _log = log;
        // No sid: nothing is written to a wire, the handler is the destination.
        _subscription = new Subscription(this, subject, queue, []);
        account.Subscribe(_subscription);
    }

    bool ISubscriber.IsClosing => Volatile.Read(ref _disposed) != 0;

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _account.Unsubscribe(_subscription);
        }
    }

    bool ISubscriber.DeliverMessage(Subscription subscription, in InboundMessage message, DeliveryBatch batch)
    {
        var payload = message.HasHeaders ? message.Data.Slice(message.HeaderSize) : message.Data;
        try
        {
            _handler(new InProcessMessage(message.Subject, message.Reply, payload));
        }
#pragma warning disable CA1031 // The handler runs inside someone else's delivery: its fault must not end their connection.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _log.Error($"In-process subscription on \"{System.Text.Encoding.UTF8.GetString(_subscription.Subject)}\" failed: {ex.Message}");
        }

        return true;
    }

    void ISubscriber.RemoveSubscription(Subscription subscription) => Dispose();
}
