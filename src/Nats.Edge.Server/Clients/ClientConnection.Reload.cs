using Nats.Edge.Server.Security;

namespace Nats.Edge.Server.Clients;

internal sealed partial class ClientConnection
{
    /// <summary>
    /// Brings an open connection under reloaded options, as nats-server does: the new payload limit
    /// applies at once, the CONNECT it logged in with is checked again (a changed password closes it
    /// with an Authorization Violation), and subscriptions its new permissions forbid are removed,
    /// each with an -ERR. Runs on the reloading thread, so it only queues output and closes.
    /// </summary>
    public void ApplyReload(Authenticator authenticator, ServerOptions options)
    {
        _reader.MaxPayload = options.MaxPayload;
        if (IsClosing || !_login.IsLoggedIn)
        {
            // Not logged in yet: its CONNECT meets the new rules when it comes.
            return;
        }

        if (!_login.Recheck(authenticator, ClientCertificate))
        {
            Server.Log.Error($"{this} - {authenticator.DescribeFailure(_login.Connect)}");
            CloseWithError(ProtocolErrors.AuthorizationViolation, CloseReason.AuthenticationViolation);
            return;
        }

        RemoveForbiddenSubscriptions();
    }

    private void RemoveForbiddenSubscriptions()
    {
        var removed = false;
        foreach (var subscription in _subscriptions.Snapshot())
        {
            if (_login.MaySubscribe(subscription.Subject, subscription.Queue))
            {
                continue;
            }

            RemoveSubscription(subscription);
            Outbound.Append(ProtocolErrors.RemovedSubscription(subscription.Subject, subscription.Sid));
            Server.Log.Info(
                $"Removed sub \"{Encoding.UTF8.GetString(subscription.Subject)}\" (sid \"{Encoding.UTF8.GetString(subscription.Sid)}\") for {_login.UserForLog} - not authorized");
            removed = true;
        }

        if (removed)
        {
            SignalSend();
        }
    }
}
