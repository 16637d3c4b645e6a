using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Nats.Edge.Configuration.Conf;

namespace Nats.Edge.Configuration;

/// <summary>
/// Reads a config file in either syntax: a <c>.json</c> file with the JSON provider; any other
/// with the JSON provider if it is a JSON object, else as nats conf (of which JSON is a subset, so
/// a brace-led file the JSON provider refuses gets a second reading as conf).
/// </summary>
internal static class ConfigFileReader
{
    public static ConfigFileContent Read(string path, Func<string, string?> environment)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new ConfigException($"config file \"{path}\" does not exist");
        }

        var bytes = File.ReadAllBytes(fullPath);
        var jsonName = Path.GetExtension(fullPath).Equals(".json", StringComparison.OrdinalIgnoreCase);
        if (jsonName || StartsWithBrace(bytes))
        {
            try
            {
                return ReadJson(path, fullPath, bytes);
            }
            catch (ConfigException) when (!jsonName)
            {
            }
        }

        var configuration = new ConfigurationBuilder()
            .Add(new ConfConfigurationSource { Path = path, EnvironmentVariable = environment })
            .Build();
        var conf = (ConfConfigurationProvider)configuration.Providers.Single();
        return new ConfigFileContent(conf, conf.Locations);
    }

    private static ConfigFileContent ReadJson(string path, string fullPath, byte[] bytes)
    {
        // JSON is UTF-8; the reader only finds a bad byte when a string holding it is read, by then
        // outside any error a user would be shown (found by tests/Nats.Edge.Fuzz).
        if (InvalidUtf8At(bytes) is { } offset)
        {
            throw new ConfigException($"{path}: invalid UTF-8 at byte {offset}");
        }

        var provider = new JsonBytesProvider(bytes);
        try
        {
            provider.Load();
        }
        catch (JsonException ex)
        {
            throw new ConfigException(JsonError(path, ex));
        }
        catch (FormatException)
        {
            // A key given twice, or a top level that is not an object: the words the file provider
            // gave every such failure, naming the file by its full path.
            throw new ConfigException($"{path}: Failed to load configuration from file '{fullPath}'.");
        }

        return new ConfigFileContent(provider, JsonKeyLocations.Read(path, bytes));
    }

    private static int? InvalidUtf8At(ReadOnlySpan<byte> bytes)
    {
        for (var offset = 0; offset < bytes.Length;)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return null;
    }

    private static bool StartsWithBrace(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        var start = bytes.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && bytes[start] == (byte)'{';
    }

    // The JSON reader's own words carry the line: "'}' is an invalid start of a value. LineNumber: 1 | ...".
    private static string JsonError(string path, JsonException ex) => $"{path}:{ex.LineNumber + 1}: {ex.Message.Split(" LineNumber:")[0]}";

    /// <summary>
    /// The JSON provider over the bytes already read, parsed again at every load, as each
    /// configuration root loads its providers. Given the file's name instead (AddJsonFile), the
    /// provider would read the file through a physical file provider, which links file globbing and
    /// a file-system watcher into the binary whether it watches or not.
    /// </summary>
    private sealed class JsonBytesProvider(byte[] json) : JsonStreamConfigurationProvider(new JsonStreamConfigurationSource())
    {
        public override void Load() => Load(new MemoryStream(json, writable: false));
    }
}
