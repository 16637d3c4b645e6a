using System.Text;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Server.Connections;
using Nats.Edge.Server.Protocol;
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
        if (IsClosing || !Volatile.Read(ref _connectReceived))
        {
            // Not logged in yet: its CONNECT meets the new rules when it comes.
            return;
        }

        // A user now in another account would need its subscriptions moved; nats-server closes
        // such a connection too, and the client's reconnect logs it in afresh.
        if (authenticator.Authenticate(_connect, _nonce, ClientCertificate) is not { } user || user.Account != Account)
        {
            Server.Log.Error($"{this} - {authenticator.DescribeFailure(_connect)}");
            CloseWithError(ProtocolErrors.AuthorizationViolation, CloseReason.AuthenticationViolation);
            return;
        }

        LogIn(user);
        if (user.Permissions is { } permissions)
        {
            RemoveForbiddenSubscriptions(user, permissions);
        }
    }

    private void RemoveForbiddenSubscriptions(User user, Permissions permissions)
    {
        var removed = false;
        foreach (var subscription in _subscriptions.Snapshot())
        {
            if (permissions.MaySubscribe(subscription.Subject, subscription.Queue))
            {
                continue;
            }

            RemoveSubscription(subscription);
            Outbound.Append(ProtocolErrors.RemovedSubscription(subscription.Subject, subscription.Sid));
            Server.Log.Info(
                $"Removed sub \"{Encoding.UTF8.GetString(subscription.Subject)}\" (sid \"{Encoding.UTF8.GetString(subscription.Sid)}\") for {user.LogName} - not authorized");
            removed = true;
        }

        if (removed)
        {
            SignalSend();
        }
    }
}
