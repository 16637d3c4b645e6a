using Nats.Edge.Server.Outbox;
using Nats.Edge.Server.Reloading;

namespace Nats.Edge.Server.Leafnodes;

/// <summary>
/// The leafnode remotes while the server runs, each with its dial loop and its outbox. A reload
/// changes them as nats-server 2.14 does, touching only the links that changed: a remote that is
/// gone or newly <c>disabled</c> is stopped and its link closed; one that is new or enabled again
/// starts dialling; one whose <c>tls</c> changed keeps its link and uses the new TLS from its next
/// dial; one whose <c>compression</c> changed is set up again to agree on it. A remote is known by its URLs, account and credentials: changing those is a removal and
/// an addition.
/// </summary>
internal sealed class LeafRemotes(NatsServer server)
{
    private readonly Lock _sync = new();
    private readonly List<Task> _loops = [];
    private List<Remote> _remotes = [];
    private CancellationToken _stopping;

    /// <summary>Each remote's outbox, in the order of the remotes; null for a remote without one.</summary>
    public IReadOnlyList<RemoteOutbox?> Outboxes
    {
        get
        {
            lock (_sync)
            {
                return _remotes.ConvertAll(static remote => remote.Outbox);
            }
        }
    }

    /// <summary>Opens the remotes' outboxes: before the first client, so nothing published on their subjects escapes.</summary>
    public void Open(IReadOnlyList<RemoteLeafOptions> remotes)
    {
        lock (_sync)
        {
            foreach (var options in remotes)
            {
                NoteSystemAccountLimits(options);
                _remotes.Add(new Remote(options, OpenOutbox(options)));
            }
        }
    }

    // A remote bound to the system account carries the fleet's requests and events. nats-server
    // adds no permissions of its own there: it says at start when the config's deny lists narrow
    // what the hub may ask or hear, and so does nats-edge, in the same words.
    private void NoteSystemAccountLimits(RemoteLeafOptions options)
    {
        if (options.Account != server.Options.SystemAccount)
        {
            return;
        }

        if (options.DenyExports.Count > 0)
        {
            server.Log.Info("Remote for System Account uses restricted export permissions");
        }

        if (options.DenyImports.Count > 0)
        {
            server.Log.Info("Remote for System Account uses restricted import permissions");
        }
    }

    /// <summary>Starts dialling every remote that is not disabled.</summary>
    public void Start(CancellationToken stopping)
    {
        lock (_sync)
        {
            _stopping = stopping;
            foreach (var remote in _remotes)
            {
                StartDialling(remote);
            }
        }
    }

    /// <summary>Throws <see cref="ServerOptionsException"/> when a kept remote changed more than a reload may change.</summary>
    public void CheckReload(IReadOnlyList<RemoteLeafOptions> reloaded)
    {
        lock (_sync)
        {
            foreach (var options in reloaded)
            {
                if (Find(_remotes, options) is { } running
                    && OptionChange.FirstDifference(Reloadable(running.Options), Reloadable(options), OptionsJsonContext.Default.RemoteLeafOptions) is { } field)
                {
                    throw new ServerOptionsException($"config reload not supported for LeafNode: remote {Describe(options)}: field \"{field}\"");
                }
            }
        }
    }

    /// <summary>Runs on with <paramref name="reloaded"/>, which <see cref="CheckReload"/> passed.</summary>
    public void Reload(IReadOnlyList<RemoteLeafOptions> reloaded)
    {
        lock (_sync)
        {
            var next = new List<Remote>(reloaded.Count);
            foreach (var options in reloaded)
            {
                if (Find(_remotes, options) is not { } running)
                {
                    var added = new Remote(options, OpenOutbox(options));
                    server.Log.Info($"Reloaded: LeafNode Remote {Describe(options)} added");
                    StartDialling(added);
                    next.Add(added);
                    continue;
                }

                var wasDisabled = running.Options.Disabled;
                var compressionChanged = running.Options.Compression != options.Compression;
                running.Options = options;
                running.Solicitor?.UseRemote(options);
                if (compressionChanged && !options.Disabled && !wasDisabled)
                {
                    // Compression is agreed when the link is set up: the link goes down and comes back with
                    // the new mode after the reconnect delay, as nats-server's does. Redialled at once, it
                    // can reach the hub before the hub has dropped the old link's interest, and take the
                    // hub's echo of it for a loop.
                    server.Log.Info($"Reloaded: LeafNode Remote {Describe(options)} Compression value is: {options.Compression.Mode}");
                    StopDialling(running);
                    StartDialling(running, after: server.Options.Leafnodes?.ReconnectDelay ?? TimeSpan.FromSeconds(1));
                }
                else if (wasDisabled != options.Disabled)
                {
                    server.Log.Info($"Reloaded: LeafNode Remote {Describe(options)} Disabled value is: {(options.Disabled ? "true" : "false")}");
                    if (options.Disabled)
                    {
                        StopDialling(running);
                    }
                    else
                    {
                        StartDialling(running);
                    }
                }

                next.Add(running);
            }

            foreach (var gone in _remotes)
            {
                if (!next.Contains(gone))
                {
                    server.Log.Info($"Reloaded: LeafNode Remote {Describe(gone.Options)} removed");
                    StopDialling(gone);
                    gone.Outbox?.Dispose();
                }
            }

            _remotes = next;
        }
    }

    /// <summary>Waits for every dial loop to end; the server's stop has cancelled them.</summary>
    public async Task StopAsync()
    {
        Task loops;
        lock (_sync)
        {
            loops = Task.WhenAll(_loops);
        }

        await loops.ConfigureAwait(false);
        lock (_sync)
        {
            foreach (var remote in _remotes)
            {
                remote.Stop?.Dispose();
            }
        }
    }

    /// <summary>Closes the outboxes, last, so what the closing connections published is on disk.</summary>
    public void CloseOutboxes()
    {
        lock (_sync)
        {
            foreach (var remote in _remotes)
            {
                remote.Outbox?.Dispose();
            }
        }
    }

    private RemoteOutbox? OpenOutbox(RemoteLeafOptions options) =>
        options.Outbox is { } outbox ? RemoteOutbox.Open(server, options, outbox) : null;

    // Under _sync.
    private void StartDialling(Remote remote, TimeSpan after = default)
    {
        if (remote.Options.Disabled || _stopping.IsCancellationRequested)
        {
            return;
        }

        var solicitor = new LeafSolicitor(server, remote.Options, server.Accounts.Find(remote.Options.Account), remote.Outbox);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
        remote.Solicitor = solicitor;
        remote.Stop = stop;
        _loops.RemoveAll(static loop => loop.IsCompleted);
        _loops.Add(Task.Run(
            async () =>
            {
                if (after > TimeSpan.Zero && !await Delay(after, stop.Token).ConfigureAwait(false))
                {
                    return;
                }

                await solicitor.RunAsync(stop.Token).ConfigureAwait(false);
            },
            CancellationToken.None));
    }

    // Under _sync: the loop ends and the link it keeps closes, as nats-server closes a removed remote's.
    private void StopDialling(Remote remote)
    {
        if (remote.Solicitor is not { } solicitor)
        {
            return;
        }

        remote.Stop!.Cancel();
        remote.Stop.Dispose();
        remote.Solicitor = null;
        remote.Stop = null;
        foreach (var link in server.Connections.Of<LeafConnection>())
        {
            if (link.Solicitor == solicitor)
            {
                link.Close(CloseReason.ClientClosed);
            }
        }
    }

    // False when stopped first.
    private static async Task<bool> Delay(TimeSpan wait, CancellationToken stop)
    {
        try
        {
            await Task.Delay(wait, stop).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static Remote? Find(List<Remote> remotes, RemoteLeafOptions options)
    {
        var identity = Identity(options);
        return remotes.Find(remote => Identity(remote.Options) == identity);
    }

    // What names a remote for a reload, as nats-server names it: its URLs, account and credentials.
    private static string Identity(RemoteLeafOptions options) =>
        $"{string.Join(' ', options.Urls)}|{options.Account ?? Account.GlobalName}|{options.CredentialsFile}|{options.NkeySeed}";

    // The parts a reload may change are left out of the comparison.
    private static RemoteLeafOptions Reloadable(RemoteLeafOptions options) =>
        options with { Tls = null, Disabled = false, Compression = new RemoteLeafOptions { Urls = [] }.Compression };

    // For the log: no password from a URL, no seed.
    private static string Describe(RemoteLeafOptions options) =>
        $"urls=[{string.Join(", ", options.Urls.Select(static url => $"{url.Scheme}://{url.Host}:{url.Port}"))}], account=\"{options.Account ?? Account.GlobalName}\"";

    private sealed class Remote(RemoteLeafOptions options, RemoteOutbox? outbox)
    {
        public RemoteLeafOptions Options { get; set; } = options;

        public RemoteOutbox? Outbox { get; } = outbox;

        public LeafSolicitor? Solicitor { get; set; }

        public CancellationTokenSource? Stop { get; set; }
    }
}
