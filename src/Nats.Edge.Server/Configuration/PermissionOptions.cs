namespace Nats.Edge.Server.Configuration;

/// <summary>nats-server's <c>permissions { publish, subscribe, allow_responses }</c> of a user.</summary>
public sealed record PermissionOptions
{
    /// <summary>Subjects the user may publish to; null leaves publishing open.</summary>
    public SubjectPermissionOptions? Publish { get; init; }

    /// <summary>Subjects the user may subscribe to; null leaves subscribing open.</summary>
    public SubjectPermissionOptions? Subscribe { get; init; }

    /// <summary>
    /// Lets a service user answer the requests it receives (<c>allow_responses</c>). As in nats-server,
    /// setting it without a publish allow list closes publishing to everything but those replies.
    /// </summary>
    public ResponsePermissionOptions? Responses { get; init; }
}
