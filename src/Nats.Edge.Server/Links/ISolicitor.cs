using System.Net.Sockets;

namespace Nats.Edge.Server.Links;

/// <summary>
/// What one kind of link (a leafnode remote, a route) adds to the <see cref="LinkDialler"/> that keeps
/// it up: whether to dial at all, how a link is set up over a connected socket, and how a failed dial
/// is reported.
/// </summary>
internal interface ISolicitor
{
    /// <summary>Asked before every dial.</summary>
    DialTurn NextTurn();

    /// <summary>
    /// Sets a link up over <paramref name="socket"/>, just connected to <paramref name="url"/>, and
    /// returns the task that completes when the link closes; null (having said why) when no link came up.
    /// <paramref name="firstWordsDeadline"/> fires when the peer has been slow to say its first words
    /// (a leafnode's <c>first_info_timeout</c>) or the server stops. A step with a timeout of its own (a TLS handshake) uses
    /// <paramref name="stopping"/>.
    /// </summary>
    Task<Task?> SetUpLinkAsync(Socket socket, Uri url, CancellationToken firstWordsDeadline, CancellationToken stopping);

    /// <summary>A dial failed: the connect was refused or timed out, or <see cref="SetUpLinkAsync"/> threw.</summary>
    void OnDialFailed(Uri url, Exception error);
}
