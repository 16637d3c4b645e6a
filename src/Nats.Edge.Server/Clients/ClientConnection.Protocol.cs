namespace Nats.Edge.Server.Clients;

/// <summary>The client's answers to each operation the protocol reader finds.</summary>
internal sealed partial class ClientConnection
{
    public bool HeadersEnabled => WantsHeaders;

    public override bool ProcessReceived(ref ReadOnlySequence<byte> buffer)
    {
        _reader.Read(ref buffer, new ClientOps(this));
        return !IsClosing;
    }

    public bool Admit(ClientOp op)
    {
        // With credentials required, the first op must be CONNECT, as nats-server demands.
        if (_login.IsLoggedIn || op == ClientOp.Connect || !Server.Authenticator.Required)
        {
            return true;
        }

        CloseWithError(ProtocolErrors.AuthorizationViolation, CloseReason.AuthenticationViolation);
        return false;
    }

    public override void OnInfo(ReadOnlySpan<byte> json)
    {
        // A client's INFO is ignored, but must still be JSON: nats-server closes otherwise.
        if (!JsonSyntax.IsValid(json))
        {
            Close(CloseReason.ParseError);
        }
    }

    public override void OnErr(ReadOnlySpan<byte> text)
    {
        Server.Log.Error($"{this} - Client Error {Encoding.UTF8.GetString(text)}");
        Close(CloseReason.ClientClosed);
    }
}
