using System.Diagnostics;
using Nats.Edge.Server.Connections;

namespace Nats.Edge.Tests.Unit.Connections;

public sealed class PingScheduleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(2);

    [Fact]
    public void A_ping_is_due_after_the_delay_and_then_only_an_interval_later()
    {
        var pings = new PingSchedule();
        pings.StartAfter(TimeSpan.Zero);
        var now = Stopwatch.GetTimestamp() + 1;

        Assert.True(pings.IsDue(now, Interval));
        Assert.False(pings.IsDue(now + Ticks(TimeSpan.FromMinutes(1)), Interval));
        Assert.True(pings.IsDue(now + Ticks(Interval), Interval));
    }

    [Fact]
    public void Nothing_is_due_before_the_delay_or_without_an_interval()
    {
        var pings = new PingSchedule();
        pings.StartAfter(TimeSpan.FromMinutes(1));

        Assert.False(pings.IsDue(Stopwatch.GetTimestamp(), Interval));
        Assert.False(pings.IsDue(Stopwatch.GetTimestamp() + Ticks(TimeSpan.FromMinutes(5)), TimeSpan.Zero));
    }

    [Fact]
    public void A_peer_heard_from_within_the_interval_is_spared_unless_the_ping_measures_the_round_trip()
    {
        var measuring = new PingSchedule();
        var plain = new PingSchedule();
        measuring.StartAfter(TimeSpan.Zero);
        plain.StartAfter(TimeSpan.Zero, measure: false);
        var now = Stopwatch.GetTimestamp() + 1;
        var heardFrom = now - Ticks(TimeSpan.FromSeconds(1));

        Assert.True(measuring.IsDue(now, Interval, heardFrom));
        Assert.False(plain.IsDue(now, Interval, heardFrom));
        Assert.False(measuring.IsDue(now + Ticks(Interval), Interval, now + Ticks(Interval) - 1));
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
