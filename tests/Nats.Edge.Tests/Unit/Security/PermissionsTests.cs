using System.Text;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Server.Security;
using static Nats.Edge.Tests.Unit.Subjects.TestSubscriptions;

namespace Nats.Edge.Tests.Unit.Security;

/// <summary>A user's compiled publish and subscribe lists, decided the way nats-server decides them.</summary>
public class PermissionsTests
{
    [Fact]
    public void No_publish_lists_allow_every_publish()
    {
        var permissions = new Permissions(new PermissionOptions());

        Assert.True(MayPublish(permissions, "anything.at.all"));
        Assert.False(permissions.LimitsPublish);
    }

    [Fact]
    public void Publish_allow_list_admits_covered_subjects()
    {
        var permissions = Publish(allow: ["sensors.>"]);

        Assert.True(MayPublish(permissions, "sensors.kitchen.temp"));
    }

    [Fact]
    public void Publish_allow_list_refuses_other_subjects()
    {
        var permissions = Publish(allow: ["sensors.>"]);

        Assert.False(MayPublish(permissions, "actuators.valve"));
    }

    [Fact]
    public void Publish_deny_list_alone_refuses_covered_subjects_and_admits_the_rest()
    {
        var permissions = Publish(deny: ["admin.>"]);

        Assert.False(MayPublish(permissions, "admin.reboot"));
        Assert.True(MayPublish(permissions, "sensors.temp"));
        Assert.True(permissions.LimitsPublish);
    }

    [Fact]
    public void Publish_deny_overrides_allow()
    {
        var permissions = Publish(allow: ["sensors.>"], deny: ["sensors.secret"]);

        Assert.False(MayPublish(permissions, "sensors.secret"));
        Assert.True(MayPublish(permissions, "sensors.public"));
    }

    [Fact]
    public void Empty_publish_allow_list_refuses_every_publish()
    {
        var permissions = Publish(allow: []);

        Assert.False(MayPublish(permissions, "foo"));
        Assert.True(permissions.LimitsPublish);
    }

    [Fact]
    public void Allow_responses_without_a_publish_list_refuses_every_publish()
    {
        var permissions = new Permissions(new PermissionOptions { Responses = new ResponsePermissionOptions() });

        Assert.False(MayPublish(permissions, "foo"));
        Assert.True(permissions.LimitsPublish);
        Assert.NotNull(permissions.Responses);
    }

    [Fact]
    public void Allow_responses_with_a_publish_list_keeps_that_list()
    {
        var permissions = new Permissions(new PermissionOptions
        {
            Publish = new SubjectPermissionOptions { Allow = ["status.>"] },
            Responses = new ResponsePermissionOptions(),
        });

        Assert.True(MayPublish(permissions, "status.up"));
        Assert.False(MayPublish(permissions, "foo"));
    }

    [Fact]
    public void Allow_responses_with_only_a_publish_deny_list_refuses_every_publish()
    {
        var permissions = new Permissions(new PermissionOptions
        {
            Publish = new SubjectPermissionOptions { Deny = ["admin.>"] },
            Responses = new ResponsePermissionOptions(),
        });

        Assert.False(MayPublish(permissions, "foo"));
    }

    [Fact]
    public void No_subscribe_lists_allow_every_subscription()
    {
        var permissions = new Permissions(new PermissionOptions());

        Assert.True(MaySubscribe(permissions, "anything.>"));
        Assert.True(MaySubscribe(permissions, "anything", "workers"));
    }

    [Fact]
    public void Subscribe_allow_list_refuses_subjects_it_does_not_cover()
    {
        var permissions = Subscribe(allow: ["foo.*"]);

        Assert.True(MaySubscribe(permissions, "foo.bar"));
        Assert.False(MaySubscribe(permissions, "bar.foo"));
    }

    [Fact]
    public void Subscribe_allow_wildcard_admits_the_same_wildcard_subscription()
    {
        var permissions = Subscribe(allow: ["foo.*"]);

        Assert.True(MaySubscribe(permissions, "foo.*"));
    }

    [Fact]
    public void Subscribe_allow_literal_refuses_a_wider_wildcard_subscription()
    {
        var permissions = Subscribe(allow: ["foo.bar"]);

        Assert.False(MaySubscribe(permissions, "foo.*"));
    }

    [Fact]
    public void Allow_list_without_a_queue_admits_any_queue()
    {
        var permissions = Subscribe(allow: ["foo"]);

        Assert.True(MaySubscribe(permissions, "foo"));
        Assert.True(MaySubscribe(permissions, "foo", "v1"));
        Assert.True(MaySubscribe(permissions, "foo", "v2"));
    }

    [Fact]
    public void Allow_list_with_queue_entry_admits_only_that_queue()
    {
        var permissions = Subscribe(allow: ["foo v1"]);

        Assert.True(MaySubscribe(permissions, "foo", "v1"));
        Assert.False(MaySubscribe(permissions, "foo", "v2"));
    }

    [Fact]
    public void Allow_list_with_only_a_queue_entry_refuses_a_plain_subscription()
    {
        var permissions = Subscribe(allow: ["foo v1"]);

        Assert.False(MaySubscribe(permissions, "foo"));
    }

    [Fact]
    public void Allow_list_with_plain_and_queue_entries_admits_plain_and_only_that_queue()
    {
        var permissions = Subscribe(allow: ["foo", "foo v1"]);

        Assert.True(MaySubscribe(permissions, "foo"));
        Assert.True(MaySubscribe(permissions, "foo", "v1"));
        Assert.False(MaySubscribe(permissions, "foo", "v2"));
    }

    [Fact]
    public void Allow_queue_entry_with_a_wildcard_queue_admits_queues_it_covers()
    {
        var permissions = Subscribe(allow: ["foo v1.*"]);

        Assert.True(MaySubscribe(permissions, "foo", "v1.blue"));
        Assert.False(MaySubscribe(permissions, "foo", "v2.blue"));
    }

    [Fact]
    public void Deny_queue_entry_blocks_only_that_queue()
    {
        var permissions = Subscribe(deny: ["foo v1"]);

        Assert.False(MaySubscribe(permissions, "foo", "v1"));
        Assert.True(MaySubscribe(permissions, "foo", "v2"));
        Assert.True(MaySubscribe(permissions, "foo"));
    }

    [Fact]
    public void Deny_entry_without_a_queue_blocks_plain_and_queue_subscriptions()
    {
        var permissions = Subscribe(deny: ["foo"]);

        Assert.False(MaySubscribe(permissions, "foo"));
        Assert.False(MaySubscribe(permissions, "foo", "v1"));
    }

    [Fact]
    public void Subscribe_deny_overrides_allow()
    {
        var permissions = Subscribe(allow: ["foo.>"], deny: ["foo.secret"]);

        Assert.False(MaySubscribe(permissions, "foo.secret"));
        Assert.True(MaySubscribe(permissions, "foo.public"));
    }

    [Fact]
    public void Subscribe_deny_does_not_stop_a_wider_wildcard_subscription()
    {
        var permissions = Subscribe(deny: ["foo.bar"]);

        Assert.True(MaySubscribe(permissions, "foo.*"));
    }

    [Fact]
    public void Wildcard_subscription_does_not_receive_a_denied_subject()
    {
        var permissions = Subscribe(deny: ["foo.bar"]);

        Assert.False(MayReceive(permissions, "foo.*", "foo.bar"));
    }

    [Fact]
    public void Wildcard_subscription_receives_subjects_not_denied()
    {
        var permissions = Subscribe(deny: ["foo.bar"]);

        Assert.True(MayReceive(permissions, "foo.*", "foo.baz"));
        Assert.True(permissions.LimitsDelivery);
    }

    [Fact]
    public void Literal_subscription_is_never_filtered_on_delivery()
    {
        var permissions = Subscribe(deny: ["foo.bar"]);

        Assert.True(MayReceive(permissions, "foo.bar", "foo.bar"));
    }

    [Fact]
    public void Without_a_subscribe_deny_list_deliveries_are_not_limited()
    {
        var permissions = Subscribe(allow: ["foo.*"]);

        Assert.False(permissions.LimitsDelivery);
        Assert.True(MayReceive(permissions, "foo.*", "foo.bar"));
    }

    [Fact]
    public void Deny_queue_entries_alone_settle_a_queue_subscription_as_nats_server_does()
    {
        var permissions = Subscribe(deny: ["foo", "foo v1"]);

        Assert.True(MaySubscribe(permissions, "foo", "v2"));
        Assert.False(MaySubscribe(permissions, "foo", "v1"));
        Assert.False(MaySubscribe(permissions, "foo"));
    }

    private static Permissions Publish(IReadOnlyList<string>? allow = null, IReadOnlyList<string>? deny = null) =>
        new(new PermissionOptions { Publish = new SubjectPermissionOptions { Allow = allow, Deny = deny } });

    private static Permissions Subscribe(IReadOnlyList<string>? allow = null, IReadOnlyList<string>? deny = null) =>
        new(new PermissionOptions { Subscribe = new SubjectPermissionOptions { Allow = allow, Deny = deny } });

    private static bool MayPublish(Permissions permissions, string subject) =>
        permissions.MayPublish(Encoding.UTF8.GetBytes(subject));

    private static bool MaySubscribe(Permissions permissions, string subject, string queue = "") =>
        permissions.MaySubscribe(Encoding.UTF8.GetBytes(subject), Encoding.UTF8.GetBytes(queue));

    private static bool MayReceive(Permissions permissions, string subscribed, string subject) =>
        permissions.MayReceive(Plain(subscribed, "1"), Encoding.UTF8.GetBytes(subject));
}
