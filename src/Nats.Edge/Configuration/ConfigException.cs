namespace Nats.Edge.Configuration;

/// <summary>A config file the server will not start with; the message names the file and the key or line.</summary>
internal sealed class ConfigException(string message) : Exception(message);
