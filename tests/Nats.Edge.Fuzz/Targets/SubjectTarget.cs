using Nats.Edge.Server.Subjects;

namespace Nats.Edge.Fuzz.Targets;

/// <summary>
/// Subject and wildcard checks: a subject valid for publishing must be valid for subscribing, and one
/// without wildcards must be a literal.
/// </summary>
internal sealed class SubjectTarget : IFuzzTarget
{
    public string Name => "subject";

    public void Run(ReadOnlySpan<byte> input)
    {
        var literal = SubjectRules.IsValidLiteral(input);
        var subscription = SubjectRules.IsValidSubscription(input);
        if (literal && (!subscription || SubjectRules.HasWildcard(input)))
        {
            throw new InvalidOperationException("a valid literal subject is not a valid subscription, or has a wildcard");
        }

        if (subscription && !SubjectRules.HasWildcard(input) && !literal)
        {
            throw new InvalidOperationException("a valid subscription without wildcards is not a valid literal");
        }
    }
}
