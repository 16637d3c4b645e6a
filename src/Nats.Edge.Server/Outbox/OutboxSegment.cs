using System.Globalization;

namespace Nats.Edge.Server.Outbox;

/// <summary>
/// What the log knows of one segment file without reading it. The writer thread changes it; a
/// reader on another thread reads <see cref="Bytes"/>, <see cref="LastSequence"/> and <see cref="Sealed"/>,
/// which the writer updates only after the bytes they describe are in the file.
/// </summary>
internal sealed class OutboxSegment
{
    public const string Extension = ".seg";

    private long _bytes;
    private long _lastSequence;
    private volatile bool _sealed;

    public OutboxSegment(string directory, long firstSequence)
    {
        FirstSequence = firstSequence;
        _lastSequence = firstSequence - 1;
        Path = System.IO.Path.Combine(directory, FileName(firstSequence));
    }

    /// <summary>The sequence the file is named after: its first record's, when it was begun.</summary>
    public long FirstSequence { get; }

    public string Path { get; }

    /// <summary>The end of the last whole record: where the next one goes and how far readers may read.</summary>
    public long Bytes
    {
        get => Volatile.Read(ref _bytes);
        set => Volatile.Write(ref _bytes, value);
    }

    public long LastSequence
    {
        get => Volatile.Read(ref _lastSequence);
        set => Volatile.Write(ref _lastSequence, value);
    }

    /// <summary>Whole records in the file; fewer than the sequence range when recovery skipped damaged ones.</summary>
    public long Count { get; set; }

    public long FirstTimestamp { get; set; }

    public long LastTimestamp { get; set; }

    /// <summary>No record will be added: readers that reach <see cref="Bytes"/> go on to the next segment.</summary>
    public bool Sealed
    {
        get => _sealed;
        set => _sealed = value;
    }

    /// <summary>Damaged byte ranges recovery found, as (start, end) offsets; readers jump over them. Set before any reader exists.</summary>
    public List<(long Start, long End)>? Damaged { get; set; }

    public static string FileName(long firstSequence) => firstSequence.ToString("D20", CultureInfo.InvariantCulture) + Extension;

    public static bool TryParseName(string name, out long firstSequence)
    {
        firstSequence = 0;
        return name.Length == 20 + Extension.Length
            && name.EndsWith(Extension, StringComparison.Ordinal)
            && long.TryParse(name.AsSpan(0, 20), NumberStyles.None, CultureInfo.InvariantCulture, out firstSequence);
    }

    /// <summary>The end of the damaged range starting at <paramref name="offset"/>, if recovery found one there.</summary>
    public bool TrySkipDamage(long offset, out long end)
    {
        if (Damaged is { } damaged)
        {
            foreach (var (start, stop) in damaged)
            {
                if (start == offset)
                {
                    end = stop;
                    return true;
                }
            }
        }

        end = 0;
        return false;
    }

    /// <summary>Accounts for whole records appended at the end, described by the first and last of them.</summary>
    public void Extend(long bytes, long count, long firstTimestamp, long lastSequence, long lastTimestamp)
    {
        if (Count == 0)
        {
            FirstTimestamp = firstTimestamp;
        }

        Count += count;
        LastTimestamp = lastTimestamp;
        Bytes += bytes;
        LastSequence = lastSequence;
    }
}
