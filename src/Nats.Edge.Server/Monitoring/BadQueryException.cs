namespace Nats.Edge.Server.Monitoring;

/// <summary>A query parameter the endpoint cannot use: answered with 400 and this message, as nats-server does.</summary>
internal sealed class BadQueryException(string message) : Exception(message);
