using System.Threading.Channels;
using NATS.Client.Core;
using Nats.Edge.Load.Wire;

namespace Nats.Edge.Load.NatsNet;

/// <summary>The service side of request-reply: one NATS.Net connection answering every request on a subject.</summary>
internal sealed class NatsNetResponder : IAsyncDisposable
{
    private readonly NatsConnection _connection;
    private readonly INatsSub<NatsMemoryOwner<byte>> _subscription;
    private readonly byte[] _reply;
    private readonly CancellationTokenSource _stop = new();
    private Task? _answering;

    private NatsNetResponder(NatsConnection connection, INatsSub<NatsMemoryOwner<byte>> subscription, int size)
    {
        _connection = connection;
        _subscription = subscription;
        _reply = new byte[size];
    }

    /// <summary>Why answering ended early, if it did.</summary>
    public Exception? Failure => _answering is { IsFaulted: true } answering ? answering.Exception.InnerException : null;

    /// <summary>Connects and subscribes; returns once a PONG proves the server has the subscription.</summary>
    public static async Task<NatsNetResponder> OpenAsync(NatsEndpoint endpoint, string subject, int size, TimeSpan timeout)
    {
        NatsConnection connection = await NatsNetConnections.OpenAsync(endpoint, "nats-edge-load natsnet responder", timeout).ConfigureAwait(false);
        try
        {
            INatsSub<NatsMemoryOwner<byte>> subscription = await connection.SubscribeCoreAsync(
                subject, serializer: NatsRawSerializer<NatsMemoryOwner<byte>>.Default).ConfigureAwait(false);
            await NatsNetConnections.PingAsync(connection, timeout).ConfigureAwait(false);
            return new NatsNetResponder(connection, subscription, size);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public void Start() => _answering = Task.Run(AnswerAsync);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_answering is not null)
        {
            // Its failure, if any, has already been reported through Failure.
            await _answering.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await _subscription.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    // The reply has the request's size, as the raw responder's does; its content is irrelevant.
    private async Task AnswerAsync()
    {
        ChannelReader<NatsMsg<NatsMemoryOwner<byte>>> requests = _subscription.Msgs;
        try
        {
            while (await requests.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                while (requests.TryRead(out NatsMsg<NatsMemoryOwner<byte>> request))
                {
                    request.Data.Dispose();
                    await request.ReplyAsync(_reply, serializer: NatsRawSerializer<byte[]>.Default, cancellationToken: _stop.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            return;
        }

        throw new IOException("the responder's subscription ended before the run did");
    }
}
