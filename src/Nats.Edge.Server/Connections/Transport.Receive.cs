using System.Diagnostics;
using System.IO.Pipelines;
using System.Net.Sockets;

namespace Nats.Edge.Server.Connections;

internal sealed partial class Transport
{
    private static readonly PipeOptions ReceivePipeOptions = new(
        pauseWriterThreshold: 0,
        readerScheduler: PipeScheduler.Inline,
        writerScheduler: PipeScheduler.Inline,
        minimumSegmentSize: ReadSizing.Min,
        useSynchronizationContext: false);

    // nats-server pauses a producer at most about 10 ms per read.
    private static readonly TimeSpan MaxStall = TimeSpan.FromMilliseconds(10);

    // Without a socket (a stream made for tests) every drained read counts as empty.
    private bool IsSocketEmpty() => _socket is not { Available: > 0 };

    /// <summary>Stopwatch time of the last read that brought data; zero before the first.</summary>
    public long LastReceived { get; private set; }

    // One loop per connection: wait for data, read it into the pipe, parse everything that arrived,
    // flush the batch once, repeat. The pipe only holds bytes across reads when an operation is split.
    private async Task ReceiveLoopAsync(ITransportSession session)
    {
        var pipe = new Pipe(ReceivePipeOptions);
        var sizing = new ReadSizing();
        var idle = true;
        DrainWaiter? drainWaiter = null;
        try
        {
            while (!IsClosing)
            {
                if (idle)
                {
                    // A zero-byte read waits for data without holding a buffer: idle connections stay cheap.
                    await Stream.ReadAsync(Memory<byte>.Empty).ConfigureAwait(false);
                }

                var memory = pipe.Writer.GetMemory(sizing.Size);
                var read = await Stream.ReadAsync(memory).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                LastReceived = Stopwatch.GetTimestamp();
                pipe.Writer.Advance(read);
                await pipe.Writer.FlushAsync().ConfigureAwait(false);

                var drained = sizing.Update(read);

                pipe.Reader.TryRead(out var result);
                var buffer = result.Buffer;
                var keepReading = session.ProcessReceived(ref buffer);
                pipe.Reader.AdvanceTo(buffer.Start, buffer.End);
                var laggard = session.EndRead();
                if (!keepReading)
                {
                    break;
                }

                if (laggard is not null)
                {
                    drainWaiter ??= new DrainWaiter();
                    await laggard.WaitForDrainAsync(drainWaiter, MaxStall).ConfigureAwait(false);
                }
                else if (drained)
                {
                    // A producer on the same cores (a board's own publishers) gets to write more before
                    // the next read, instead of each of its writes costing it a wake-up and a window
                    // update: NATS.Net's pub-only rate rose from 0.63-0.70x nats-server's to 0.78-0.94x.
                    Thread.Yield();
                }

                idle = drained && IsSocketEmpty();
            }
        }
        catch (IOException)
        {
            Reason ??= CloseReason.ReadError;
        }
        catch (SocketException)
        {
            Reason ??= CloseReason.ReadError;
        }
        catch (ObjectDisposedException)
        {
            Reason ??= CloseReason.ReadError;
        }
#pragma warning disable CA1031 // A fault while handling one connection's input must close that connection, not leak it or stop the server.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Reason ??= CloseReason.InternalError;
            _log.Error($"{session} - Internal error, closing the connection: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            drainWaiter?.Dispose();
            await pipe.Reader.CompleteAsync().ConfigureAwait(false);
            await pipe.Writer.CompleteAsync().ConfigureAwait(false);
        }
    }
}
