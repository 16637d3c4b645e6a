using System.Buffers.Text;
using System.Text;
using NATS.NKeys;
using Nats.Edge.Server.Leafnodes;

namespace Nats.Edge.Tests.Unit.Leafnodes;

/// <summary>
/// How a leaf logs in to its hub: user and password or a token from the remote URL, a <c>.creds</c>
/// file whose seed signs the hub's nonce, or a bare nkey seed.
/// </summary>
public sealed class LeafCredentialsTests : IDisposable
{
    // 15 characters, as a nats-server hub's INFO nonce is.
    private const string Nonce = "aeIQz12gHtd599U";

    // A JWT is opaque to the leaf: it is only copied into CONNECT.
    private const string UserJwt = "eyJ0eXAiOiJKV1QiLCJhbGciOiJlZDI1NTE5LW5rZXkifQ.eyJzdWIiOiJVQUJDIn0.c2lnbmF0dXJl";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("nats-edge-leafcreds-");
    private readonly KeyPair _user = KeyPair.CreatePair(PrefixByte.User);

    public void Dispose()
    {
        _user.Dispose();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public void Url_with_user_and_password_gives_user_and_password()
    {
        var credentials = LeafCredentials.From(new Uri("nats-leaf://u1:p1@hub:7422"), null, null);

        Assert.Equal(("u1", "p1"), (credentials.User, credentials.Password));
        Assert.Null(credentials.Token);
    }

    [Fact]
    public void Url_with_only_a_user_gives_that_user_as_user_and_as_token()
    {
        var credentials = LeafCredentials.From(new Uri("nats-leaf://s3cr3t@hub:7422"), null, null);

        Assert.Equal(("s3cr3t", "s3cr3t"), (credentials.User, credentials.Token));
        Assert.Null(credentials.Password);
    }

    [Fact]
    public void Url_with_user_and_empty_password_gives_an_empty_password_and_no_token()
    {
        var credentials = LeafCredentials.From(new Uri("nats-leaf://u1:@hub:7422"), null, null);

        Assert.Equal(("u1", ""), (credentials.User, credentials.Password));
        Assert.Null(credentials.Token);
    }

    [Fact]
    public void Url_without_user_info_gives_no_user_password_or_token()
    {
        var credentials = LeafCredentials.From(new Uri("nats-leaf://hub:7422"), null, null);

        Assert.Null(credentials.User);
        Assert.Null(credentials.Password);
        Assert.Null(credentials.Token);
    }

    [Fact]
    public void Percent_encoded_user_and_password_are_decoded()
    {
        var credentials = LeafCredentials.From(new Uri("nats-leaf://us%40er:p%3As%2Fs%20w@hub:7422"), null, null);

        Assert.Equal(("us@er", "p:s/s w"), (credentials.User, credentials.Password));
    }

    [Fact]
    public void Percent_encoded_token_is_decoded()
    {
        var credentials = LeafCredentials.From(new Uri("nats-leaf://t%3Ak%40n@hub:7422"), null, null);

        Assert.Equal(("t:k@n", "t:k@n"), (credentials.User, credentials.Token));
    }

    [Fact]
    public void Url_user_info_needs_no_file_or_seed_and_signs_nothing()
    {
        var credentials = LeafCredentials.From(new Uri("nats-leaf://u1:p1@hub"), null, null);

        Assert.Null(credentials.Jwt);
        Assert.Null(credentials.Nkey);
        Assert.Null(credentials.Sign(Nonce));
    }

    [Fact]
    public void Creds_file_gives_its_user_jwt()
    {
        var credentials = LeafCredentials.From(new Uri("nats-leaf://hub"), WriteCreds(Creds(UserJwt, _user.GetSeed())), null);

        Assert.Equal(UserJwt, credentials.Jwt);
    }

    [Fact]
    public void Creds_file_signs_the_nonce_with_its_seed()
    {
        var credentials = LeafCredentials.From(new Uri("nats-leaf://hub"), WriteCreds(Creds(UserJwt, _user.GetSeed())), null);

        var signature = credentials.Sign(Nonce);

        Assert.True(Verifies(_user.GetPublicKey(), Nonce, signature));
    }

    [Fact]
    public void Creds_file_signature_is_base64url_without_padding()
    {
        var credentials = LeafCredentials.From(new Uri("nats-leaf://hub"), WriteCreds(Creds(UserJwt, _user.GetSeed())), null);

        var signature = credentials.Sign(Nonce)!;

        Assert.Equal(86, signature.Length);
        Assert.DoesNotContain('=', signature);
        Assert.DoesNotContain('+', signature);
        Assert.DoesNotContain('/', signature);
    }

    [Fact]
    public void Creds_file_signature_does_not_verify_another_nonce()
    {
        var credentials = LeafCredentials.From(new Uri("nats-leaf://hub"), WriteCreds(Creds(UserJwt, _user.GetSeed())), null);

        Assert.False(Verifies(_user.GetPublicKey(), "another-nonce00", credentials.Sign(Nonce)));
    }

    [Fact]
    public void Creds_file_login_sends_the_jwt_not_an_nkey()
    {
        var credentials = LeafCredentials.From(new Uri("nats-leaf://hub"), WriteCreds(Creds(UserJwt, _user.GetSeed())), null);

        Assert.Null(credentials.Nkey);
    }

    [Fact]
    public void Creds_file_with_crlf_line_ends_gives_the_same_jwt_and_signature()
    {
        var text = Creds(UserJwt, _user.GetSeed()).Replace("\n", "\r\n", StringComparison.Ordinal);
        var credentials = LeafCredentials.From(new Uri("nats-leaf://hub"), WriteCreds(text), null);

        Assert.Equal(UserJwt, credentials.Jwt);
        Assert.True(Verifies(_user.GetPublicKey(), Nonce, credentials.Sign(Nonce)));
    }

    [Fact]
    public void Creds_file_without_a_seed_is_invalid_data()
    {
        var path = WriteCreds($"-----BEGIN NATS USER JWT-----\n{UserJwt}\n------END NATS USER JWT------\n");

        Assert.Throws<InvalidDataException>(() => LeafCredentials.From(new Uri("nats-leaf://hub"), path, null));
    }

    [Fact]
    public void Creds_file_without_a_jwt_is_invalid_data()
    {
        var path = WriteCreds($"-----BEGIN USER NKEY SEED-----\n{_user.GetSeed()}\n------END USER NKEY SEED------\n");

        Assert.Throws<InvalidDataException>(() => LeafCredentials.From(new Uri("nats-leaf://hub"), path, null));
    }

    [Fact]
    public void Nkey_seed_gives_its_public_key_as_nkey()
    {
        var credentials = LeafCredentials.From(new Uri("nats-leaf://hub"), null, _user.GetSeed());

        Assert.Equal(_user.GetPublicKey(), credentials.Nkey);
        Assert.Null(credentials.Jwt);
    }

    [Fact]
    public void Nkey_seed_signs_the_nonce()
    {
        var credentials = LeafCredentials.From(new Uri("nats-leaf://hub"), null, _user.GetSeed());

        Assert.True(Verifies(_user.GetPublicKey(), Nonce, credentials.Sign(Nonce)));
    }

    // nsc's layout: dashes of unequal length around BEGIN and END, a warning block between the two.
    private static string Creds(string jwt, string seed) =>
        "-----BEGIN NATS USER JWT-----\n" + jwt + "\n------END NATS USER JWT------\n\n" +
        "************************* IMPORTANT *************************\n" +
        "NKEY Seed printed below can be used to sign and prove identity.\n" +
        "NKEYs are sensitive and should be treated as secrets.\n\n" +
        "-----BEGIN USER NKEY SEED-----\n" + seed + "\n------END USER NKEY SEED------\n\n" +
        "*************************************************************\n";

    private string WriteCreds(string text)
    {
        var path = Path.Combine(_directory.FullName, "board.creds");
        File.WriteAllText(path, text);
        return path;
    }

    private static bool Verifies(string publicKey, string nonce, string? signature)
    {
        Assert.NotNull(signature);
        using var key = KeyPair.FromPublicKey(publicKey);
        return key.Verify(Encoding.ASCII.GetBytes(nonce), Base64Url.DecodeFromChars(signature));
    }
}
