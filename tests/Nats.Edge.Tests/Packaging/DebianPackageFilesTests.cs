using System.Globalization;
using System.Text.RegularExpressions;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Packaging;

/// <summary>The config and systemd unit the .deb installs, checked against the server that reads them.</summary>
public sealed partial class DebianPackageFilesTests
{
    private static readonly string Config = RepositoryFiles.Path("packaging", "deb", "nats-edge.conf");
    private static readonly string Unit = RepositoryFiles.Path("packaging", "deb", "nats-edge.service");

    [Fact]
    public async Task Shipped_config_passes_the_config_test()
    {
        await using var edge = EdgeProcess.Start("-t", "-c", Config);

        Assert.Equal(0, await edge.WaitForExitAsync());
        Assert.Contains("is valid", edge.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unit_stop_timeout_outlasts_the_shipped_lame_duck_duration()
    {
        var lameDuck = TempConfigFolder.Load(Config).Options.LameDuckDuration;
        var stopTimeout = TimeSpan.FromSeconds(int.Parse(StopTimeout().Match(File.ReadAllText(Unit)).Groups[1].Value, CultureInfo.InvariantCulture));

        // systemd kills what is still running at the timeout: lame duck mode must end, and the
        // connections close, well before.
        Assert.True(stopTimeout >= lameDuck + TimeSpan.FromSeconds(10), $"TimeoutStopSec {stopTimeout} vs lame_duck_duration {lameDuck}");
    }

    [GeneratedRegex(@"^TimeoutStopSec=(\d+)s$", RegexOptions.Multiline)]
    private static partial Regex StopTimeout();
}
