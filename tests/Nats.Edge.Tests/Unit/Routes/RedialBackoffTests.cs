using Nats.Edge.Server.Routes;

namespace Nats.Edge.Tests.Unit.Routes;

/// <summary>How long a route waits before dialling its peer again: nats-server's second and a little, sooner at first for a configured one.</summary>
public class RedialBackoffTests
{
    [Theory]
    [InlineData(0, 0, 1000)]
    [InlineData(5, 0, 1000)]
    [InlineData(5, 1, 1100)]
    public void A_route_redials_after_a_second_and_up_to_a_tenth_more_however_often_it_failed(int failures, double draw, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), RouteSolicitor.RedialBackoff.Delay(failures, draw));

    [Theory]
    [InlineData(1, 0, 125)]
    [InlineData(2, 0, 250)]
    [InlineData(3, 0, 500)]
    [InlineData(4, 0, 1000)]
    [InlineData(50, 1, 1100)]
    public void A_configured_route_redials_sooner_then_every_second(int failures, double draw, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), RouteSolicitor.ConfiguredRedialBackoff.Delay(failures, draw));
}
