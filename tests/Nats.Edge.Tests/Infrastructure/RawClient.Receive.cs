using System.Net.Sockets;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>The receive buffer: every socket read goes through here with a deadline.</summary>
public sealed partial class RawClient
{
    private enum Read
    {
        Data,
        Closed,
        TimedOut,
    }

    private int Buffered => _end - _start;

    private static DateTime Deadline(TimeSpan? timeout) => DateTime.UtcNow + (timeout ?? TestTimeouts.Reply);

    private async Task FillOrFailAsync(DateTime deadline, string waitingFor)
    {
        switch (await ReceiveAsync(deadline))
        {
            case Read.Closed:
                Assert.Fail($"Waiting for {waitingFor}, the connection was closed ({_closedBy}) after \"{WireText.Escape(Peek())}\".");
                break;
            case Read.TimedOut:
                Assert.Fail($"Timed out waiting for {waitingFor}; received \"{WireText.Escape(Peek())}\".");
                break;
        }
    }

    private async Task<Read> ReceiveAsync(DateTime deadline)
    {
        if (_closedBy is not null)
        {
            return Read.Closed;
        }

        var remaining = deadline - DateTime.UtcNow;
        if (remaining <= TimeSpan.Zero)
        {
            return Read.TimedOut;
        }

        MakeRoom();
        using var timeout = new CancellationTokenSource(remaining);
        try
        {
            var read = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, timeout.Token);
            if (read == 0)
            {
                _closedBy = "EOF";
                return Read.Closed;
            }

            _end += read;
            return Read.Data;
        }
        catch (OperationCanceledException)
        {
            return Read.TimedOut;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
        {
            _closedBy = "reset";
            return Read.Closed;
        }
    }

    private void MakeRoom()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, Buffered);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
    }

    private string Peek(int count = -1) => Wire.GetString(_buffer, _start, count < 0 ? Buffered : count);

    private string Take(int count)
    {
        var text = Wire.GetString(_buffer, _start, count);
        _start += count;
        return text;
    }
}
