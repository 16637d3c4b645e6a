using System.Buffers;
using System.Reflection;
using Nats.Edge.Server.Connections;
using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Tests.Unit.Leafnodes;

/// <summary>A hub serving queue groups over two links frees every queue name once each message is written.</summary>
public class DeliveryBatchQueueLeakTests
{
    [Fact]
    public void Queue_names_are_all_released_once_the_message_is_written_even_when_links_interleave()
    {
        var batch = new DeliveryBatch(null!);
        var a = new NullLink();
        var b = new NullLink();
        for (var i = 0; i < 1000; i++)
        {
            var mark = batch.BeginMessage();
            batch.AddRemote(a, "q1"u8.ToArray());
            batch.AddRemote(b, "q2"u8.ToArray());
            batch.AddRemote(a, "q3"u8.ToArray());
            batch.EndMessage(mark, new InboundMessage("s"u8, default, "1"u8, -1, new ReadOnlySequence<byte>("x"u8.ToArray())));
        }

        var queues = (List<byte[]>)typeof(DeliveryBatch).GetField("_remoteQueues", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(batch)!;
        Assert.Empty(queues);
    }

    private sealed class NullLink : IRemoteLink
    {
        public void WriteMessage(in InboundMessage message, ReadOnlySpan<byte[]> queues, DeliveryBatch batch)
        {
        }
    }
}
