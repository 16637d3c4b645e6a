using Nats.Edge.Configuration;

namespace Nats.Edge.Tests.Host;

public sealed class ConfigValueTests
{
    [Theory]
    [InlineData("1048576", 1048576)]
    [InlineData("1MB", 1048576)]
    [InlineData("1mb", 1048576)]
    [InlineData("1M", 1000000)]
    [InlineData("64KB", 65536)]
    [InlineData("64k", 64000)]
    [InlineData("2GiB", 2147483648)]
    [InlineData("1Ki", 1024)]
    [InlineData(" 8 MB ", 8388608)]
    public void Sizes_follow_nats_server_suffixes(string text, long expected)
    {
        Assert.True(ConfigValue.TryParseSize(text, out var size));
        Assert.Equal(expected, size);
    }

    [Theory]
    [InlineData("")]
    [InlineData("MB")]
    [InlineData("1XB")]
    [InlineData("1MBB")]
    [InlineData("99999999999EB")]
    public void Sizes_that_are_not_sizes_are_refused(string text) =>
        Assert.False(ConfigValue.TryParseSize(text, out _));

    [Theory]
    [InlineData("2m", 120_000)]
    [InlineData("500ms", 500)]
    [InlineData("10s", 10_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("2", 2_000)]
    public void Durations_are_go_strings_or_seconds(string text, double milliseconds)
    {
        Assert.True(ConfigValue.TryParseDuration(text, out var duration));
        Assert.Equal(milliseconds, duration.TotalMilliseconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("5 parsecs")]
    [InlineData("m")]
    public void Durations_that_are_not_durations_are_refused(string text) =>
        Assert.False(ConfigValue.TryParseDuration(text, out _));
}
