namespace Nats.Edge.Tests.Packaging;

/// <summary>
/// A test of a published native binary (<c>linux-x64</c>, or <c>linux-arm64</c> under qemu): skipped,
/// with the reason shown, when the binary or what runs it is missing and the run is not on CI.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PublishedFactAttribute : FactAttribute
{
    public PublishedFactAttribute(string rid)
    {
        var binary = rid == PublishedBinary.Arm64.Rid ? PublishedBinary.Arm64 : PublishedBinary.X64;
        if (binary.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
