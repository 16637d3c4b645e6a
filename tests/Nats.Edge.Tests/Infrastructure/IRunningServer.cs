namespace Nats.Edge.Tests.Infrastructure;

/// <summary>A started server, whichever kind; disposing it stops it.</summary>
public interface IRunningServer : IAsyncDisposable
{
    /// <summary>Which implementation this is.</summary>
    ServerTarget Target { get; }

    /// <summary>The client port on 127.0.0.1.</summary>
    int Port { get; }

    /// <summary><c>nats://127.0.0.1:port</c>, for NATS.Net.</summary>
    string Url => $"nats://127.0.0.1:{Port}";

    /// <summary>The monitoring HTTP port on 127.0.0.1; 0 without monitoring.</summary>
    int MonitorPort { get; }

    /// <summary>What the server logged so far, when it keeps its log (nats-server always does).</summary>
    string Log { get; }
}
