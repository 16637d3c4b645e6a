namespace Nats.Edge.Server.Leafnodes;

/// <summary>An allow and a deny list as a hub's second INFO carries them in <c>import</c> and <c>export</c>.</summary>
internal sealed record SubjectListPair(IReadOnlyList<string>? Allow, IReadOnlyList<string> Deny);
