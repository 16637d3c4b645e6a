using Nats.Edge.Server.Leafnodes;

namespace Nats.Edge.Tests.Unit.Leafnodes;

/// <summary>How long a board waits before dialling its hub again: gentler than nats-server's one second.</summary>
public class ReconnectBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 16)]
    [InlineData(6, 30)]
    [InlineData(1000, 30)]
    public void Failed_dials_double_the_wait_up_to_thirty_times_the_reconnect_delay(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), LeafSolicitor.ReconnectBackoff(Base).Delay(failures, draw: 1));

    [Fact]
    public void Jitter_spreads_each_wait_between_half_and_all_of_it()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), LeafSolicitor.ReconnectBackoff(Base).Delay(3, draw: 0));
        Assert.Equal(TimeSpan.FromSeconds(3), LeafSolicitor.ReconnectBackoff(Base).Delay(3, draw: 0.5));
    }
}
