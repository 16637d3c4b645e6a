namespace Nats.Edge.Tests.Infrastructure;

/// <summary>
/// A test that compares nats-edge with nats-server side by side, so it needs both: skipped, with the
/// reason shown, when nats-server is not installed and the run is not on CI.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReferenceFactAttribute : FactAttribute
{
    public ReferenceFactAttribute()
    {
        if (ReferenceServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
