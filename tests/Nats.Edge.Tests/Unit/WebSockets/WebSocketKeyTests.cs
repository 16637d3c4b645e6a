using System.Security.Cryptography;
using Nats.Edge.Server.WebSockets;

namespace Nats.Edge.Tests.Unit.WebSockets;

/// <summary>The handshake's hash, done without OpenSSL, against .NET's own SHA-1 and RFC 6455's example.</summary>
public sealed class WebSocketKeyTests
{
    [Fact]
    public void Accept_value_is_rfc_6455_example_answer()
    {
        Assert.Equal("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", WebSocketKey.Accept("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(55)]
    [InlineData(56)]
    [InlineData(60)]
    [InlineData(64)]
    [InlineData(119)]
    [InlineData(1000)]
    public void Sha1_matches_dotnet_at_every_padding_boundary(int length)
    {
        var input = new byte[length];
        new Random(length).NextBytes(input);
        var hash = new byte[Sha1.HashSize];

        Sha1.Hash(input, hash);

#pragma warning disable CA5350 // The reference for a test of the handshake's SHA-1, not a security use.
        Assert.Equal(SHA1.HashData(input), hash);
#pragma warning restore CA5350
    }

    [Fact]
    public void New_keys_are_16_random_bytes_in_base64()
    {
        var first = WebSocketKey.New();

        Assert.Equal(16, Convert.FromBase64String(first).Length);
        Assert.NotEqual(first, WebSocketKey.New());
    }
}
