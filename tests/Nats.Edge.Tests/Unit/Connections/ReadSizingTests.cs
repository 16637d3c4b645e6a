using Nats.Edge.Server.Connections;

namespace Nats.Edge.Tests.Unit.Connections;

/// <summary>The receive size: small when quiet, doubling on full reads up to 64 KiB, halving on small ones.</summary>
public class ReadSizingTests
{
    [Fact]
    public void A_new_connection_reads_512_bytes()
    {
        Assert.Equal(512, new ReadSizing().Size);
    }

    [Fact]
    public void Full_reads_double_the_size_up_to_64_KiB_and_do_not_drain()
    {
        var sizing = new ReadSizing();
        var sizes = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            Assert.False(sizing.Update(sizing.Size));
            sizes.Add(sizing.Size);
        }

        Assert.Equal([1024, 2048, 4096, 8192, 16384, 32768, 65536, 65536, 65536, 65536], sizes);
    }

    [Fact]
    public void A_read_short_of_the_buffer_drains_and_keeps_the_size_above_a_quarter()
    {
        var sizing = GrownTo(8192);
        Assert.True(sizing.Update(2048));
        Assert.Equal(8192, sizing.Size);
    }

    [Fact]
    public void A_read_below_a_quarter_halves_the_size_down_to_512()
    {
        var sizing = GrownTo(2048);
        Assert.True(sizing.Update(100));
        Assert.Equal(1024, sizing.Size);
        Assert.True(sizing.Update(100));
        Assert.Equal(512, sizing.Size);
        Assert.True(sizing.Update(100));
        Assert.Equal(512, sizing.Size);
    }

    private static ReadSizing GrownTo(int size)
    {
        var sizing = new ReadSizing();
        while (sizing.Size < size)
        {
            sizing.Update(sizing.Size);
        }

        return sizing;
    }
}
