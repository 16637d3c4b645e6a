namespace Nats.Edge.Server.Configuration;

/// <summary>Options that cannot work together: an unknown account, an import nobody exported, a duplicate user.</summary>
public sealed class ServerOptionsException(string message) : Exception(message);
