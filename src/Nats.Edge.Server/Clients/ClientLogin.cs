using System.Security.Cryptography.X509Certificates;
using Nats.Edge.Server.Security;

namespace Nats.Edge.Server.Clients;

/// <summary>
/// What a client connection learns and decides at CONNECT: the options the client asked for, the
/// user its credentials prove it to be (and with it the account), and what that user may publish,
/// subscribe to and receive. The receive loop logs in; a config reload checks the same CONNECT
/// again from its own thread, so the user and its gate are swapped whole, never edited.
/// </summary>
internal sealed class ClientLogin(Account globalAccount)
{
    private bool _loggedIn;
    private User? _user;

    // Only for users whose publishing is limited: everyone else's PUB skips the check.
    private PublishGate? _publishGate;

    /// <summary>The nonce INFO carries for an nkey user to sign; null when no nkey user is configured.</summary>
    public string? Nonce { get; private set; }

    /// <summary>The client's latest CONNECT, or nats-server's defaults before the first.</summary>
    public ConnectOptions Connect { get; private set; } = ConnectOptions.Default;

    /// <summary>Whether a CONNECT was accepted; timer, reload and INFO updates ask from their own threads.</summary>
    public bool IsLoggedIn => Volatile.Read(ref _loggedIn);

    /// <summary>The global account until CONNECT logs the client into its user's account.</summary>
    public Account Account { get; private set; } = globalAccount;

    /// <summary>The user name /connz shows; null without credentials.</summary>
    public string? UserName => _user?.Name is { Length: > 0 } name ? name : null;

    /// <summary>How violation log lines name the user, as nats-server does.</summary>
    public string UserForLog => _user?.LogName ?? "User \"N/A\"";

    public void IssueNonce(Authenticator authenticator) => Nonce = authenticator.NonceRequired ? Nonces.ForClient() : null;

    /// <summary>
    /// False when the CONNECT's credentials prove no user, or it names an account (nats-server's
    /// operator mode, not supported here): an Authorization Violation either way. A repeated CONNECT
    /// must pass too and its options replace the first's, but the first decided the user: the
    /// client's subscriptions live in that user's account.
    /// </summary>
    public bool LogIn(ConnectOptions connect, Authenticator authenticator, X509Certificate2? certificate)
    {
        var user = string.IsNullOrEmpty(connect.Account) && !connect.NewAccount
            ? authenticator.Authenticate(connect, Nonce, certificate)
            : null;
        if (user is null)
        {
            return false;
        }

        if (!_loggedIn)
        {
            Adopt(user);
        }

        Connect = connect;
        Volatile.Write(ref _loggedIn, true);
        return true;
    }

    /// <summary>
    /// Checks the accepted CONNECT against reloaded credentials; false when it no longer proves a
    /// user, or proves one in another account, whose subscriptions would have to move (nats-server
    /// closes such a connection too, and the client's reconnect logs it in afresh). Otherwise the
    /// user's new permissions hold from now on.
    /// </summary>
    public bool Recheck(Authenticator authenticator, X509Certificate2? certificate)
    {
        if (authenticator.Authenticate(Connect, Nonce, certificate) is not { } user || user.Account != Account)
        {
            return false;
        }

        Adopt(user);
        return true;
    }

    /// <summary>The publish check of every PUB: a null test alone for users whose publishing is not limited.</summary>
    public bool MayPublish(ReadOnlySpan<byte> subject) => _publishGate is not { } gate || gate.MayPublish(subject);

    public bool MaySubscribe(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue) =>
        _user?.Permissions is not { } permissions || permissions.MaySubscribe(subject, queue);

    /// <summary>Whether a message may go out on <paramref name="subscription"/>, which a deny list can cover only in part.</summary>
    public bool MayReceive(Subscription subscription, ReadOnlySpan<byte> subject) =>
        _user?.Permissions is not { LimitsDelivery: true } permissions || permissions.MayReceive(subscription, subject);

    /// <summary>
    /// A message with a reply subject was delivered to this client: a service user
    /// (<c>allow_responses</c>) may now publish to that reply. Called from the publisher's thread.
    /// </summary>
    public void NoteRequest(ReadOnlySpan<byte> reply)
    {
        if (!reply.IsEmpty)
        {
            _publishGate?.NoteRequest(reply);
        }
    }

    private void Adopt(User user)
    {
        _publishGate = user.Permissions is { } permissions && (permissions.LimitsPublish || permissions.Responses is not null)
            ? new PublishGate(permissions)
            : null;
        _user = user;
        Account = user.Account;
    }
}
