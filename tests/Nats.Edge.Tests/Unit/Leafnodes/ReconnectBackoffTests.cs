using Nats.Edge.Server.Leafnodes;

namespace Nats.Edge.Tests.Unit.Leafnodes;

/// <summary>
/// How long a board waits before dialling its hub again: quick at first, for a hub that restarts at
/// once, then about nats-server's one second, then gentler for an outage that lasts.
/// </summary>
public class ReconnectBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData(0, 125)]
    [InlineData(1, 125)]
    [InlineData(2, 250)]
    [InlineData(3, 500)]
    [InlineData(4, 1000)]
    [InlineData(33, 1000)]
    [InlineData(34, 2000)]
    [InlineData(35, 4000)]
    [InlineData(37, 16000)]
    [InlineData(38, 30000)]
    [InlineData(1000, 30000)]
    public void Failed_dials_double_the_wait_hold_it_at_the_reconnect_delay_then_double_to_thirty_times_it(int failures, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), LeafSolicitor.ReconnectBackoff(Base).Delay(failures, draw: 1));

    [Fact]
    public void Jitter_spreads_each_wait_between_half_and_all_of_it()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(250), LeafSolicitor.ReconnectBackoff(Base).Delay(3, draw: 0));
        Assert.Equal(TimeSpan.FromMilliseconds(375), LeafSolicitor.ReconnectBackoff(Base).Delay(3, draw: 0.5));
        Assert.Equal(TimeSpan.FromSeconds(3), LeafSolicitor.ReconnectBackoff(Base).Delay(35, draw: 0.5));
    }

    [Fact]
    public void Without_a_hold_the_wait_doubles_straight_to_the_longest()
    {
        var plain = new Nats.Edge.Server.Links.Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), JitterLow: 1, JitterHigh: 1);

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], new[] { 1, 2, 3, 4, 5, 6, 100 }.Select(failures => plain.Delay(failures, draw: 0).TotalSeconds));
    }
}
