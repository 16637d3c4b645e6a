using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Tests.Unit.Operating;

/// <summary>Durations in log lines read as Go prints them, because that is what nats-server prints.</summary>
public sealed class GoDurationTests
{
    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(5L, "500ns")]
    [InlineData(2_840L, "284µs")]
    [InlineData(15L * TimeSpan.TicksPerMicrosecond / 10, "1.5µs")]
    [InlineData(5_000_000L, "500ms")]
    [InlineData(TimeSpan.TicksPerSecond * 30, "30s")]
    [InlineData(TimeSpan.TicksPerSecond * 3 / 2, "1.5s")]
    [InlineData(TimeSpan.TicksPerMinute * 2, "2m0s")]
    [InlineData(TimeSpan.TicksPerSecond * 90, "1m30s")]
    [InlineData(TimeSpan.TicksPerHour + (TimeSpan.TicksPerMinute * 30), "1h30m0s")]
    [InlineData(-TimeSpan.TicksPerSecond, "-1s")]
    public void Format_matches_go_time_duration_string(long ticks, string expected) =>
        Assert.Equal(expected, GoDuration.Format(TimeSpan.FromTicks(ticks)));
}
