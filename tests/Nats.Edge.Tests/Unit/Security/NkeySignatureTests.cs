using System.Buffers.Text;
using System.Text;
using NATS.NKeys;
using Nats.Edge.Server.Security;

namespace Nats.Edge.Tests.Unit.Security;

/// <summary>An nkey user's proof: the INFO nonce signed with the private half of the key it names.</summary>
public sealed class NkeySignatureTests : IDisposable
{
    private const string Nonce = "y0vSqk4xOHbyxFXNbaIUdQ";

    private readonly KeyPair _user = KeyPair.CreatePair(PrefixByte.User);

    public void Dispose() => _user.Dispose();

    [Fact]
    public void Base64url_signature_of_the_nonce_is_valid()
    {
        Assert.True(NkeySignature.IsValid(_user.GetPublicKey(), Nonce, Base64Url.EncodeToString(Sign(_user, Nonce))));
    }

    [Fact]
    public void Standard_base64_signature_of_the_nonce_is_valid()
    {
        Assert.True(NkeySignature.IsValid(_user.GetPublicKey(), Nonce, Convert.ToBase64String(Sign(_user, Nonce))));
    }

    [Fact]
    public void Signature_of_another_nonce_is_invalid()
    {
        var signature = Base64Url.EncodeToString(Sign(_user, "another-nonce"));

        Assert.False(NkeySignature.IsValid(_user.GetPublicKey(), Nonce, signature));
    }

    [Fact]
    public void Signature_made_with_another_key_is_invalid()
    {
        using var other = KeyPair.CreatePair(PrefixByte.User);
        var signature = Base64Url.EncodeToString(Sign(other, Nonce));

        Assert.False(NkeySignature.IsValid(_user.GetPublicKey(), Nonce, signature));
    }

    [Theory]
    [InlineData("not a signature!")]
    [InlineData("AAAA")]
    [InlineData("")]
    [InlineData(null)]
    public void Garbage_signature_is_invalid(string? signature)
    {
        Assert.False(NkeySignature.IsValid(_user.GetPublicKey(), Nonce, signature));
    }

    [Fact]
    public void Signature_with_one_byte_changed_is_invalid()
    {
        var raw = Sign(_user, Nonce);
        raw[10] ^= 0x01;

        Assert.False(NkeySignature.IsValid(_user.GetPublicKey(), Nonce, Base64Url.EncodeToString(raw)));
    }

    [Fact]
    public void Account_public_key_is_refused_even_with_a_correct_signature()
    {
        using var account = KeyPair.CreatePair(PrefixByte.Account);
        var signature = Base64Url.EncodeToString(Sign(account, Nonce));

        Assert.False(NkeySignature.IsValid(account.GetPublicKey(), Nonce, signature));
    }

    [Fact]
    public void Malformed_public_key_is_refused() =>
        Assert.False(NkeySignature.IsValid("UNOTAKEY", Nonce, Base64Url.EncodeToString(Sign(_user, Nonce))));

    private static byte[] Sign(KeyPair key, string nonce)
    {
        var signature = new byte[64];
        key.Sign(Encoding.ASCII.GetBytes(nonce), signature);
        return signature;
    }
}
