namespace Nats.Edge.Tests.Infrastructure;

/// <summary>Which server a test talks to; every expectation must hold for both.</summary>
public enum ServerTarget
{
    /// <summary>Our server, started in-process.</summary>
    Edge,

    /// <summary>Debian's nats-server 2.9.10, started as a child process: its bytes are the truth.</summary>
    Reference,
}
