using System.Text;
using Nats.Edge.Server.Subjects;

namespace Nats.Edge.Tests.Unit.Subjects;

/// <summary>Which subjects may be subscribed to and published on.</summary>
public class SubjectRulesTests
{
    [Theory]
    [InlineData("foo")]
    [InlineData("foo.bar")]
    [InlineData("foo.*.bar")]
    [InlineData(">")]
    [InlineData("*")]
    [InlineData("foo*")]
    [InlineData("*bar")]
    [InlineData("a>b")]
    [InlineData("foo.>")]
    [InlineData("*.*")]
    [InlineData("$SYS.>")]
    [InlineData("_INBOX.abc.*")]
    [InlineData("føø.bär")]
    public void Valid_subscription_subjects(string subject) => Assert.True(SubjectRules.IsValidSubscription(Bytes(subject)));

    [Theory]
    [InlineData("")]
    [InlineData("foo..bar")]
    [InlineData(".foo")]
    [InlineData("foo.")]
    [InlineData(".")]
    [InlineData("foo.>.bar")]
    [InlineData(">.foo")]
    [InlineData("foo bar")]
    [InlineData("foo\tbar")]
    [InlineData("foo\r")]
    [InlineData("foo\n")]
    [InlineData("foo.\f")]
    public void Invalid_subscription_subjects(string subject) => Assert.False(SubjectRules.IsValidSubscription(Bytes(subject)));

    [Theory]
    [InlineData("foo")]
    [InlineData("foo.bar")]
    [InlineData("foo*")]
    [InlineData("*bar")]
    [InlineData("a>b")]
    [InlineData("$JS.API.INFO")]
    [InlineData("føø.bär")]
    public void Valid_literal_subjects(string subject) => Assert.True(SubjectRules.IsValidLiteral(Bytes(subject)));

    [Theory]
    [InlineData("")]
    [InlineData("*")]
    [InlineData(">")]
    [InlineData("foo.*")]
    [InlineData("foo.>")]
    [InlineData("foo.*.bar")]
    [InlineData("foo..bar")]
    [InlineData(".foo")]
    [InlineData("foo.")]
    [InlineData("foo bar")]
    public void Invalid_literal_subjects(string subject) => Assert.False(SubjectRules.IsValidLiteral(Bytes(subject)));

    [Theory]
    [InlineData("*", true)]
    [InlineData(">", true)]
    [InlineData("**", false)]
    [InlineData("*a", false)]
    [InlineData("a", false)]
    [InlineData("", false)]
    public void Only_a_whole_token_is_a_wildcard(string token, bool wildcard) =>
        Assert.Equal(wildcard, SubjectRules.IsWildcard(Bytes(token)));

    private static byte[] Bytes(string subject) => Encoding.UTF8.GetBytes(subject);
}
