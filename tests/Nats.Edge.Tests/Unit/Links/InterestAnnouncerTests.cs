using System.Net;
using System.Text;
using Nats.Edge.Server.Clients;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Server.Connections;
using Nats.Edge.Server.Leafnodes;
using Nats.Edge.Server.Links;
using Nats.Edge.Tests.Unit.Connections;

namespace Nats.Edge.Tests.Unit.Links;

/// <summary>The interest lines one announcer writes for leafnode links and routes alike, each in its dialect.</summary>
public sealed class InterestAnnouncerTests
{
    private readonly Connection _link;

    public InterestAnnouncerTests()
    {
        var context = new TestServerContext(new ServerOptions());
        var (serverEnd, _) = InMemoryDuplexStream.CreatePair();
        _link = new ClientConnection(context, new Transport(serverEnd, new IPEndPoint(IPAddress.Loopback, 1), context), 1, context.Accounts.Global);
    }

    [Fact]
    public void A_route_announces_a_plain_subject_on_its_first_interest_and_withdraws_it_with_its_last()
    {
        var announcer = new InterestAnnouncer(_link, "RS", "APP", static () => null);

        announcer.InterestChanged("orders", null, 0, 1);
        announcer.InterestChanged("orders", null, 1, 2);
        announcer.InterestChanged("orders", null, 2, 1);
        announcer.InterestChanged("orders", null, 1, 0);

        Assert.Equal("RS+ APP orders\r\nRS- APP orders\r\n", Written());
    }

    [Fact]
    public void A_queue_group_is_announced_again_with_each_new_member_count()
    {
        var announcer = new InterestAnnouncer(_link, "LS", null, static () => null);

        announcer.InterestChanged("orders", "workers", 0, 1);
        announcer.InterestChanged("orders", "workers", 1, 2);
        announcer.InterestChanged("orders", "workers", 2, 0);

        Assert.Equal("LS+ orders workers 1\r\nLS+ orders workers 2\r\nLS- orders workers\r\n", Written());
    }

    [Fact]
    public void Interest_wider_than_the_import_allow_list_is_narrowed_to_the_list_and_counted_per_pattern()
    {
        var rules = new LinkRules(null, [], ["sensors.>", "alerts.*"], [], systemAccount: false);
        var announcer = new InterestAnnouncer(_link, "LS", null, () => rules);

        announcer.InterestChanged(">", null, 0, 1);
        announcer.InterestChanged("sensors.>", null, 0, 1);
        announcer.InterestChanged(">", null, 1, 0);
        announcer.InterestChanged("sensors.>", null, 1, 0);

        Assert.Equal("LS+ sensors.>\r\nLS+ alerts.*\r\nLS- alerts.*\r\nLS- sensors.>\r\n", Written());
    }

    [Fact]
    public void Queue_interest_outside_the_import_rules_is_not_announced()
    {
        var rules = new LinkRules(null, [], ["sensors.>"], [], systemAccount: false);
        var announcer = new InterestAnnouncer(_link, "LS", null, () => rules);

        announcer.InterestChanged("orders", "workers", 0, 1);
        announcer.InterestChanged("sensors.t", "workers", 0, 1);

        Assert.Equal("LS+ sensors.t workers 1\r\n", Written());
    }

    private string Written()
    {
        List<ArraySegment<byte>> chunks = [];
        var text = new StringBuilder();
        while (_link.Outbound.TakeAll(ref chunks))
        {
            foreach (var chunk in chunks)
            {
                text.Append(Encoding.ASCII.GetString(chunk));
            }

            _link.Outbound.Release(chunks);
        }

        return text.ToString();
    }
}
