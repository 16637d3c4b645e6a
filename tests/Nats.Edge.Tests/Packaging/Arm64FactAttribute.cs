namespace Nats.Edge.Tests.Packaging;

/// <summary>
/// A test of the published linux-arm64 binary under qemu: skipped, with the reason shown, when the
/// binary, qemu-aarch64 or the arm64 C library is missing and the run is not on CI.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class Arm64FactAttribute : FactAttribute
{
    public Arm64FactAttribute()
    {
        if (Arm64Binary.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
