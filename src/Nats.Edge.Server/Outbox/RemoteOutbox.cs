using Nats.Edge.Server.Embedded;
using Nats.Edge.Server.Leafnodes;
using Nats.Edge.Server.Security;

namespace Nats.Edge.Server.Outbox;

/// <summary>
/// A leafnode remote's outbox: its log on disk, the capture that fills it from the remote's account
/// and the forwarder that empties it up the remote's uplink. Opened before the server takes its first
/// client, so nothing published on these subjects escapes the log.
/// </summary>
internal sealed class RemoteOutbox : IDisposable
{
    private readonly OutboxLog _log;
    private readonly OutboxCapture _capture;
    private readonly OutboxForwarder _forwarder;
    private readonly SubjectPatternList _subjects;

    private RemoteOutbox(NatsServer server, RemoteLeafOptions remote, OutboxOptions options, Account account, OutboxLog log)
    {
        _log = log;
        Remote = remote;
        Options = options;
        Name = remote.Urls[0].Host;
        _subjects = new SubjectPatternList(options.Subjects);
        _capture = new OutboxCapture(server, account, options.Subjects, log);
        _forwarder = new OutboxForwarder(new InProcessClient(server, account.Name), options, log, server.Log, Name);
        _log.Synced += _ => _forwarder.Wake();
    }

    public RemoteLeafOptions Remote { get; }

    public OutboxOptions Options { get; }

    /// <summary>The remote's first hub host, as logs and monitoring name the outbox.</summary>
    public string Name { get; }

    public OutboxLog Log => _log;

    public OutboxForwarder Forwarder => _forwarder;

    /// <summary>Opens (or recovers) the log in its directory and starts capturing.</summary>
    public static RemoteOutbox Open(NatsServer server, RemoteLeafOptions remote, OutboxOptions options)
    {
        foreach (var subject in options.Subjects)
        {
            if (!SubjectRules.IsValidSubscription(Encoding.UTF8.GetBytes(subject)))
            {
                throw new ServerOptionsException($"outbox subject \"{subject}\" is not a valid subject");
            }
        }

        var account = server.Accounts.Find(remote.Account);
        var log = OutboxLog.Open(options.Log, server.Log, server.OutboxFiles);
        try
        {
            return new RemoteOutbox(server, remote, options, account, log);
        }
        catch
        {
            log.Dispose();
            throw;
        }
    }

    /// <summary>Whether the uplink leaves <paramref name="subject"/> to the forwarder instead of sending it the ordinary way.</summary>
    public bool Captures(ReadOnlySpan<byte> subject) => _subjects.Covers(subject);

    public void LinkReady(LeafConnection link) => _forwarder.Start(link);

    public void Dispose()
    {
        _capture.Dispose();
        _forwarder.Dispose();
        _log.Dispose();
    }
}
