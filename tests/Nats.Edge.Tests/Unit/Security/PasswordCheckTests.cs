using Nats.Edge.Server.Security;

namespace Nats.Edge.Tests.Unit.Security;

/// <summary>A configured password or token against the one a client sent, plain or bcrypt-hashed.</summary>
public class PasswordCheckTests
{
    // Cost 4, bcrypt's minimum, keeps each hash to a millisecond or so.
    [Fact]
    public void Truncated_bcrypt_hash_matches_nothing() => Assert.False(PasswordCheck.Matches("$2a$04$tooshort", "tooshort"));

    private static readonly string Hash = BCrypt.Net.BCrypt.HashPassword("s3cret", 4);

    [Fact]
    public void Plain_password_matches_the_same_text()
    {
        Assert.True(PasswordCheck.Matches("s3cret", "s3cret"));
    }

    [Fact]
    public void Plain_password_does_not_match_other_text()
    {
        Assert.False(PasswordCheck.Matches("s3cret", "S3cret"));
    }

    [Fact]
    public void Plain_password_does_not_match_a_longer_text_with_the_same_start()
    {
        Assert.False(PasswordCheck.Matches("s3cret", "s3cret!"));
    }

    [Fact]
    public void No_password_given_does_not_match_a_configured_one()
    {
        Assert.False(PasswordCheck.Matches("s3cret", null));
    }

    [Fact]
    public void No_password_given_matches_an_empty_configured_one()
    {
        Assert.True(PasswordCheck.Matches(string.Empty, null));
    }

    [Fact]
    public void Bcrypt_hash_matches_its_password()
    {
        Assert.True(PasswordCheck.Matches(Hash, "s3cret"));
    }

    [Fact]
    public void Bcrypt_hash_does_not_match_another_password()
    {
        Assert.False(PasswordCheck.Matches(Hash, "other"));
    }

    [Fact]
    public void Bcrypt_hash_does_not_match_the_hash_text_itself()
    {
        Assert.False(PasswordCheck.Matches(Hash, Hash));
    }

    [Fact]
    public void Bcrypt_hash_does_not_match_no_password()
    {
        Assert.False(PasswordCheck.Matches(Hash, null));
    }

    [Theory]
    [InlineData("$2b$")]
    [InlineData("$2y$")]
    public void Bcrypt_hash_with_another_revision_prefix_matches_its_password(string prefix)
    {
        var hash = BCrypt.Net.BCrypt.HashPassword("s3cret", 4);
        var variant = prefix + hash[4..];

        Assert.True(PasswordCheck.Matches(variant, "s3cret"));
        Assert.False(PasswordCheck.Matches(variant, "other"));
    }

    [Fact]
    public void Malformed_bcrypt_prefix_is_compared_as_plain_text()
    {
        Assert.True(PasswordCheck.Matches("$2a$xx", "$2a$xx"));
        Assert.False(PasswordCheck.Matches("$2a$xx", "other"));
    }
}
