using Nats.Edge.Server.Links;

namespace Nats.Edge.Tests.Unit.Links;

/// <summary>Which URL a dialler tries next: each in turn, those a peer's cluster told of after the configured ones.</summary>
public class DialUrlsTests
{
    private static readonly Uri A = new("nats-leaf://hub-a:7422");
    private static readonly Uri B = new("nats-leaf://hub-b:7000");
    private static readonly Uri C = new("nats-leaf://hub-c:7422");

    [Fact]
    public void Every_url_is_dialled_once_before_any_is_dialled_again()
    {
        var urls = new DialUrls([A, B], defaultPort: 7422);
        urls.Learn([C]);

        Uri[] turn = [urls.Next(), urls.Next(), urls.Next()];

        Assert.Equal([A, B, C], turn.OrderBy(url => url.Host));
        Assert.Equal(turn[0], urls.Next());
    }

    [Fact]
    public void A_learned_url_that_is_configured_already_is_not_dialled_twice()
    {
        var urls = new DialUrls([new Uri("nats-leaf://hub-a")], defaultPort: 7422);
        urls.Learn([A]);

        Assert.Equal("hub-a", urls.Next().Host);
        Assert.Equal("hub-a", urls.Next().Host);
        Assert.Equal(7422, urls.PortOf(urls.Next()));
    }

    [Fact]
    public void Learning_again_replaces_what_was_learned()
    {
        var urls = new DialUrls([A], defaultPort: 7422);
        urls.Learn([B]);
        urls.Learn([C]);

        Assert.DoesNotContain(B, new[] { urls.Next(), urls.Next(), urls.Next(), urls.Next() });
    }
}
