using Nats.Edge.Server.Outbox;
using static Nats.Edge.Tests.Outbox.OutboxFolder;

namespace Nats.Edge.Tests.Outbox;

public sealed class OutboxRecoveryTests : IDisposable
{
    private readonly OutboxFolder _folder = new();

    [Fact]
    public async Task Torn_tail_is_cut_at_the_last_whole_record_at_every_byte_offset()
    {
        const int Records = 5;
        using (var outbox = _folder.Open())
        {
            for (var i = 1; i <= Records; i++)
            {
                Append(outbox, "sensors.temp", $"reading {i}");
            }

            await StoredAsync(outbox, Records);
        }

        var segment = Assert.Single(_folder.Segments());
        var whole = File.ReadAllBytes(segment);
        var lastStart = whole.Length - (int)OutboxRecordFormat.SizeOf("sensors.temp".Length, 0, $"reading {Records}".Length);
        for (var cut = lastStart; cut < whole.Length; cut++)
        {
            File.WriteAllBytes(segment, whole[..cut]);

            using var outbox = _folder.Open();

            Assert.Equal(Records - 1, ReadAll(outbox).Count);
            Assert.Equal(lastStart, new FileInfo(segment).Length);

            // The torn record was never whole on disk, so never read or acknowledged: its sequence is free.
            Assert.Equal(Records, Append(outbox, "sensors.temp", "again"));
        }
    }

    [Fact]
    public async Task A_segment_holding_only_a_torn_record_is_removed_and_its_sequence_taken_again()
    {
        using (var outbox = _folder.Open())
        {
            Append(outbox, "a", "1");
            await StoredAsync(outbox, 1);
        }

        var segment = Assert.Single(_folder.Segments());
        File.WriteAllBytes(segment, File.ReadAllBytes(segment)[..10]);

        using var reopened = _folder.Open();
        Assert.Empty(_folder.Segments());
        Assert.Equal(1, Append(reopened, "a", "2"));
    }

    [Fact]
    public async Task A_damaged_byte_in_a_middle_segment_is_reported_and_the_records_around_it_are_read()
    {
        var payload = new string('x', 500);
        using (var outbox = _folder.Open(_folder.Options(segmentBytes: 4096)))
        {
            for (var i = 1; i <= 30; i++)
            {
                Append(outbox, "a", payload);
            }

            await StoredAsync(outbox, 30);
        }

        var segments = _folder.Segments();
        Assert.True(segments.Length >= 3);
        var middle = segments[1];
        var bytes = File.ReadAllBytes(middle);
        var recordSize = (int)OutboxRecordFormat.SizeOf(1, 0, payload.Length);
        bytes[recordSize + 100] ^= 0xFF; // inside the segment's second record
        File.WriteAllBytes(middle, bytes);

        using var reopened = _folder.Open(_folder.Options(segmentBytes: 4096));

        Assert.Equal(1, _folder.Lines.Count("[ERR] Outbox segment " + middle + " is damaged"));
        var sequences = ReadAll(reopened).Select(record => record.Sequence).ToList();
        var lost = long.Parse(Path.GetFileNameWithoutExtension(middle), System.Globalization.CultureInfo.InvariantCulture) + 1;
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i).Where(sequence => sequence != lost), sequences);
        Assert.Equal(31, Append(reopened, "a", "next"));
    }

    [Fact]
    public async Task A_damaged_length_in_a_middle_segment_is_stepped_over()
    {
        using (var outbox = _folder.Open(_folder.Options(segmentBytes: 4096)))
        {
            for (var i = 1; i <= 30; i++)
            {
                Append(outbox, "a", new string('x', 500));
            }

            await StoredAsync(outbox, 30);
        }

        var middle = _folder.Segments()[1];
        var bytes = File.ReadAllBytes(middle);
        bytes[0] = 0xFF;
        bytes[3] = 0x7F;
        File.WriteAllBytes(middle, bytes);

        using var reopened = _folder.Open();

        Assert.Equal(29, ReadAll(reopened).Count);
    }

    [Fact]
    public async Task A_damaged_cursor_is_reported_and_every_kept_record_is_forwarded_again()
    {
        using (var outbox = _folder.Open())
        {
            Append(outbox, "a", "1");
            await StoredAsync(outbox, 1);
            outbox.Acknowledge(1);
        }

        File.WriteAllText(Path.Combine(_folder.Path, OutboxCursor.FileName), "garbage");

        using var reopened = _folder.Open();
        Assert.Equal(0, reopened.AckedThrough);
        Assert.Equal(1, _folder.Lines.Count("[ERR] Outbox cursor"));
    }

    [Fact]
    public async Task A_sequence_the_hub_acknowledged_is_not_handed_out_again_after_its_record_was_lost()
    {
        using (var outbox = _folder.Open())
        {
            Append(outbox, "a", "1");
            Append(outbox, "a", "2");
            await StoredAsync(outbox, 2);
            outbox.Acknowledge(2);
        }

        foreach (var segment in _folder.Segments())
        {
            File.Delete(segment);
        }

        using var reopened = _folder.Open();
        Assert.Equal(3, Append(reopened, "a", "3"));
    }

    public void Dispose() => _folder.Dispose();
}
