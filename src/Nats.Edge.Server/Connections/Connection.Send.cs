using System.Diagnostics;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Nats.Edge.Server.Connections;

internal abstract partial class Connection
{
    // Capacity one, extra signals dropped: the sender only needs to know "there is something".
    private readonly Channel<bool> _sendSignal = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

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
