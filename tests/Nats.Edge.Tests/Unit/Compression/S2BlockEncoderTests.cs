using Nats.Edge.Server.Compression;

namespace Nats.Edge.Tests.Unit.Compression;

/// <summary>The block encoder writes what a plain Snappy reader takes, and gives up when it cannot save.</summary>
public class S2BlockEncoderTests
{
    [Fact]
    public void Blocks_use_only_snappys_elements()
    {
        var data = S2TestData.Readings(1200)[..S2BlockEncoder.MaxBlockSize];
        var block = new byte[data.Length];

        var length = S2BlockEncoder.Encode(data, block, new ushort[S2BlockEncoder.TableSize]);

        Assert.InRange(length, 1, data.Length / 3);
        foreach (var (tag, offset) in Elements(block.AsSpan(0, length)))
        {
            Assert.NotEqual(3, tag);
            Assert.True(tag == 0 || offset > 0, "a copy with offset 0 is S2's repeat, which Snappy lacks");
        }
    }

    [Fact]
    public void Data_that_would_not_fit_the_budget_is_left_to_go_uncompressed()
    {
        var data = S2TestData.Random(4000);

        Assert.Equal(0, S2BlockEncoder.Encode(data, new byte[data.Length - 1], new ushort[S2BlockEncoder.TableSize]));
    }

    // The tag and offset of each element; literals report offset 0.
    private static List<(int Tag, int Offset)> Elements(ReadOnlySpan<byte> block)
    {
        S2BlockDecoder.DecodedLength(block, out var s);
        var elements = new List<(int, int)>();
        while (s < block.Length)
        {
            var tag = block[s] & 3;
            switch (tag)
            {
                case 0:
                    var code = block[s] >> 2;
                    var extra = code < 60 ? 0 : code - 59;
                    var length = code < 60 ? code : extra == 1 ? block[s + 1] : block[s + 1] | (block[s + 2] << 8);
                    elements.Add((0, 0));
                    s += 1 + extra + length + 1;
                    break;
                case 1:
                    elements.Add((1, ((block[s] & 0xe0) << 3) | block[s + 1]));
                    s += 2;
                    break;
                case 2:
                    elements.Add((2, block[s + 1] | (block[s + 2] << 8)));
                    s += 3;
                    break;
                default:
                    elements.Add((3, 1));
                    s += 5;
                    break;
            }
        }

        return elements;
    }
}
