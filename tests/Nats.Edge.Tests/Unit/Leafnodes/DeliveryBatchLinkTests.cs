using System.Buffers;
using System.Text;
using Nats.Edge.Server.Connections;
using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Tests.Unit.Leafnodes;

/// <summary>
/// How one message's deliveries to a leafnode link become one LMSG: every AddRemote between
/// BeginMessage and EndMessage for the same link merges into one
/// <see cref="IRemoteLink.WriteMessage"/> call carrying the queue names; a
/// message delivered through an import nests its own Begin/End inside the outer one.
/// The batch's source connection is not used on this path, and a Connection needs a server and a
/// socket, so the batch is made without one.
/// </summary>
public class DeliveryBatchLinkTests
{
    private static readonly byte[] Q1 = Encoding.ASCII.GetBytes("q1");
    private static readonly byte[] Q2 = Encoding.ASCII.GetBytes("q2");
    private static readonly byte[] Q3 = Encoding.ASCII.GetBytes("q3");

    private readonly DeliveryBatch _batch = new(null!);
    private readonly RecordingLink _a = new("A");
    private readonly RecordingLink _b = new("B");
    private readonly List<string> _writes = [];

    public DeliveryBatchLinkTests()
    {
        _a.Writes = _writes;
        _b.Writes = _writes;
    }

    [Fact]
    public void Plain_delivery_to_a_link_is_one_write_without_queues()
    {
        var mark = _batch.BeginMessage();
        _batch.AddRemote(_a, null);
        End(mark, "orders.new");

        Assert.Equal(["A orders.new []"], _writes);
    }

    [Fact]
    public void Queue_delivery_to_a_link_is_one_write_naming_the_queue()
    {
        var mark = _batch.BeginMessage();
        _batch.AddRemote(_a, Q1);
        End(mark, "orders.new");

        Assert.Equal(["A orders.new [q1]"], _writes);
    }

    [Fact]
    public void Plain_and_queue_deliveries_to_one_link_merge_into_one_write()
    {
        var mark = _batch.BeginMessage();
        _batch.AddRemote(_a, Q1);
        _batch.AddRemote(_a, null);
        _batch.AddRemote(_a, Q2);
        End(mark, "orders.new");

        Assert.Equal(["A orders.new [q1 q2]"], _writes);
    }

    [Fact]
    public void Two_plain_deliveries_to_one_link_are_one_write()
    {
        var mark = _batch.BeginMessage();
        _batch.AddRemote(_a, null);
        _batch.AddRemote(_a, null);
        End(mark, "orders.new");

        Assert.Equal(["A orders.new []"], _writes);
    }

    [Fact]
    public void Each_link_gets_one_write_with_its_own_queues()
    {
        var mark = _batch.BeginMessage();
        _batch.AddRemote(_a, Q1);
        _batch.AddRemote(_b, null);
        _batch.AddRemote(_b, Q2);
        End(mark, "orders.new");

        Assert.Equal(["A orders.new [q1]", "B orders.new [q2]"], _writes);
    }

    [Fact]
    public void Queues_of_one_link_stay_together_when_another_link_took_a_queue_between_them()
    {
        var mark = _batch.BeginMessage();
        _batch.AddRemote(_a, Q1);
        _batch.AddRemote(_b, Q2);
        _batch.AddRemote(_a, Q3);
        End(mark, "orders.new");

        Assert.Equal(["A orders.new [q1 q3]", "B orders.new [q2]"], _writes);
    }

    [Fact]
    public void Message_without_link_deliveries_writes_nothing_and_returns_false()
    {
        var mark = _batch.BeginMessage();

        Assert.False(End(mark, "orders.new"));
        Assert.Empty(_writes);
    }

    [Fact]
    public void End_returns_true_when_a_link_wrote_the_message()
    {
        var mark = _batch.BeginMessage();
        _batch.AddRemote(_a, null);

        Assert.True(End(mark, "orders.new"));
    }

    [Fact]
    public void Link_is_handed_the_batch_it_was_gathered_in()
    {
        var mark = _batch.BeginMessage();
        _batch.AddRemote(_a, null);
        End(mark, "orders.new");

        Assert.Same(_batch, _a.LastBatch);
    }

    [Fact]
    public void Next_message_starts_with_no_deliveries_left_from_the_last()
    {
        var first = _batch.BeginMessage();
        _batch.AddRemote(_a, Q1);
        _batch.AddRemote(_b, null);
        End(first, "one");
        _writes.Clear();

        var second = _batch.BeginMessage();
        _batch.AddRemote(_a, Q2);
        End(second, "two");

        Assert.Equal(["A two [q2]"], _writes);
    }

    [Fact]
    public void Imported_message_nested_inside_is_written_on_its_own_before_the_outer_one()
    {
        var outer = _batch.BeginMessage();
        _batch.AddRemote(_a, Q1);
        var inner = _batch.BeginMessage();
        _batch.AddRemote(_a, Q2);
        End(inner, "imported");
        _batch.AddRemote(_a, Q3);
        End(outer, "original");

        Assert.Equal(["A imported [q2]", "A original [q1 q3]"], _writes);
    }

    [Fact]
    public void Nested_message_does_not_write_the_outer_links()
    {
        var outer = _batch.BeginMessage();
        _batch.AddRemote(_a, null);
        var inner = _batch.BeginMessage();
        _batch.AddRemote(_b, Q1);
        End(inner, "imported");

        Assert.Equal(["B imported [q1]"], _writes);
        End(outer, "original");
        Assert.Equal(["B imported [q1]", "A original []"], _writes);
    }

    [Fact]
    public void Nested_message_with_no_link_deliveries_leaves_the_outer_ones_intact()
    {
        var outer = _batch.BeginMessage();
        _batch.AddRemote(_a, Q1);
        var inner = _batch.BeginMessage();
        Assert.False(End(inner, "imported"));
        _batch.AddRemote(_b, null);
        End(outer, "original");

        Assert.Equal(["A original [q1]", "B original []"], _writes);
    }

    [Fact]
    public void Two_levels_of_nesting_unwind_in_order()
    {
        var outer = _batch.BeginMessage();
        _batch.AddRemote(_a, Q1);
        var middle = _batch.BeginMessage();
        _batch.AddRemote(_a, Q2);
        var inner = _batch.BeginMessage();
        _batch.AddRemote(_a, Q3);
        End(inner, "third");
        End(middle, "second");
        End(outer, "first");

        Assert.Equal(["A third [q3]", "A second [q2]", "A first [q1]"], _writes);
    }

    private bool End((int Remotes, int Queues) mark, string subject)
    {
        var message = new InboundMessage(
            Encoding.ASCII.GetBytes(subject), default, "3"u8, -1, new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("abc")));
        return _batch.EndMessage(mark, message);
    }

    private sealed class RecordingLink(string name) : IRemoteLink
    {
        public List<string> Writes { get; set; } = [];

        public DeliveryBatch? LastBatch { get; private set; }

        public void WriteMessage(in InboundMessage message, ReadOnlySpan<byte[]> queues, DeliveryBatch batch)
        {
            var names = new List<string>();
            foreach (var queue in queues)
            {
                names.Add(Encoding.ASCII.GetString(queue));
            }

            Writes.Add($"{name} {Encoding.ASCII.GetString(message.Subject)} [{string.Join(' ', names)}]");
            LastBatch = batch;
        }
    }
}
