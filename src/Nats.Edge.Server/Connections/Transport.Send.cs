using System.Diagnostics;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Nats.Edge.Server.Connections;

internal sealed partial class Transport
{
    // Capacity one, extra signals dropped: the sender only needs to know "there is something".
    // Synchronous continuations make the signalling thread (a publisher's receive loop at the end of
    // its read) run the send loop itself until the socket would block, as nats-server flushes inline:
    // no thread-pool hop per delivery. Measured with nats-edge-load against the hop-per-send build:
    // higher rates, about half the CPU per message and lower latency (figures in bench/README.md).
    private readonly Channel<bool> _sendSignal = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true, AllowSynchronousContinuations = true });

    private readonly DrainWaiterList _drainWaiters = new();
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
    /// Pauses <paramref name="waiter"/> until this connection's queued output falls back under
    /// <see cref="StallThreshold"/>, or for <paramref name="limit"/> at most: a publisher feeding a slow
    /// reader waits that long, never longer.
    /// </summary>
    public ValueTask WaitForDrainAsync(DrainWaiter waiter, TimeSpan limit)
    {
        var pause = waiter.WaitAsync(limit);
        _drainWaiters.Add(waiter);

        // Drained (or gone) before the waiter was listed: the sender may already have looked.
        if (Outbound.PendingBytes <= StallThreshold || IsClosing)
        {
            _drainWaiters.ReleaseAll();
        }

        return pause;
    }

    /// <summary>
    /// True when a write has been waiting on the peer for longer than <paramref name="deadline"/>:
    /// a reader that stopped reading, whatever its pending byte count.
    /// </summary>
    public bool IsWriteStalled(long now, TimeSpan deadline)
    {
        var writeStarted = Volatile.Read(ref _writeStarted);
        return writeStarted != 0 && Stopwatch.GetElapsedTime(writeStarted, now) > deadline;
    }

    private void WakeSender() => _sendSignal.Writer.TryWrite(true);

    /// <summary>
    /// Before the loops run: writes what is queued (an INFO meant to go inside TLS) to
    /// <paramref name="stream"/>, for a session that waits for the answer before its loops start.
    /// </summary>
    public async Task WriteQueuedAsync(Stream stream, CancellationToken cancellationToken)
    {
        List<ArraySegment<byte>> queued = [];
        while (Outbound.TakeAll(ref queued))
        {
            foreach (var chunk in queued)
            {
                await stream.WriteAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            Outbound.Release(queued);
        }
    }

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

                    // A compressed link gathers a batch into its chunks and sends them here; on a
                    // socket or TLS stream this costs nothing.
                    await Stream.FlushAsync().ConfigureAwait(false);

                    Volatile.Write(ref _writeStarted, 0);
                    Outbound.Release(batch);
                    if (Outbound.PendingBytes <= StallThreshold)
                    {
                        _drainWaiters.ReleaseAll();
                    }
                }

                if (IsClosing)
                {
                    break;
                }
            }

            // After everything queued, as nats-server does; a browser otherwise sees an abnormal end (1006).
            if (_webSocket is not null)
            {
                var (status, text) = WebSockets.CloseStatus.For(Reason ?? CloseReason.ClientClosed);
                await _webSocket.CloseAsync(status, text, CancellationToken.None).ConfigureAwait(false);
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
            Close(Reason ?? CloseReason.WriteError, flush: true);
            Abort();
            _drainWaiters.ReleaseAll();
        }
    }
}
