using System.Text.Json;
using Microsoft.Extensions.Configuration;
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
        try
        {
            var configuration = new ConfigurationBuilder()
                .SetBasePath(Path.GetDirectoryName(fullPath)!)
                .AddJsonFile(Path.GetFileName(fullPath), optional: false, reloadOnChange: false)
                .Build();
            return new ConfigFileContent(configuration.Providers.Single(), JsonKeyLocations.Read(path, bytes));
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException)
        {
            throw new ConfigException(JsonError(path, ex));
        }
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
    private static string JsonError(string path, Exception ex)
    {
        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json)
            {
                return $"{path}:{json.LineNumber + 1}: {json.Message.Split(" LineNumber:")[0]}";
            }
        }

        return $"{path}: {ex.Message}";
    }
}
