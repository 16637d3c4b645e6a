namespace Nats.Edge.Tests.Infrastructure;

/// <summary>
/// A test that runs afl-fuzz: skipped, with the reason shown, when afl-fuzz is not installed and the
/// run is not on CI (.ci/run installs Debian's afl++; under CI a missing one fails the test).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FuzzerFactAttribute : FactAttribute
{
    public FuzzerFactAttribute()
    {
        if (!File.Exists("/usr/bin/afl-fuzz") && !ReferenceServer.IsCi)
        {
            Skip = "afl-fuzz is not installed (apt-get install afl++; .ci/run installs it)";
        }
    }
}
