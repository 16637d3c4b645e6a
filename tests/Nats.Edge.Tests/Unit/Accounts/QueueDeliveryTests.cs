using System.Buffers;
using Nats.Edge.Server.Accounts;
using Nats.Edge.Server.Connections;
using Nats.Edge.Server.Protocol;
using Nats.Edge.Server.Subjects;

namespace Nats.Edge.Tests.Unit.Accounts;

/// <summary>Which member of a queue group gets a message: this server, then this cluster, then the nearest other cluster.</summary>
public sealed class QueueDeliveryTests
{
    [Fact]
    public void A_group_served_only_in_other_clusters_goes_to_the_nearest_one_every_time()
    {
        var far = new GatewayMember(TimeSpan.FromMilliseconds(40));
        var near = new GatewayMember(TimeSpan.FromMilliseconds(3));
        var index = Group(far, near);

        Deliver(index, 100);

        Assert.Equal((0, 100), (far.Messages, near.Messages));
    }

    [Fact]
    public void A_member_in_this_cluster_is_preferred_to_any_other_cluster()
    {
        var near = new GatewayMember(TimeSpan.FromMilliseconds(1));
        var route = new GatewayMember(TimeSpan.FromMilliseconds(50), gateway: false);
        var index = Group(near, route);

        Deliver(index, 100);

        Assert.Equal((0, 100), (near.Messages, route.Messages));
    }

    private static SubjectIndex Group(params GatewayMember[] members)
    {
        var index = new SubjectIndex();
        foreach (var member in members)
        {
            index.Insert(new Subscription(member, "jobs"u8.ToArray(), "workers"u8.ToArray(), []));
        }

        return index;
    }

    private static void Deliver(SubjectIndex index, int count)
    {
        var batch = new DeliveryBatch(null!);
        for (var i = 0; i < count; i++)
        {
            var message = new InboundMessage("jobs"u8, default, "1"u8, -1, new ReadOnlySequence<byte>("x"u8.ToArray()));
            MessageDelivery.Deliver(index.Match("jobs"u8), message, publisher: null, batch);
        }
    }

    // A member behind a gateway (or, with gateway false, a route) that counts what it is given.
    private sealed class GatewayMember(TimeSpan rtt, bool gateway = true) : ISubscriber, IRemoteLink
    {
        public int Messages { get; private set; }

        public bool IsClosing => false;

        public bool IsGateway => gateway;

        public TimeSpan Rtt => rtt;

        public bool DeliverMessage(Subscription subscription, in InboundMessage message, DeliveryBatch batch)
        {
            batch.AddRemote(this, subscription.Queue);
            return true;
        }

        public void RemoveSubscription(Subscription subscription)
        {
        }

        public void WriteMessage(in InboundMessage message, ReadOnlySpan<byte[]> queues, DeliveryBatch batch) => Messages++;
    }
}
