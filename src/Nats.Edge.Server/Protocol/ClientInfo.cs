namespace Nats.Edge.Server.Protocol;

/// <summary>The values that go into a client's INFO.</summary>
internal readonly record struct ClientInfo(
    string ServerId,
    string ServerName,
    string Version,
    string Host,
    int Port,
    bool Headers,
    bool AuthRequired,
    bool TlsRequired,
    bool TlsVerify,
    int MaxPayload,
    ulong ClientId,
    string ClientIp,
    string? Nonce,
    bool LameDuck = false,
    IReadOnlyList<string>? ConnectUrls = null);
