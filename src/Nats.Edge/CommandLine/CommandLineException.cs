namespace Nats.Edge.CommandLine;

/// <summary>A flag the host does not know or a value it cannot use; the message names the flag.</summary>
internal sealed class CommandLineException(string message) : Exception(message);
