using System.Net.Sockets;

namespace Nats.Edge.Server.Links;

/// <summary>
/// Keeps one link to another server up, whatever its kind: dials the <see cref="DialUrls"/> in turn,
/// hands each connected socket to the link kind's <see cref="ISolicitor"/>, waits while the link it
/// set up lives, and after a failed dial or a closed link waits as the <see cref="Backoff"/> says
/// before dialling again. Ends when the server stops or the solicitor says so.
/// </summary>
internal sealed class LinkDialler
{
    // A peer that has not accepted, or not said its first words, within this time is out of reach for this turn.
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    private readonly Lock _sync = new();
    private readonly Backoff _backoff;
    private readonly ISolicitor _solicitor;
    private readonly Func<TimeSpan, CancellationToken, Task> _wait;
    private readonly Func<double> _draw;
    private readonly TimeSpan _dialTimeout;
    private readonly TimeSpan _firstWordsTimeout;
    private readonly ProxyOptions? _proxy;
    private TimeSpan? _holdOff;
    private CancellationTokenSource? _waiting;

    /// <param name="urls">Where to dial.</param>
    /// <param name="backoff">The waits between dials.</param>
    /// <param name="solicitor">The link kind's part.</param>
    /// <param name="wait">Waits between dials; <see cref="Task.Delay(TimeSpan, CancellationToken)"/> unless a test steps time itself.</param>
    /// <param name="draw">Places each wait within the backoff's jitter (0 to 1); random unless a test fixes it.</param>
    /// <param name="dialTimeout">Time the TCP connect may take (2 s).</param>
    /// <param name="firstWordsTimeout">Time the peer has, once connected, for what the solicitor waits for first (2 s).</param>
    /// <param name="proxy">An HTTP proxy every dial goes through; its timeout replaces the dial's.</param>
    public LinkDialler(
        DialUrls urls,
        Backoff backoff,
        ISolicitor solicitor,
        Func<TimeSpan, CancellationToken, Task>? wait = null,
        Func<double>? draw = null,
        TimeSpan? dialTimeout = null,
        TimeSpan? firstWordsTimeout = null,
        ProxyOptions? proxy = null)
    {
        Urls = urls;
        _backoff = backoff;
        _solicitor = solicitor;
        _wait = wait ?? Task.Delay;
        _draw = draw ?? Random.Shared.NextDouble;
        _dialTimeout = dialTimeout ?? DefaultTimeout;
        _firstWordsTimeout = firstWordsTimeout ?? DefaultTimeout;
        _proxy = proxy;
    }

    public DialUrls Urls { get; }

    /// <summary>
    /// The peer refused the link for a reason that will not pass soon: the next wait is
    /// <paramref name="wait"/>, whatever the backoff would say.
    /// </summary>
    public void HoldOff(TimeSpan wait)
    {
        lock (_sync)
        {
            _holdOff = wait;
        }
    }

    /// <summary>
    /// The peer is known to be up (it dialled this server): the wait before the next dial ends now,
    /// unless a hold-off set it. A dial already under way is left alone.
    /// </summary>
    public void DialNow()
    {
        lock (_sync)
        {
            _waiting?.Cancel();
        }
    }

    /// <summary>Dials and redials until <paramref name="stopping"/> is cancelled or the solicitor stops it; never throws.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            var failures = 0;
            while (!stopping.IsCancellationRequested)
            {
                var turn = _solicitor.NextTurn();
                if (turn == DialTurn.Stop)
                {
                    return;
                }

                if (turn == DialTurn.Dial)
                {
                    if (await DialAsync(Urls.Next(), stopping).ConfigureAwait(false) is { } closed)
                    {
                        failures = 0;
                        await closed.WaitAsync(stopping).ConfigureAwait(false);
                    }
                    else
                    {
                        failures++;
                    }
                }

                await WaitAsync(NextWait(failures), stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The server stops, and the dialling with it.
        }
    }

    // The wait between dials, which DialNow may cut short.
    private async Task WaitAsync(TimeSpan wait, CancellationToken stopping)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        lock (_sync)
        {
            _waiting = waiting;
        }

        try
        {
            await _wait(wait, waiting.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            // Cut short by DialNow.
        }
        finally
        {
            lock (_sync)
            {
                _waiting = null;
            }
        }
    }

    private TimeSpan NextWait(int failures)
    {
        lock (_sync)
        {
            var wait = _holdOff ?? _backoff.Delay(failures, _draw());
            _holdOff = null;
            return wait;
        }
    }

    // The task that completes when the link set up over this dial closes; null when the dial failed.
    private async Task<Task?> DialAsync(Uri url, CancellationToken stopping)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Task? closed = null;
        try
        {
            using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(stopping))
            {
                if (_proxy is { } proxy)
                {
                    connecting.CancelAfter(proxy.Timeout ?? _dialTimeout);
                    await HttpProxyTunnel.OpenAsync(socket, proxy, url.Host, Urls.PortOf(url), connecting.Token).ConfigureAwait(false);
                }
                else
                {
                    connecting.CancelAfter(_dialTimeout);
                    await socket.ConnectAsync(url.Host, Urls.PortOf(url), connecting.Token).ConfigureAwait(false);
                }
            }

            using var firstWords = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            firstWords.CancelAfter(_firstWordsTimeout);
            closed = await _solicitor.SetUpLinkAsync(socket, url, firstWords.Token, stopping).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever goes wrong with one dial (a bad seed or certificate file included) is reported and retried; a link must not die silently.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // While the server stops, a dial cut short (cancelled, or reset by a peer going away at
            // the same moment) is no failure to report, and must not escape the loop.
            if (!stopping.IsCancellationRequested)
            {
                _solicitor.OnDialFailed(url, ex);
            }
        }
        finally
        {
            if (closed is null)
            {
                socket.Dispose();
            }
        }

        return closed;
    }
}
