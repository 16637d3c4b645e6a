using System.Globalization;
using System.Text;
using Nats.Edge.Server.Logging;

namespace Nats.Edge.Logging;

/// <summary>
/// The log file (<c>-l</c>, <c>log_file</c>): appended to, rotated when it passes
/// <c>log_size_limit</c>, and opened again on SIGUSR1 after logrotate moved it away.
/// </summary>
internal sealed class FileLogSink : ILogSink, IDisposable
{
    private readonly Lock _gate = new();
    private readonly long _sizeLimit;
    private readonly bool _timestamps;
    private readonly bool _utc;
    private StreamWriter _writer;
    private long _size;

    /// <summary>Opens (or creates) <paramref name="path"/>; a <paramref name="sizeLimit"/> of 0 never rotates.</summary>
    public FileLogSink(string path, long sizeLimit, bool timestamps, bool utc)
    {
        Path = path;
        _sizeLimit = sizeLimit;
        _timestamps = timestamps;
        _utc = utc;
        _writer = Open();
    }

    public string Path { get; }

    public void Write(LogLevel level, string text)
    {
        var line = LogLine.Format(level, text, _timestamps, _utc);
        lock (_gate)
        {
            Append(line);
            if (_sizeLimit > 0 && _size > _sizeLimit)
            {
                Rotate();
            }
        }
    }

    /// <summary>Closes the file and opens the path again: what logrotate's postrotate expects of SIGUSR1.</summary>
    public void Reopen()
    {
        lock (_gate)
        {
            _writer.Dispose();
            _writer = Open();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _writer.Dispose();
        }
    }

    // The full file moves aside under a time-stamped name, as nats-server names it, and a fresh file
    // begins with a line saying where the old one went.
    private void Rotate()
    {
        _writer.Dispose();
        var backup = $"{Path}.{DateTime.Now.ToString("yyyy.MM.dd.HH.mm.ss.fffffff", CultureInfo.InvariantCulture)}";
        File.Move(Path, backup);
        _writer = Open();
        Append(LogLine.Format(LogLevel.Info, $"Rotated log, backup saved as {backup}", _timestamps, _utc));
    }

    private void Append(string line)
    {
        _writer.WriteLine(line);
        _writer.Flush();
        _size += Encoding.UTF8.GetByteCount(line) + 1;
    }

    private StreamWriter Open()
    {
        var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        _size = stream.Length;
        return new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
