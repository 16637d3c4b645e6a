namespace Nats.Edge.Tests.Infrastructure;

/// <summary>
/// Every wait in the suite is bounded by one of these, so a missing reply fails a test in seconds
/// instead of hanging the run.
/// </summary>
public static class TestTimeouts
{
    /// <summary>Starting either server; nats-server is ready in tens of milliseconds on an idle box.</summary>
    public static TimeSpan Startup { get; } = TimeSpan.FromSeconds(10);

    /// <summary>Waiting for one expected reply; generous because the build machine is shared.</summary>
    public static TimeSpan Reply { get; } = TimeSpan.FromSeconds(3);

    /// <summary>Waiting for a connection to be closed by the server.</summary>
    public static TimeSpan Close { get; } = TimeSpan.FromSeconds(3);
}
