namespace Nats.Edge.Configuration;

/// <summary>A config file the server will not start with; the message names the file and the key or line.</summary>
/// <param name="message">What is wrong, and where.</param>
/// <param name="unknownKey">
/// The key (<c>a:b</c>) when the error is only that no option has that name: the loader may then drop
/// the key where it came from the environment instead of refusing to start.
/// </param>
internal sealed class ConfigException(string message, string? unknownKey = null) : Exception(message)
{
    public string? UnknownKey { get; } = unknownKey;
}
