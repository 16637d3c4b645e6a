namespace Nats.Edge.Tests.Infrastructure;

/// <summary>
/// A theory whose cases pit nats-edge against nats-server, so it needs both: skipped, with the reason
/// shown, when nats-server is not installed and the run is not on CI.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReferenceTheoryAttribute : TheoryAttribute
{
    public ReferenceTheoryAttribute()
    {
        if (ReferenceServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
