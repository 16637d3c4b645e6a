using System.Text;

namespace Nats.Edge.Tests.Unit.Protocol;

/// <summary>
/// Parses an input every way it can arrive — in one read, in two reads split at each byte, one byte per
/// read — in every buffer shape, and fails unless all of them give the same callbacks (the parser keeps
/// its state between reads). nats-server's parser tests do the same.
/// </summary>
internal static class EverySplit
{
    /// <summary>The callbacks, once every way of reading <paramref name="input"/> agreed on them.</summary>
    public static IReadOnlyList<string> Read(string input, ReaderSetup? setup = null)
    {
        var bytes = Encoding.UTF8.GetBytes(input);
        var expected = ReadCutAt(bytes, BufferShape.Contiguous, setup, []);
        var everyByte = Enumerable.Range(1, Math.Max(bytes.Length - 1, 0)).ToArray();
        foreach (var shape in Enum.GetValues<BufferShape>())
        {
            AssertSame(expected, ReadCutAt(bytes, shape, setup, []), input, $"{shape}, one read");
            for (var cut = 1; cut < bytes.Length; cut++)
            {
                AssertSame(expected, ReadCutAt(bytes, shape, setup, [cut]), input, $"{shape}, two reads split at byte {cut}");
            }

            AssertSame(expected, ReadCutAt(bytes, shape, setup, everyByte), input, $"{shape}, one byte per read");
        }

        return expected;
    }

    private static List<string> ReadCutAt(byte[] input, BufferShape shape, ReaderSetup? setup, int[] cuts) =>
        [.. new SplitReadDriver(shape, setup).FeedCutAt(input, cuts)];

    private static void AssertSame(List<string> expected, List<string> actual, string input, string how)
    {
        if (!expected.SequenceEqual(actual))
        {
            Assert.Fail(
                $"Reading \"{Escape(input)}\" as {how} gave [{string.Join(", ", actual)}] " +
                $"but in one contiguous read [{string.Join(", ", expected)}].");
        }
    }

    private static string Escape(string text) =>
        text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
