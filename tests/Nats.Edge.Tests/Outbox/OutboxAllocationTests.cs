using System.Buffers;
using Nats.Edge.Tests.Infrastructure;
using static Nats.Edge.Tests.Outbox.OutboxFolder;

namespace Nats.Edge.Tests.Outbox;

public sealed class OutboxAllocationTests : IDisposable
{
    private const int Appends = 10_000;

    private readonly OutboxFolder _folder = new();

    [Fact]
    public async Task Append_allocates_nothing_once_warmed_up()
    {
        var files = new FaultyFiles();
        using var outbox = _folder.Open(files: files);
        var subject = "sensors.board1.temp"u8.ToArray();
        var payload = new ReadOnlySequence<byte>("{\"c\":21.5}"u8.ToArray());

        // Two rounds with the disk stalled grow the batch buffers to a round's size (the writer grows
        // the one it hands back to the other's), so the measured round allocates nothing however far
        // behind the writer falls.
        long sequence = 0;
        for (var round = 0; round < 3; round++)
        {
            files.Stall();
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < Appends; i++)
            {
                sequence = outbox.Append(subject, default, payload, out _);
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            files.Resume();
            await StoredAsync(outbox, sequence);
            if (round == 2)
            {
                Assert.Equal(0, allocated);
            }
        }

        Assert.Equal(3 * Appends, sequence);
    }

    public void Dispose() => _folder.Dispose();
}
