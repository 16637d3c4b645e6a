using Nats.Edge.Server.Outbox;
using Nats.Edge.Tests.Infrastructure;
using static Nats.Edge.Tests.Outbox.OutboxFolder;

namespace Nats.Edge.Tests.Outbox;

public sealed class OutboxFaultTests : IDisposable
{
    private readonly OutboxFolder _folder = new();

    [Fact]
    public async Task A_full_disk_holds_the_records_taken_refuses_new_ones_and_reports_the_error()
    {
        var files = new FaultyFiles();
        var time = new ManualTime();
        using var outbox = _folder.Open(files: files, time: time);
        files.Full = true;

        Assert.Equal(1, Append(outbox, "a", "held"));
        await Poll.UntilAsync(() => outbox.Stats.WriteErrors > 0);

        Assert.Equal(OutboxRefusal.Failing, TryAppend(outbox, "a", "refused"));
        var stats = outbox.Stats;
        Assert.Equal("No space left on device", stats.LastError);
        Assert.Equal(time.GetUtcNow(), stats.LastErrorTime);
        Assert.Equal(1, stats.RefusedFailing);
        Assert.Equal(0, outbox.StoredThrough);

        // The writer retries several times a second; the error line is written once a minute.
        await Poll.UntilAsync(() => outbox.Stats.WriteErrors >= 3);
        Assert.Equal(1, _folder.Lines.Count("[ERR] Outbox failed writing"));
    }

    [Fact]
    public async Task When_the_disk_has_room_again_the_held_records_are_stored_and_new_ones_taken()
    {
        var files = new FaultyFiles();
        using var outbox = _folder.Open(files: files);
        files.Full = true;
        Append(outbox, "a", "held");
        await Poll.UntilAsync(() => outbox.Stats.WriteErrors > 0);

        files.Full = false;
        await StoredAsync(outbox, 1);
        await Poll.UntilAsync(() => TryAppend(outbox, "a", "after") == OutboxRefusal.None);

        await StoredAsync(outbox, 2);
        Assert.Equal([(1L, "a", "held"), (2L, "a", "after")], ReadAll(outbox));
        Assert.Equal(1, _folder.Lines.Count("[INF] Outbox writes"));
    }

    [Fact]
    public async Task A_full_disk_while_saving_the_cursor_is_counted_and_the_cursor_saved_later()
    {
        var files = new FaultyFiles();
        using (var outbox = _folder.Open(_folder.Options(sync: TimeSpan.Zero), files))
        {
            Append(outbox, "a", "1");
            await StoredAsync(outbox, 1);
            files.Full = true;
            outbox.Acknowledge(1);
            await Poll.UntilAsync(() => outbox.Stats.WriteErrors > 0);
            files.Full = false;
            await Poll.UntilAsync(() => File.Exists(Path.Combine(_folder.Path, OutboxCursor.FileName)));
        }

        using var reopened = _folder.Open();
        Assert.Equal(1, reopened.AckedThrough);
    }

    public void Dispose() => _folder.Dispose();
}
