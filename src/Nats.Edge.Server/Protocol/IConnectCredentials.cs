namespace Nats.Edge.Server.Protocol;

/// <summary>
/// The login fields a client's and a leaf's CONNECT share, so one parsed CONNECT of either kind goes
/// to the authenticator as it is.
/// </summary>
internal interface IConnectCredentials
{
    string? User { get; }

    string? Password { get; }

    string? AuthToken { get; }

    string? Nkey { get; }

    string? Signature { get; }
}
