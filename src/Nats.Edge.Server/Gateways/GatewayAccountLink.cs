namespace Nats.Edge.Server.Gateways;

/// <summary>
/// One account on an outbound gateway: what the far cluster wants of it, and the writer of its
/// messages there (RMSG/HMSG). Its interest is subscriptions in the account that only match (no other
/// link hears of them). Facing a server that is not yet in interest-only mode for the account, it
/// sends optimistically: everything, through a subscription to <c>&gt;</c>, except an account the
/// far side refused (<c>A-</c>) or a subject it said it has no interest in (<c>RS-</c>), until the far
/// side switches the account to interest-only mode (gateway commands 2, then 3).
/// </summary>
internal sealed class GatewayAccountLink : ISubscriber, IRemoteLink
{
    private readonly GatewayConnection _gateway;
    private readonly Account _account;
    private readonly LearnedInterest _learned = new(announced: false);
    private readonly Lock _sync = new();
    private readonly HashSet<byte[]> _refusedSubjects = new(ByteKeyComparer.Instance);
    private Subscription? _everything;
    private volatile bool _accountRefused;
    private bool _switching;

    public GatewayAccountLink(GatewayConnection gateway, Account account, bool interestOnly)
    {
        _gateway = gateway;
        _account = account;
        if (!interestOnly)
        {
            _everything = new Subscription(this, ">"u8.ToArray(), null, []);
            account.Subscriptions.Insert(_everything);
        }
    }

    public Account Account => _account;

    /// <summary>The account's name as RMSG carries it.</summary>
    public byte[] Name => _account.NameBytes;

    /// <summary>Whether the far side sends this account's interest in full (interest-only mode).</summary>
    public bool InterestOnly => Volatile.Read(ref _everything) is null;

    /// <summary>Between gateway commands 2 and 3: the far side is sending the account's whole interest.</summary>
    public bool IsSwitching => Volatile.Read(ref _switching);

    /// <summary>Subjects the far side said it has no interest in, while optimistic.</summary>
    public int NoInterestCount
    {
        get
        {
            lock (_sync)
            {
                return _refusedSubjects.Count;
            }
        }
    }

    public bool IsClosing => _gateway.IsClosing;

    public bool IsGateway => true;

    public TimeSpan Rtt => _gateway.Rtt;

    public Subscription[] Learned() => _learned.ToArray();

    /// <summary>RS+/RS-: interest to match in interest-only mode (and while switching); in optimistic mode a subject's refusal and its end.</summary>
    public void OnInterest(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue, bool interested)
    {
        if (!queue.IsEmpty || InterestOnly || Volatile.Read(ref _switching))
        {
            if (interested)
            {
                _learned.Learn(this, _account, subject, queue);
            }
            else
            {
                _learned.Forget(_account, subject, queue);
            }

            return;
        }

        lock (_sync)
        {
            if (!interested)
            {
                _refusedSubjects.Add(subject.ToArray());
                return;
            }

            // Interest again, perhaps under a wildcard: every refusal it covers is lifted.
            var covering = new Security.SubjectPatternList([Encoding.UTF8.GetString(subject)]);
            _refusedSubjects.RemoveWhere(refused => covering.Covers(refused));
        }
    }

    /// <summary>A+/A-: in optimistic mode, the whole account wanted again, or not at all.</summary>
    public void OnAccountInterest(bool interested) => _accountRefused = !interested;

    /// <summary>Gateway command 2 (the far side starts sending the account's whole interest) or 3 (done: interest-only from now).</summary>
    public void Switch(bool complete)
    {
        if (!complete)
        {
            Volatile.Write(ref _switching, true);
            return;
        }

        Subscription? everything;
        lock (_sync)
        {
            everything = _everything;
            Volatile.Write(ref _everything, null);
            _refusedSubjects.Clear();
        }

        if (everything is not null)
        {
            _account.Subscriptions.Remove(everything);
        }

        _accountRefused = false;
        Volatile.Write(ref _switching, false);
    }

    /// <summary>The gateway is gone: everything learned over it leaves the account.</summary>
    public void Detach()
    {
        _learned.Clear(_account);
        if (Volatile.Read(ref _everything) is { } everything)
        {
            _account.Subscriptions.Remove(everything);
        }
    }

    /// <summary>Notes the message for the far cluster, once for its plain interest and each queue group chosen.</summary>
    public bool DeliverMessage(Subscription subscription, in InboundMessage message, DeliveryBatch batch)
    {
        if (!_gateway.IsReady || !LinkRoles.MayForward(batch.Source?.Role ?? LinkRole.Local, LinkRole.Gateway))
        {
            return false;
        }

        if (subscription == Volatile.Read(ref _everything) && Refuses(message.Subject))
        {
            return false;
        }

        batch.AddRemote(this, subscription.Queue);
        return true;
    }

    public void RemoveSubscription(Subscription subscription) => _learned.Remove(_account, subscription);

    /// <summary>
    /// RMSG/HMSG to the far cluster. A reply subject goes mapped as <c>_GR_.&lt;cluster&gt;.&lt;server&gt;.reply</c>,
    /// so the answer comes straight back to this server even before the far cluster heard of the
    /// requester's interest in it.
    /// </summary>
    public void WriteMessage(in InboundMessage message, ReadOnlySpan<byte[]> queues, DeliveryBatch batch)
    {
        if (message.Reply.IsEmpty || message.Reply.StartsWith(GatewayHash.ReplyPrefix))
        {
            MessageWriter.ToLink(_gateway, Name, message, queues, _gateway.PeerHeaders, batch);
            return;
        }

        var gateways = _gateway.Server.Gateways!;
        var length = GatewayHash.ReplyPrefix.Length + (2 * (GatewayHash.Length + 1)) + message.Reply.Length;
        byte[]? rented = null;
        var reply = length <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(length));
        GatewayHash.ReplyPrefix.CopyTo(reply);
        var at = GatewayHash.ReplyPrefix.Length;
        gateways.ClusterHash.CopyTo(reply[at..]);
        at += GatewayHash.Length;
        reply[at++] = (byte)'.';
        gateways.ServerHash.CopyTo(reply[at..]);
        at += GatewayHash.Length;
        reply[at++] = (byte)'.';
        message.Reply.CopyTo(reply[at..]);
        var mapped = new InboundMessage(message.Subject, reply[..length], message.SizeTokens, message.HeaderSize, message.Data);
        MessageWriter.ToLink(_gateway, Name, mapped, queues, _gateway.PeerHeaders, batch);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private bool Refuses(ReadOnlySpan<byte> subject)
    {
        if (_accountRefused)
        {
            return true;
        }

        lock (_sync)
        {
            return _refusedSubjects.Count > 0 && _refusedSubjects.GetAlternateLookup<ReadOnlySpan<byte>>().Contains(subject);
        }
    }
}
