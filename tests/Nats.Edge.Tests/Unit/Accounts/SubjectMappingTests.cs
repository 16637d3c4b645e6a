using System.Text;
using Nats.Edge.Server.Accounts;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Tests.Unit.Accounts;

/// <summary>How a subject is renamed as it crosses from one account to another.</summary>
public class SubjectMappingTests
{
    [Fact]
    public void Identity_mapping_is_marked_as_identity()
    {
        Assert.True(new SubjectMapping("foo.>", "foo.>").IsIdentity);
    }

    [Fact]
    public void Identity_mapping_gives_the_subject_back_unchanged()
    {
        Assert.Equal("foo.a.b", Apply("foo.>", "foo.>", "foo.a.b"));
    }

    [Fact]
    public void Prefix_mapping_puts_the_prefix_in_front_of_the_whole_subject()
    {
        Assert.Equal("p.foo.a.b", Apply("foo.>", "p.foo.>", "foo.a.b"));
    }

    [Fact]
    public void Prefix_mapping_is_not_an_identity()
    {
        Assert.False(new SubjectMapping("foo.>", "p.foo.>").IsIdentity);
    }

    [Fact]
    public void Star_and_full_wildcard_tokens_move_to_the_destination_in_order()
    {
        Assert.Equal("x.1.c.d", Apply("a.*.b.>", "x.*.>", "a.1.b.c.d"));
    }

    [Fact]
    public void Star_at_the_end_of_the_source_is_captured()
    {
        Assert.Equal("imported.orders.42", Apply("orders.*", "imported.orders.*", "orders.42"));
    }

    [Fact]
    public void Literal_maps_to_literal()
    {
        Assert.Equal("bar.baz", Apply("foo", "bar.baz", "foo"));
    }

    [Theory]
    [InlineData("foo.*", "bar.>")]
    [InlineData("foo.>", "bar.*")]
    [InlineData("foo.*", "bar")]
    [InlineData("foo", "bar.*")]
    [InlineData("foo.*.>", "bar.*")]
    public void Source_and_destination_with_different_wildcards_are_refused(string source, string destination)
    {
        Assert.Throws<ServerOptionsException>(() => new SubjectMapping(source, destination));
    }

    private static string Apply(string source, string destination, string subject)
    {
        var mapping = new SubjectMapping(source, destination);
        var bytes = Encoding.UTF8.GetBytes(subject);
        var output = new byte[mapping.MaxLength(bytes.Length)];
        var written = mapping.Apply(bytes, output);
        return Encoding.UTF8.GetString(output, 0, written);
    }
}
