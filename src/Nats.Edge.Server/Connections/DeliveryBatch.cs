namespace Nats.Edge.Server.Connections;

/// <summary>
/// The connections a receive loop wrote to while it worked through one read. Each is signalled once
/// when the read is done, so a burst of PUBs becomes one socket write per subscriber, not one each.
/// </summary>
internal sealed class DeliveryBatch
{
    private static long s_nextBatchId;

    private readonly List<Connection> _touched = [];
    private long _batchId = Interlocked.Increment(ref s_nextBatchId);

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
}
