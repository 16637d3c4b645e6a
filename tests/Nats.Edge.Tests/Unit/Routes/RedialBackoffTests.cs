using Nats.Edge.Server.Routes;

namespace Nats.Edge.Tests.Unit.Routes;

/// <summary>How long a route waits before dialling its peer again: nats-server's second and a little.</summary>
public class RedialBackoffTests
{
    [Theory]
    [InlineData(0, 0, 1000)]
    [InlineData(5, 0, 1000)]
    [InlineData(5, 1, 1100)]
    public void A_route_redials_after_a_second_and_up_to_a_tenth_more_however_often_it_failed(int failures, double draw, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), RouteSolicitor.RedialBackoff.Delay(failures, draw));
}
