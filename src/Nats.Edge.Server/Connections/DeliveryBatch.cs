namespace Nats.Edge.Server.Connections;

/// <summary>
/// The connections a receive loop wrote to while it worked through one read. Each is signalled once
/// when the read is done, so a burst of PUBs becomes one socket write per subscriber, not one each.
/// It also gathers, per message, what goes to each leafnode link: one LMSG carries the plain
/// delivery and every queue group the link was chosen for.
/// </summary>
internal sealed class DeliveryBatch(Connection? source)
{
    private static long s_nextBatchId;

    private readonly List<Connection> _touched = [];
    private readonly List<RemoteTarget> _remotes = [];
    private readonly List<byte[]> _remoteQueues = [];
    private long _batchId = Interlocked.Increment(ref s_nextBatchId);
    private int _frame;
    private int _queueFrame;

    /// <summary>
    /// The connection whose input this batch carries, so links do not echo a message back; null for
    /// an in-process publisher, which no link can be.
    /// </summary>
    public Connection? Source => source;

    /// <summary>The touched connection with the most output queued, when that is past the stall threshold.</summary>
    public Connection? Laggard { get; private set; }

    /// <summary>Notes that <paramref name="connection"/> has new output, <paramref name="pendingBytes"/> in all.</summary>
    public void Add(Connection connection, long pendingBytes = 0)
    {
        if (pendingBytes > connection.StallThreshold && pendingBytes > (Laggard?.Outbound.PendingBytes ?? 0))
        {
            Laggard = connection;
        }

        // Two receive loops may overwrite each other's mark on a shared subscriber; the loser only adds it
        // twice to its own list and signals twice, which is harmless.
        if (connection.LastBatchId != _batchId)
        {
            connection.LastBatchId = _batchId;
            _touched.Add(connection);
        }
    }

    /// <summary>Starts gathering link deliveries for one message; imports nest, hence the returned mark.</summary>
    public (int Remotes, int Queues) BeginMessage()
    {
        var mark = (_frame, _queueFrame);
        _frame = _remotes.Count;
        _queueFrame = _remoteQueues.Count;
        return mark;
    }

    /// <summary>A link takes the current message, for its plain interest (null) or for <paramref name="queue"/>.</summary>
    public void AddRemote(IRemoteLink link, byte[]? queue)
    {
        var index = _remotes.Count - 1;
        while (index >= _frame && _remotes[index].Link != link)
        {
            index--;
        }

        if (index < _frame)
        {
            _remotes.Add(new RemoteTarget(link, _remoteQueues.Count, 0));
            index = _remotes.Count - 1;
        }

        var target = _remotes[index];
        if (queue is null)
        {
            return;
        }

        // Queue names of one target stay together: a nested message may have added entries after it.
        if (target.QueueStart + target.QueueCount != _remoteQueues.Count)
        {
            for (var i = 0; i < target.QueueCount; i++)
            {
                _remoteQueues.Add(_remoteQueues[target.QueueStart + i]);
            }

            target = target with { QueueStart = _remoteQueues.Count - target.QueueCount };
        }

        _remoteQueues.Add(queue);
        _remotes[index] = target with { QueueCount = target.QueueCount + 1 };
    }

    /// <summary>
    /// Writes the gathered link deliveries of the current message and returns to the outer one; true
    /// when any link took it.
    /// </summary>
    public bool EndMessage((int Remotes, int Queues) mark, in InboundMessage message)
    {
        var start = _frame;
        var any = _remotes.Count > start;
        for (var i = start; i < _remotes.Count; i++)
        {
            var target = _remotes[i];
            var queues = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_remoteQueues).Slice(target.QueueStart, target.QueueCount);
            target.Link.WriteMessage(message, queues, this);
        }

        // Everything this message added goes, queue names moved by AddRemote included.
        _remotes.RemoveRange(start, _remotes.Count - start);
        _remoteQueues.RemoveRange(_queueFrame, _remoteQueues.Count - _queueFrame);
        (_frame, _queueFrame) = mark;
        return any;
    }

    /// <summary>Wakes every touched connection's sender and starts a new batch; returns the laggard, if any.</summary>
    public Connection? Flush()
    {
        var laggard = Laggard;
        foreach (var connection in _touched)
        {
            connection.SignalSend();
        }

        _touched.Clear();
        Laggard = null;
        _batchId = Interlocked.Increment(ref s_nextBatchId);
        return laggard;
    }

    private readonly record struct RemoteTarget(IRemoteLink Link, int QueueStart, int QueueCount);
}
