using System.Text;
using Nats.Edge.Server.Subjects;

namespace Nats.Edge.Tests.Unit.Subjects;

/// <summary>spec/client-protocol.md §11: which subjects a client may subscribe to and publish on.</summary>
public sealed class SubjectRulesTests
{
    [Theory]
    [InlineData("foo")]
    [InlineData("foo.bar")]
    [InlineData("foo.*.bar")]
    [InlineData("foo.>")]
    [InlineData(">")]
    [InlineData("*")]
    [InlineData("foo*")]
    [InlineData("*bar.a>b")]
    [InlineData("$SYS.>")]
    [InlineData("ünïcödé.ok")]
    public void Valid_subscription_subjects(string subject) =>
        Assert.True(SubjectRules.IsValidSubscription(Encoding.UTF8.GetBytes(subject)));

    [Theory]
    [InlineData("")]
    [InlineData("foo..bar")]
    [InlineData(".foo")]
    [InlineData("foo.")]
    [InlineData("foo.>.bar")]
    [InlineData(">.foo")]
    [InlineData("foo.\tbar")]
    public void Invalid_subscription_subjects(string subject) =>
        Assert.False(SubjectRules.IsValidSubscription(Encoding.UTF8.GetBytes(subject)));

    [Theory]
    [InlineData("foo", true)]
    [InlineData("foo.bar.baz", true)]
    [InlineData("foo*.bar", true)]
    [InlineData("foo.*", false)]
    [InlineData("foo.>", false)]
    [InlineData("*", false)]
    [InlineData("foo..bar", false)]
    [InlineData("", false)]
    public void Literal_subjects_have_no_wildcard_token(string subject, bool valid) =>
        Assert.Equal(valid, SubjectRules.IsValidLiteral(Encoding.UTF8.GetBytes(subject)));
}
