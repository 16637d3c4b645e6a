using System.Buffers;
using Nats.Edge.Server.Outbox;
using Nats.Edge.Tests.Infrastructure;
using static Nats.Edge.Tests.Outbox.OutboxFolder;

namespace Nats.Edge.Tests.Outbox;

public sealed class OutboxLogTests : IDisposable
{
    private readonly OutboxFolder _folder = new();

    [Fact]
    public async Task Appends_get_consecutive_sequences_and_are_read_back_in_order()
    {
        using var outbox = _folder.Open();

        Assert.Equal([1L, 2, 3], new[] { Append(outbox, "a", "1"), Append(outbox, "b", "2"), Append(outbox, "c", "3") });
        await StoredAsync(outbox, 3);

        Assert.Equal([(1L, "a", "1"), (2L, "b", "2"), (3L, "c", "3")], ReadAll(outbox));
    }

    [Fact]
    public async Task Headers_are_kept_as_published()
    {
        using var outbox = _folder.Open();
        var headers = "NATS/1.0\r\nUnit: C\r\n\r\n"u8.ToArray();

        outbox.Append("t"u8, headers, new ReadOnlySequence<byte>("1"u8.ToArray()), out _);
        await StoredAsync(outbox, 1);

        using var reader = outbox.OpenReader(1);
        Assert.True(reader.TryRead(out var record));
        Assert.Equal(headers, record.Headers.ToArray());
    }

    [Fact]
    public async Task Records_and_sequences_survive_reopening()
    {
        using (var outbox = _folder.Open())
        {
            Append(outbox, "a", "1");
            Append(outbox, "b", "2");
        }

        using var reopened = _folder.Open();
        Assert.Equal(3, Append(reopened, "c", "3"));
        await StoredAsync(reopened, 3);
        Assert.Equal([(1L, "a", "1"), (2L, "b", "2"), (3L, "c", "3")], ReadAll(reopened));
    }

    [Fact]
    public async Task Stored_records_are_in_the_file_before_the_log_is_closed()
    {
        // What a kill leaves: the writer has handed the records to the OS, nothing ran at exit.
        using var running = _folder.Open();
        Append(running, "a", "1");
        Append(running, "b", "2");
        await StoredAsync(running, 2);

        using var copy = new OutboxFolder();
        foreach (var file in Directory.GetFiles(_folder.Path))
        {
            File.Copy(file, Path.Combine(copy.Path, Path.GetFileName(file)));
        }

        using var afterKill = copy.Open();
        Assert.Equal([(1L, "a", "1"), (2L, "b", "2")], ReadAll(afterKill));
    }

    [Fact]
    public void Board_id_is_a_22_character_token_of_letters_and_digits_kept_across_restarts()
    {
        string first;
        using (var outbox = _folder.Open())
        {
            first = outbox.BoardId;
        }

        using var reopened = _folder.Open();
        Assert.Equal(22, first.Length);
        Assert.All(first, c => Assert.True(char.IsAsciiLetterOrDigit(c)));
        Assert.Equal(first, reopened.BoardId);
    }

    [Fact]
    public async Task Stored_is_raised_with_every_sequence_up_to_the_argument_stored()
    {
        using var outbox = _folder.Open();
        long reported = 0;
        outbox.Stored += through => Volatile.Write(ref reported, through);

        for (var i = 0; i < 100; i++)
        {
            Append(outbox, "a", "x");
        }

        await Poll.UntilAsync(() => Volatile.Read(ref reported) == 100);
        Assert.Equal(100, outbox.StoredThrough);
    }

    [Fact]
    public async Task With_sync_always_a_batch_is_synced_before_it_counts_as_stored()
    {
        var files = new FaultyFiles();
        using var outbox = _folder.Open(_folder.Options(sync: TimeSpan.Zero), files);
        var flushesWhenStored = -1;
        outbox.Stored += _ => flushesWhenStored = files.Flushes;

        Append(outbox, "a", "1");
        await StoredAsync(outbox, 1);

        Assert.True(flushesWhenStored >= 1);
    }

    [Fact]
    public async Task Records_taken_while_the_disk_is_busy_go_out_in_one_write()
    {
        var files = new FaultyFiles();
        using var outbox = _folder.Open(files: files);
        files.Stall();
        Append(outbox, "a", "first");
        await Poll.UntilAsync(() => outbox.Stats.PendingBytes > 0);
        var before = files.Writes;
        for (var i = 0; i < 500; i++)
        {
            Append(outbox, "a", "x");
        }

        files.Resume();
        await StoredAsync(outbox, 501);

        // The first record's write was already waiting; the other 500 follow in one more.
        Assert.InRange(files.Writes - before, 1, 2);
        Assert.Equal(new FileInfo(Assert.Single(_folder.Segments())).Length, outbox.Stats.BytesWritten);
    }

    [Fact]
    public async Task Reader_follows_the_writer_into_new_segments()
    {
        using var outbox = _folder.Open(_folder.Options(segmentBytes: 4096));
        using var reader = outbox.OpenReader(1);
        Assert.False(reader.TryRead(out _));

        var payload = new string('x', 500);
        for (var i = 1; i <= 40; i++)
        {
            Append(outbox, "a", payload);
        }

        await StoredAsync(outbox, 40);
        var read = 0L;
        while (reader.TryRead(out var record))
        {
            Assert.Equal(++read, record.Sequence);
        }

        Assert.Equal(40, read);
        Assert.True(_folder.Segments().Length > 1);
    }

    [Fact]
    public async Task Every_new_segment_s_name_is_synced_in_its_directory()
    {
        var files = new FaultyFiles();
        using var outbox = _folder.Open(_folder.Options(segmentBytes: 4096), files);

        var payload = new string('x', 500);
        for (var i = 1; i <= 40; i++)
        {
            Append(outbox, "a", payload);
        }

        await StoredAsync(outbox, 40);
        Assert.True(files.DirectoryFlushes >= _folder.Segments().Length, $"{files.DirectoryFlushes} directory syncs for {_folder.Segments().Length} segments");
    }

    [Fact]
    public void A_directory_that_is_gone_cannot_be_synced()
    {
        DirectorySync.Flush(_folder.Path);

        Assert.Throws<IOException>(() => DirectorySync.Flush(Path.Combine(_folder.Path, "gone")));
    }

    [Fact]
    public async Task Appends_from_many_threads_get_distinct_sequences_and_all_are_stored()
    {
        using var outbox = _folder.Open();

        var threads = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            for (var i = 0; i < 2500; i++)
            {
                Append(outbox, "a", "x");
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());
        await StoredAsync(outbox, 10_000);

        Assert.Equal(Enumerable.Range(1, 10_000).Select(i => (long)i), ReadAll(outbox).Select(record => record.Sequence));
    }

    [Fact]
    public async Task Acknowledged_segments_are_deleted_and_the_cursor_survives_restart()
    {
        using (var outbox = _folder.Open(_folder.Options(segmentBytes: 4096)))
        {
            for (var i = 1; i <= 40; i++)
            {
                Append(outbox, "a", new string('x', 500));
            }

            await StoredAsync(outbox, 40);
            var segments = _folder.Segments().Length;
            outbox.Acknowledge(30);

            await Poll.UntilAsync(() => _folder.Segments().Length < segments);
            Assert.True(outbox.FirstSequence <= 31);
            Assert.Equal(10, outbox.Stats.PendingMessages);
        }

        using var reopened = _folder.Open();
        Assert.Equal(30, reopened.AckedThrough);
        Assert.Equal(31, ReadAll(reopened, reopened.AckedThrough + 1)[0].Sequence);
    }

    [Fact]
    public async Task Stats_tell_the_oldest_unacknowledged_record_and_the_bytes_after_it()
    {
        var time = new ManualTime();
        using var outbox = _folder.Open(time: time);
        var start = time.GetUtcNow();
        Append(outbox, "a", "1");
        time.Advance(TimeSpan.FromSeconds(5));
        Append(outbox, "a", "2");
        time.Advance(TimeSpan.FromSeconds(5));
        Append(outbox, "a", "3");
        await StoredAsync(outbox, 3);

        outbox.Acknowledge(1);
        var expected = (start + TimeSpan.FromSeconds(5) - DateTimeOffset.UnixEpoch).Ticks * 100;
        await Poll.UntilAsync(() => outbox.Stats.OldestPendingUnixNanos == expected, () => outbox.Stats.ToString());

        var stats = outbox.Stats;
        Assert.Equal(2, stats.PendingMessages);
        Assert.Equal(2 * OutboxRecordFormat.SizeOf(1, 0, 1), stats.PendingBytes);
    }

    [Fact]
    public void Dispose_writes_the_records_still_in_memory()
    {
        using (var outbox = _folder.Open())
        {
            for (var i = 0; i < 1000; i++)
            {
                Append(outbox, "a", "x");
            }
        }

        using var reopened = _folder.Open();
        Assert.Equal(1000, ReadAll(reopened).Count);
    }

    public void Dispose() => _folder.Dispose();
}
