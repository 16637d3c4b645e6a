using System.Text.Json;

namespace Nats.Edge.Server.Protocol;

/// <summary>
/// The fields of one JSON object a peer sent, for a wire record to read itself from, as the
/// serializer's generated reader read it: names match exactly, escaped or not; a field the record
/// does not know is skipped whatever its shape; of two fields with one name the later wins; a known
/// field of the wrong type throws, which <see cref="WireJson.Parse"/> answers with null, as Go's
/// decoder rejects it.
/// </summary>
/// <remarks>
/// <para>
/// A record reads field by field: after each <see cref="Next"/> it offers every name it knows, and
/// the one that matches reads the value; a field no name matched is skipped by the next
/// <see cref="Next"/>.
/// </para>
/// <para>
/// The records are still written by <see cref="WireJsonContext"/>. Reading through it as well would
/// link the serializer's whole reading side into the binary (every converter's read path, for every
/// type any context serializes), where these fields need only the reader.
/// </para>
/// </remarks>
internal ref struct WireJsonFields
{
    private Utf8JsonReader _json;

    // The reader is on a field's name, and nothing has read its value yet.
    private bool _unread;

    public WireJsonFields(ReadOnlySpan<byte> json) => _json = new Utf8JsonReader(json);

    /// <summary>
    /// Moves to the next field, past the value of the one before if nothing read it; false at the
    /// end of the object.
    /// </summary>
    public bool Next()
    {
        if (_unread)
        {
            _json.Skip();
        }

        _unread = _json.Read() && _json.TokenType == JsonTokenType.PropertyName;
        return _unread;
    }

    public void Read(ReadOnlySpan<byte> name, ref bool value)
    {
        if (Take(name))
        {
            value = _json.GetBoolean();
        }
    }

    public void Read(ReadOnlySpan<byte> name, ref int value)
    {
        if (Take(name))
        {
            value = _json.GetInt32();
        }
    }

    public void Read(ReadOnlySpan<byte> name, ref int? value)
    {
        if (Take(name))
        {
            value = _json.TokenType == JsonTokenType.Null ? null : _json.GetInt32();
        }
    }

    public void Read(ReadOnlySpan<byte> name, ref ulong value)
    {
        if (Take(name))
        {
            value = _json.GetUInt64();
        }
    }

    public void Read(ReadOnlySpan<byte> name, ref string? value)
    {
        if (Take(name))
        {
            value = _json.GetString();
        }
    }

    /// <summary>A list of strings: null for null, and a null entry for a null in the list.</summary>
    public void Read(ReadOnlySpan<byte> name, ref List<string>? value)
    {
        if (!Take(name))
        {
            return;
        }

        if (_json.TokenType == JsonTokenType.Null)
        {
            value = null;
            return;
        }

        if (_json.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("not a list");
        }

        value = [];
        while (_json.Read() && _json.TokenType != JsonTokenType.EndArray)
        {
            value.Add(_json.GetString()!);
        }
    }

    /// <summary>An object <paramref name="read"/> reads from its fields; null for null.</summary>
    public void Read<T>(ReadOnlySpan<byte> name, ref T? value, FieldsReader<T> read)
        where T : class
    {
        if (Take(name))
        {
            value = IsObject() ? read(ref this) : null;
        }
    }

    /// <summary>
    /// A list of subjects as a hub has always read a leaf's <c>deny_pub</c>: a value that is not a
    /// list is no list (null), a null subject an empty one; a subject of another type still throws.
    /// </summary>
    public void ReadSubjects(ReadOnlySpan<byte> name, ref List<string>? value)
    {
        if (!Take(name))
        {
            return;
        }

        if (_json.TokenType != JsonTokenType.StartArray)
        {
            _json.Skip();
            value = null;
            return;
        }

        value = [];
        while (_json.Read() && _json.TokenType != JsonTokenType.EndArray)
        {
            value.Add(_json.TokenType == JsonTokenType.Null ? string.Empty : _json.GetString()!);
        }
    }

    /// <summary>Moves into the outermost value: true when it is an object, false when it is null; anything else throws.</summary>
    public bool Open() => _json.Read() && IsObject();

    /// <summary>After the outermost object: true when nothing but blanks follows it.</summary>
    public bool End() => !_json.Read();

    // Moves to the value of the field the reader is on if that field is called name and nothing read it yet.
    private bool Take(ReadOnlySpan<byte> name)
    {
        if (!_unread || !_json.ValueTextEquals(name))
        {
            return false;
        }

        _unread = false;
        _json.Read();
        return true;
    }

    private readonly bool IsObject() => _json.TokenType switch
    {
        JsonTokenType.StartObject => true,
        JsonTokenType.Null => false,
        _ => throw new JsonException("not an object"),
    };
}
