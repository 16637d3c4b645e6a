namespace Nats.Edge.Server.Security;

/// <summary>A user's <see cref="PermissionOptions"/>, compiled once and shared by all its connections.</summary>
internal sealed class Permissions
{
    private readonly SubjectPatternList? _publishAllow;
    private readonly SubjectPatternList? _publishDeny;
    private readonly SubjectPatternList? _subscribeAllow;
    private readonly SubjectPatternList? _subscribeDeny;

    public Permissions(PermissionOptions options)
    {
        var publishAllow = options.Publish?.Allow;

        // nats-server: allowing responses without a publish allow list turns the blanket allow off,
        // so such a service user can publish nothing but its replies.
        if (options.Responses is not null && publishAllow is null)
        {
            publishAllow = [];
        }

        _publishAllow = publishAllow is null ? null : new SubjectPatternList(publishAllow);
        _publishDeny = options.Publish?.Deny is { Count: > 0 } publishDeny ? new SubjectPatternList(publishDeny) : null;
        _subscribeAllow = options.Subscribe?.Allow is { Count: > 0 } subscribeAllow ? new SubjectPatternList(subscribeAllow) : null;
        _subscribeDeny = options.Subscribe?.Deny is { Count: > 0 } subscribeDeny ? new SubjectPatternList(subscribeDeny) : null;
        Responses = options.Responses;
        Options = options;
    }

    /// <summary>The lists as configured, for a hub to tell a leaf what it may send and receive.</summary>
    public PermissionOptions Options { get; }

    /// <summary>Whether publishing is limited at all; without limits the message path skips every check.</summary>
    public bool LimitsPublish => _publishAllow is not null || _publishDeny is not null;

    /// <summary>Whether deliveries to wildcard subscriptions must be checked against the deny list.</summary>
    public bool LimitsDelivery => _subscribeDeny is not null;

    /// <summary>The reply permission of a service user, or null.</summary>
    public ResponsePermissionOptions? Responses { get; }

    /// <summary>The publish lists' verdict for one subject; replies allowed by <see cref="Responses"/> come on top.</summary>
    public bool MayPublish(ReadOnlySpan<byte> subject) =>
        (_publishAllow is null || _publishAllow.Covers(subject)) && (_publishDeny is null || !_publishDeny.Covers(subject));

    /// <summary>The subscribe lists' verdict for SUB <paramref name="subject"/> [<paramref name="queue"/>].</summary>
    public bool MaySubscribe(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue)
    {
        var allowed = true;
        if (_subscribeAllow is not null)
        {
            allowed = _subscribeAllow.Covers(subject);
            if (!queue.IsEmpty)
            {
                var queueAllowed = _subscribeAllow.CoversQueue(subject, queue, out var queueEntries);
                allowed = queueEntries ? queueAllowed : allowed;
            }
        }

        if (allowed && _subscribeDeny is not null)
        {
            // As nats-server decides it: when deny entries name queues for this subject, they alone
            // settle a queue subscription, even if a plain entry denies the subject.
            allowed = !_subscribeDeny.Covers(subject);
            if (!queue.IsEmpty)
            {
                var queueDenied = _subscribeDeny.CoversQueue(subject, queue, out var queueEntries);
                allowed = queueEntries ? !queueDenied : allowed;
            }
        }

        return allowed;
    }

    /// <summary>
    /// A deny entry cannot stop a wider wildcard SUB ("foo.*" past deny "foo.bar"), so the message
    /// itself is checked on delivery, as nats-server does.
    /// </summary>
    public bool MayReceive(Subscription subscription, ReadOnlySpan<byte> subject) =>
        _subscribeDeny is null || !SubjectRules.HasWildcard(subscription.Subject) || !_subscribeDeny.Covers(subject);

}
