using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace Nats.Edge.Devices.Readings;

/// <summary>
/// Formats payloads into one reused buffer: after the first few, writing a reading allocates nothing.
/// One per publishing loop; not thread-safe.
/// </summary>
internal sealed class PayloadWriter : IDisposable
{
    // Units such as °C stay readable instead of becoming \u00B0C; HTML-sensitive characters are still escaped.
    private static readonly JsonWriterOptions s_options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement),
        SkipValidation = true,
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer;

    public PayloadWriter() => _writer = new Utf8JsonWriter(_buffer, s_options);

    public ReadOnlySpan<byte> Write<T>(T value, JsonTypeInfo<T> type)
    {
        Reset();
        JsonSerializer.Serialize(_writer, value, type);
        return Flush();
    }

    public ReadOnlySpan<byte> Write(Reading reading)
    {
        Reset();
        reading.WriteTo(_writer);
        return Flush();
    }

    public void Dispose() => _writer.Dispose();

    private void Reset()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
    }

    private ReadOnlySpan<byte> Flush()
    {
        _writer.Flush();
        return _buffer.WrittenSpan;
    }
}
