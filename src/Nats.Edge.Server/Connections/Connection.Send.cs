using System.Diagnostics;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Nats.Edge.Server.Connections;

internal abstract partial class Connection
{
    // Capacity one, extra signals dropped: the sender only needs to know "there is something".
    private readonly Channel<bool> _sendSignal = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private TaskCompletionSource? _drained;
    private int _sendRequested;
    private long _writeStarted;

    /// <summary>Wakes the send loop; cheap when it is already awake.</summary>
    public void SignalSend()
    {
        if (Interlocked.Exchange(ref _sendRequested, 1) == 0)
        {
            WakeSender();
        }
    }

    /// <summary>
    /// Completes when this connection's queued output falls back under <see cref="StallThreshold"/>, or
    /// after <paramref name="limit"/>: a publisher feeding it waits that long at most.
    /// </summary>
    public async Task WaitForDrainAsync(TimeSpan limit)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        waiter = Interlocked.CompareExchange(ref _drained, waiter, null) ?? waiter;
        if (Outbound.PendingBytes <= StallThreshold || IsClosing)
        {
            // Drained before we got here: clear the waiter so the next stall does not find it done.
            Interlocked.CompareExchange(ref _drained, null, waiter);
            waiter.TrySetResult();
            return;
        }

        try
        {
            await waiter.Task.WaitAsync(limit).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The consumer is slow, not the publisher's problem beyond this pause.
        }
    }

    private void WakeSender() => _sendSignal.Writer.TryWrite(true);

    // The only writer of the socket: takes everything queued, writes it, returns the chunks.
    private async Task SendLoopAsync()
    {
        List<ArraySegment<byte>> batch = [];
        try
        {
            while (true)
            {
                await _sendSignal.Reader.ReadAsync().ConfigureAwait(false);
                Volatile.Write(ref _sendRequested, 0);
                while (Outbound.TakeAll(ref batch))
                {
                    foreach (var chunk in batch)
                    {
                        Volatile.Write(ref _writeStarted, Stopwatch.GetTimestamp());
                        await Stream.WriteAsync(chunk.AsMemory()).ConfigureAwait(false);
                    }

                    Volatile.Write(ref _writeStarted, 0);
                    Outbound.Release(batch);
                    if (Outbound.PendingBytes <= StallThreshold)
                    {
                        Interlocked.Exchange(ref _drained, null)?.TrySetResult();
                    }
                }

                if (IsClosing)
                {
                    break;
                }
            }
        }
        catch (IOException)
        {
            Reason ??= CloseReason.WriteError;
        }
        catch (SocketException)
        {
            Reason ??= CloseReason.WriteError;
        }
        catch (ObjectDisposedException)
        {
            Reason ??= CloseReason.WriteError;
        }
        finally
        {
            Volatile.Write(ref _writeStarted, 0);
            Close(Reason ?? CloseReason.WriteError);
            AbortSocket();
        }
    }
}
