using System.Diagnostics;
using System.Text;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Server.Security;

namespace Nats.Edge.Tests.Unit.Security;

/// <summary>One connection's publish check: memoised list verdicts plus the replies a service user may send.</summary>
public class PublishGateTests
{
    [Fact]
    public void Allowed_subject_is_allowed_again_from_the_memo()
    {
        var gate = new PublishGate(PublishAllow("sensors.>"));

        Assert.True(gate.MayPublish("sensors.temp"u8));
        Assert.True(gate.MayPublish("sensors.temp"u8));
    }

    [Fact]
    public void Refused_subject_is_refused_again_from_the_memo()
    {
        var gate = new PublishGate(PublishAllow("sensors.>"));

        Assert.False(gate.MayPublish("admin.reboot"u8));
        Assert.False(gate.MayPublish("admin.reboot"u8));
    }

    [Fact]
    public void Verdicts_stay_right_past_the_memo_capacity()
    {
        var gate = new PublishGate(PublishAllow("allowed.>"));

        // Three rounds over 300 distinct subjects: the 128-entry memo fills and is dropped many times.
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 300; i++)
            {
                Assert.True(gate.MayPublish(Encoding.UTF8.GetBytes($"allowed.{i}")));
                Assert.False(gate.MayPublish(Encoding.UTF8.GetBytes($"refused.{i}")));
            }
        }
    }

    [Fact]
    public void Reply_to_a_noted_request_is_allowed_once_by_default()
    {
        var gate = new PublishGate(Responder(new ResponsePermissionOptions()));
        gate.NoteRequest("_INBOX.abc"u8);

        Assert.True(gate.MayPublish("_INBOX.abc"u8));
        Assert.False(gate.MayPublish("_INBOX.abc"u8));
    }

    [Fact]
    public void Reply_without_a_noted_request_is_refused()
    {
        var gate = new PublishGate(Responder(new ResponsePermissionOptions()));
        gate.NoteRequest("_INBOX.abc"u8);

        Assert.False(gate.MayPublish("_INBOX.other"u8));
    }

    [Fact]
    public void Reply_is_allowed_as_many_times_as_max_messages()
    {
        var gate = new PublishGate(Responder(new ResponsePermissionOptions { MaxMessages = 3 }));
        gate.NoteRequest("_INBOX.abc"u8);

        Assert.True(gate.MayPublish("_INBOX.abc"u8));
        Assert.True(gate.MayPublish("_INBOX.abc"u8));
        Assert.True(gate.MayPublish("_INBOX.abc"u8));
        Assert.False(gate.MayPublish("_INBOX.abc"u8));
    }

    [Fact]
    public void Each_noted_request_gets_its_own_reply_allowance()
    {
        var gate = new PublishGate(Responder(new ResponsePermissionOptions()));
        gate.NoteRequest("_INBOX.one"u8);
        gate.NoteRequest("_INBOX.two"u8);

        Assert.True(gate.MayPublish("_INBOX.one"u8));
        Assert.True(gate.MayPublish("_INBOX.two"u8));
    }

    [Fact]
    public void Reply_after_the_permit_expired_is_refused()
    {
        var gate = new PublishGate(Responder(new ResponsePermissionOptions { Expires = TimeSpan.FromMilliseconds(1) }));
        gate.NoteRequest("_INBOX.abc"u8);
        WaitAtLeast(TimeSpan.FromMilliseconds(5));

        Assert.False(gate.MayPublish("_INBOX.abc"u8));
    }

    [Fact]
    public void Noting_a_request_without_allow_responses_grants_nothing()
    {
        var gate = new PublishGate(PublishAllow("sensors.>"));
        gate.NoteRequest("_INBOX.abc"u8);

        Assert.False(gate.MayPublish("_INBOX.abc"u8));
    }

    [Fact]
    public void Publishing_an_allowed_subject_does_not_use_up_a_reply_permit()
    {
        var permissions = new Permissions(new PermissionOptions
        {
            Publish = new SubjectPermissionOptions { Allow = ["_INBOX.>"] },
            Responses = new ResponsePermissionOptions(),
        });
        var gate = new PublishGate(permissions);
        gate.NoteRequest("_INBOX.abc"u8);

        Assert.True(gate.MayPublish("_INBOX.abc"u8));
        Assert.True(gate.MayPublish("_INBOX.abc"u8));
    }

    private static Permissions PublishAllow(string subject) =>
        new(new PermissionOptions { Publish = new SubjectPermissionOptions { Allow = [subject] } });

    private static Permissions Responder(ResponsePermissionOptions responses) =>
        new(new PermissionOptions { Responses = responses });

    // The permit's clock is Stopwatch; waiting on the same clock keeps the test exact without a long sleep.
    private static void WaitAtLeast(TimeSpan duration)
    {
        var start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(start) <= duration)
        {
            Thread.Sleep(1);
        }
    }
}
