using System.Net;
using System.Net.Sockets;
using Nats.Edge.Server.Links;

namespace Nats.Edge.Tests.Unit.Links;

/// <summary>
/// The dial loop every link kind shares, with time stepped by the test: the waits it asks for are
/// recorded and pass at once, and the jitter is fixed at its top.
/// </summary>
public sealed class LinkDiallerTests : IDisposable
{
    private static readonly Backoff Doubling = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), JitterLow: 0.5, JitterHigh: 1);

    private readonly TcpListener _peer = new(IPAddress.Loopback, 0);
    private readonly List<TimeSpan> _waits = [];

    public LinkDiallerTests() => _peer.Start();

    private Uri PeerUrl => new($"nats-leaf://127.0.0.1:{((IPEndPoint)_peer.LocalEndpoint).Port}");

    [Fact]
    public async Task Failed_dials_double_the_wait_and_a_link_that_worked_starts_it_over()
    {
        using var solicitor = new ScriptedSolicitor(
            Enumerable.Repeat(DialTurn.Dial, 4),
            [ScriptedSolicitor.NoLink, ScriptedSolicitor.NoLink, ScriptedSolicitor.NoLink, ScriptedSolicitor.LinkThatClosed]);

        await Dialler([PeerUrl], solicitor).RunAsync(CancellationToken.None);

        Assert.Equal([Seconds(1), Seconds(2), Seconds(4), Seconds(1)], _waits);
    }

    [Fact]
    public async Task A_refused_connect_is_reported_and_counts_as_a_failed_dial()
    {
        using var closedPort = new Socket(SocketType.Stream, ProtocolType.Tcp);
        closedPort.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var refusing = new Uri($"nats-leaf://127.0.0.1:{((IPEndPoint)closedPort.LocalEndPoint!).Port}");
        using var solicitor = new ScriptedSolicitor([DialTurn.Dial, DialTurn.Dial]);

        await Dialler([refusing], solicitor).RunAsync(CancellationToken.None);

        Assert.Empty(solicitor.Dialled);
        Assert.Equal([refusing, refusing], solicitor.Failures.Select(failure => failure.Url));
        Assert.All(solicitor.Failures, failure => Assert.IsType<SocketException>(failure.Error));
        Assert.Equal([Seconds(1), Seconds(2)], _waits);
    }

    [Fact]
    public async Task A_setup_that_throws_is_reported_and_retried()
    {
        using var solicitor = new ScriptedSolicitor(
            [DialTurn.Dial, DialTurn.Dial], [() => throw new InvalidDataException("bad seed"), ScriptedSolicitor.LinkThatClosed]);

        await Dialler([PeerUrl], solicitor).RunAsync(CancellationToken.None);

        Assert.Equal("bad seed", Assert.Single(solicitor.Failures).Error.Message);
        Assert.Equal([PeerUrl, PeerUrl], solicitor.Dialled);
    }

    [Fact]
    public async Task The_next_dial_waits_until_the_link_closes()
    {
        var link = new TaskCompletionSource();
        using var solicitor = new ScriptedSolicitor([DialTurn.Dial], [() => link.Task]);
        var running = Dialler([PeerUrl], solicitor).RunAsync(CancellationToken.None);
        await solicitor.SetUpAsked.Task;

        Assert.Empty(_waits);
        link.SetResult();
        await running;

        Assert.Equal([Seconds(1)], _waits);
    }

    [Fact]
    public async Task A_waiting_turn_passes_without_a_dial()
    {
        using var solicitor = new ScriptedSolicitor([DialTurn.Wait, DialTurn.Wait]);

        await Dialler([PeerUrl], solicitor).RunAsync(CancellationToken.None);

        Assert.Empty(solicitor.Dialled);
        Assert.Equal([Seconds(1), Seconds(1)], _waits);
    }

    [Fact]
    public async Task A_hold_off_replaces_the_next_wait_only()
    {
        LinkDialler? dialler = null;
        using var solicitor = new ScriptedSolicitor(
            [DialTurn.Dial, DialTurn.Dial],
            [
                () =>
                {
                    dialler!.HoldOff(TimeSpan.FromSeconds(30));
                    return null;
                },
                ScriptedSolicitor.NoLink,
            ]);
        dialler = Dialler([PeerUrl], solicitor);

        await dialler.RunAsync(CancellationToken.None);

        Assert.Equal([Seconds(30), Seconds(2)], _waits);
    }

    [Fact]
    public async Task Stopping_the_server_ends_the_dialling_without_an_error()
    {
        using var stopping = new CancellationTokenSource();
        using var solicitor = new ScriptedSolicitor([DialTurn.Dial], [() => new TaskCompletionSource().Task]);
        var running = Dialler([PeerUrl], solicitor).RunAsync(stopping.Token);
        await solicitor.SetUpAsked.Task;

        await stopping.CancelAsync();

        await running;
        Assert.Empty(solicitor.Failures);
    }

    [Fact]
    public async Task A_setup_that_fails_while_the_server_stops_ends_the_dialling_without_an_error()
    {
        // A peer resetting the connection at the moment the server stops, as a hub going away does.
        using var stopping = new CancellationTokenSource();
        using var solicitor = new ScriptedSolicitor(
            [DialTurn.Dial],
            [() =>
            {
                stopping.Cancel();
                throw new IOException("Connection reset by peer");
            }]);

        await Dialler([PeerUrl], solicitor).RunAsync(stopping.Token);

        Assert.Empty(solicitor.Failures);
    }

    public void Dispose() => _peer.Dispose();

    private LinkDialler Dialler(Uri[] urls, ScriptedSolicitor solicitor) => new(
        new DialUrls(urls, defaultPort: 7422),
        Doubling,
        solicitor,
        wait: (wait, _) =>
        {
            _waits.Add(wait);
            return Task.CompletedTask;
        },
        draw: () => 1);

    private static TimeSpan Seconds(int seconds) => TimeSpan.FromSeconds(seconds);
}
