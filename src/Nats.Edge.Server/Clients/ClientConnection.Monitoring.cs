namespace Nats.Edge.Server.Clients;

/// <summary>What <c>/connz</c> reads of a client, from the monitoring thread.</summary>
internal sealed partial class ClientConnection
{
    /// <summary>The client's CONNECT (name, lang, version), or the defaults before it came.</summary>
    public ConnectOptions Connect => _login.Connect;

    /// <summary>The user the client logged in as; null without credentials.</summary>
    public string? UserName => _login.UserName;

    /// <summary>Whether CONNECT was accepted: from then on the client counts in its account.</summary>
    public bool IsLoggedIn => _login.IsLoggedIn;

    public int SubscriptionCount => _subscriptions.Count;

    /// <summary>A snapshot of the client's subscriptions.</summary>
    public Subscription[] SubscriptionList() => _subscriptions.Snapshot();
}
