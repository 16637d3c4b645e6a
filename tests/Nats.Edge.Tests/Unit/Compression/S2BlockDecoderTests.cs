using System.Text;
using Nats.Edge.Server.Compression;

namespace Nats.Edge.Tests.Unit.Compression;

/// <summary>
/// The block decoder against blocks built by hand from the format description, S2's repeat offsets
/// above all (our encoder writes none), and against a block from Snappy's reference encoder.
/// </summary>
public class S2BlockDecoderTests
{
    [Fact]
    public void A_repeat_after_a_literal_reuses_the_last_copy_offset()
    {
        // "abcd", copy(offset 4, length 4), "xy", repeat(length 4): the repeat copies from 4 back again.
        byte[] block = [14, 0x0c, (byte)'a', (byte)'b', (byte)'c', (byte)'d', 0x01, 0x04, 0x04, (byte)'x', (byte)'y', 0x01, 0x00];

        Assert.Equal("abcdabcdxycdxy", Decode(block));
    }

    [Fact]
    public void A_repeat_with_a_one_byte_length_adds_eight()
    {
        // "ab", copy(offset 2, length 4), repeat(length 10 + 8).
        byte[] block = [24, 0x04, (byte)'a', (byte)'b', 0x01, 0x02, 0x15, 0x00, 10];

        Assert.Equal(string.Concat(Enumerable.Repeat("ab", 12)), Decode(block));
    }

    [Fact]
    public void A_repeat_with_a_two_byte_length_adds_260()
    {
        // "z", copy(offset 1, length 4), repeat(length 40 + 260): 305 bytes, stated as a 2-byte varint.
        byte[] block = [0xb1, 0x02, 0x00, (byte)'z', 0x01, 0x01, 0x19, 0x00, 40, 0];

        Assert.Equal(new string('z', 305), Decode(block));
    }

    [Fact]
    public void A_repeat_with_a_three_byte_length_adds_65540()
    {
        // "q", copy(offset 1, length 4), repeat(length 5 + 65540): 65550 bytes.
        byte[] block = [0x8e, 0x80, 0x04, 0x00, (byte)'q', 0x01, 0x01, 0x1d, 0x00, 5, 0, 0];

        Assert.Equal(new string('q', 65550), Decode(block));
    }

    [Fact]
    public void A_repeat_follows_a_copy_with_a_four_byte_offset()
    {
        // "01234567", copy4(offset 8, length 8), repeat(length 8).
        byte[] block = [24, 0x1c, .. "01234567"u8, 0x1f, 8, 0, 0, 0, 0x11, 0x00];

        Assert.Equal("012345670123456701234567", Decode(block));
    }

    [Fact]
    public void A_one_byte_offset_copy_of_256_is_a_copy_not_a_repeat()
    {
        // Offset 256 has a zero low byte; only its high bits in the tag tell it from a repeat.
        var literal = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        byte[] block = [0x84, 0x02, 0xf0, 0xff, .. literal, 0x21, 0x00];

        var decoded = DecodeBytes(block);

        Assert.Equal([.. literal, 0, 1, 2, 3], decoded);
    }

    [Fact]
    public void An_overlapping_copy_repeats_its_pattern()
    {
        // "abc", copy2(offset 3, length 64).
        byte[] block = [67, 0x08, (byte)'a', (byte)'b', (byte)'c', 0xfe, 3, 0];

        Assert.Equal(string.Concat(Enumerable.Repeat("abc", 23))[..67], Decode(block));
    }

    [Fact]
    public void A_block_from_snappys_reference_encoder_decodes_to_its_text()
    {
        var expected = S2TestData.File("Mark.Twain-Tom.Sawyer.txt");

        var decoded = DecodeBytes(S2TestData.File("Mark.Twain-Tom.Sawyer.txt.rawsnappy"));

        Assert.Equal(expected, decoded);
    }

    [Theory]
    [InlineData(new byte[] { 6, 0x04, (byte)'a', (byte)'b', 0x01, 0x00 })] // a repeat with no offset yet
    [InlineData(new byte[] { 5, 0x00, (byte)'a', 0x01, 0x05 })] // copy from before the start
    [InlineData(new byte[] { 5, 0x00, (byte)'a' })] // fewer bytes than stated
    [InlineData(new byte[] { 9, 0x08, (byte)'a' })] // literal past the block's end
    [InlineData(new byte[] { 2, 0x08, (byte)'a', (byte)'b', (byte)'c' })] // literal past the stated length
    [InlineData(new byte[] { 9, 0x04, (byte)'a', (byte)'b', 0x01, 0x02, 0x15, 0x00 })] // repeat's length byte missing
    [InlineData(new byte[] { 8, 0x04, (byte)'a', (byte)'b', 0x01, 0x02, 0x01 })] // copy's offset byte missing
    [InlineData(new byte[] { 8, 0x04, (byte)'a', (byte)'b', 0x1f, 2, 0, 0 })] // copy4 cut short
    [InlineData(new byte[] { 0xff, 0xff, 0xff, 0xff, 0xff, 0x01 })] // length beyond 32 bits
    public void Malformed_blocks_are_refused(byte[] block)
    {
        Assert.Throws<InvalidDataException>(() => DecodeBytes(block));
    }

    private static string Decode(byte[] block) => Encoding.ASCII.GetString(DecodeBytes(block));

    private static byte[] DecodeBytes(byte[] block)
    {
        var length = S2BlockDecoder.DecodedLength(block, out var header);
        var decoded = new byte[length];
        S2BlockDecoder.Decode(block.AsSpan(header), decoded);
        return decoded;
    }
}
