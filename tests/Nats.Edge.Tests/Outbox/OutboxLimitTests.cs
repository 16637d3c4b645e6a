using Nats.Edge.Server.Outbox;
using Nats.Edge.Tests.Infrastructure;
using static Nats.Edge.Tests.Outbox.OutboxFolder;

namespace Nats.Edge.Tests.Outbox;

public sealed class OutboxLimitTests : IDisposable
{
    private readonly OutboxFolder _folder = new();

    [Fact]
    public async Task Discard_old_keeps_at_most_max_messages_and_counts_every_unacknowledged_record_dropped()
    {
        using var outbox = _folder.Open(_folder.Options(maxMessages: 16));
        for (var i = 1; i <= 40; i++)
        {
            Append(outbox, "a", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await StoredAsync(outbox, 40);

        var kept = ReadAll(outbox);
        var stats = outbox.Stats;
        Assert.InRange(kept.Count, 14, 16);
        Assert.Equal(Enumerable.Range(41 - kept.Count, kept.Count).Select(i => (long)i), kept.Select(record => record.Sequence));
        Assert.Equal(40 - kept.Count, stats.DiscardedOld);
        Assert.Equal(41 - kept.Count, stats.FirstSequence);
        Assert.Equal(1, _folder.Lines.Count("[WRN] Outbox dropped"));
    }

    [Fact]
    public async Task Discard_old_keeps_at_most_max_bytes()
    {
        const long MaxBytes = 256 * 1024;
        using var outbox = _folder.Open(_folder.Options(maxBytes: MaxBytes));
        var payload = new string('x', 1000);
        for (var i = 1; i <= 1000; i++)
        {
            Append(outbox, "a", payload);

            // Paced to the disk: a burst past a quarter of MaxBytes is refused as busy, a test of its own.
            if (i % 50 == 0)
            {
                await StoredAsync(outbox, i);
            }
        }

        Assert.InRange(_folder.Segments().Sum(segment => new FileInfo(segment).Length), MaxBytes * 7 / 8, MaxBytes);
        Assert.Equal(1000 - ReadAll(outbox).Count, outbox.Stats.DiscardedOld);
    }

    [Fact]
    public async Task A_reader_behind_the_discarded_records_moves_to_the_oldest_kept()
    {
        using var outbox = _folder.Open(_folder.Options(maxMessages: 8));
        using var reader = outbox.OpenReader(1);
        for (var i = 1; i <= 20; i++)
        {
            Append(outbox, "a", "x");
        }

        await StoredAsync(outbox, 20);

        Assert.True(reader.TryRead(out var record));
        Assert.Equal(outbox.FirstSequence, record.Sequence);
        Assert.True(record.Sequence > 12);
    }

    [Fact]
    public async Task Discard_new_refuses_at_the_limit_and_counts_each_refusal()
    {
        using var outbox = _folder.Open(_folder.Options(maxMessages: 3, discard: OutboxDiscard.New));
        for (var i = 0; i < 3; i++)
        {
            Append(outbox, "a", "x");
        }

        Assert.Equal(OutboxRefusal.LimitReached, TryAppend(outbox, "a", "x"));
        Assert.Equal(OutboxRefusal.LimitReached, TryAppend(outbox, "a", "x"));
        await StoredAsync(outbox, 3);

        Assert.Equal(2, outbox.Stats.RefusedNew);
        Assert.Equal(3, ReadAll(outbox).Count);
    }

    [Fact]
    public async Task Discard_new_takes_records_again_once_the_hub_acknowledged_old_ones()
    {
        using var outbox = _folder.Open(_folder.Options(maxMessages: 3, discard: OutboxDiscard.New));
        for (var i = 0; i < 3; i++)
        {
            Append(outbox, "a", "x");
        }

        Assert.Equal(OutboxRefusal.LimitReached, TryAppend(outbox, "a", "x"));
        await StoredAsync(outbox, 3);
        outbox.Acknowledge(3);

        await Poll.UntilAsync(() => TryAppend(outbox, "a", "y") == OutboxRefusal.None);
        Assert.Equal(4, outbox.Stats.LastSequence);
    }

    [Fact]
    public async Task Records_older_than_max_age_are_dropped()
    {
        var time = new ManualTime();
        using var outbox = _folder.Open(_folder.Options(maxAge: TimeSpan.FromMinutes(10)), time: time);
        for (var i = 0; i < 5; i++)
        {
            Append(outbox, "a", "old");
        }

        await StoredAsync(outbox, 5);
        time.Advance(TimeSpan.FromMinutes(11));
        Append(outbox, "a", "new");
        await StoredAsync(outbox, 6);

        Assert.Equal([(6L, "a", "new")], ReadAll(outbox));
        Assert.Equal(5, outbox.Stats.DiscardedOld);
    }

    [Fact]
    public void Each_refusal_kind_is_logged_at_most_once_a_minute()
    {
        var time = new ManualTime();
        using var outbox = _folder.Open(_folder.Options(maxMessages: 1, discard: OutboxDiscard.New), time: time);
        Append(outbox, "a", "x");

        for (var i = 0; i < 10; i++)
        {
            TryAppend(outbox, "a", "x");
        }

        time.Advance(TimeSpan.FromSeconds(59));
        TryAppend(outbox, "a", "x");
        Assert.Equal(1, _folder.Lines.Count("[WRN] Outbox limit reached"));

        time.Advance(TimeSpan.FromSeconds(2));
        TryAppend(outbox, "a", "x");
        Assert.Equal(2, _folder.Lines.Count("[WRN] Outbox limit reached"));
        Assert.Equal(12, outbox.Stats.RefusedNew);
    }

    [Fact]
    public async Task A_stalled_disk_never_blocks_append_which_refuses_as_busy_past_the_memory_bound()
    {
        var files = new FaultyFiles();
        using var outbox = _folder.Open(_folder.Options(maxBytes: 1024 * 1024), files);
        files.Stall();
        var payload = new string('x', 1000);
        var refusal = OutboxRefusal.None;
        var taken = 0;
        while (refusal == OutboxRefusal.None && taken < 10_000)
        {
            refusal = TryAppend(outbox, "a", payload);
            taken++;
        }

        Assert.Equal(OutboxRefusal.Busy, refusal);
        Assert.InRange(taken, 200, 300); // a quarter of MaxBytes: 256 KiB of ~1 KB records
        Assert.Equal(1, outbox.Stats.RefusedBusy);

        files.Resume();
        await StoredAsync(outbox, taken - 1);
        Assert.Equal(OutboxRefusal.None, TryAppend(outbox, "a", payload));
    }

    public void Dispose() => _folder.Dispose();
}
