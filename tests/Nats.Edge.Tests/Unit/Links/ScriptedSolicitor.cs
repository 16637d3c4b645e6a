using System.Net.Sockets;
using Nats.Edge.Server.Links;

namespace Nats.Edge.Tests.Unit.Links;

/// <summary>
/// A link kind that plays a script: the turns it gives, then what each dial's setup yields (a link
/// that closes when the test says, no link, or an exception). Once a script runs out it stops the dialler.
/// </summary>
internal sealed class ScriptedSolicitor : ISolicitor, IDisposable
{
    private readonly Queue<DialTurn> _turns;
    private readonly Queue<Func<Task?>> _setUps;
    private readonly List<Socket> _sockets = [];

    public ScriptedSolicitor(IEnumerable<DialTurn> turns, IEnumerable<Func<Task?>>? setUps = null)
    {
        _turns = new Queue<DialTurn>(turns);
        _setUps = new Queue<Func<Task?>>(setUps ?? []);
    }

    /// <summary>The URLs whose dial connected and reached the setup.</summary>
    public List<Uri> Dialled { get; } = [];

    public List<(Uri Url, Exception Error)> Failures { get; } = [];

    /// <summary>Completes when a setup has been asked for.</summary>
    public TaskCompletionSource SetUpAsked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DialTurn NextTurn() => _turns.TryDequeue(out var turn) ? turn : DialTurn.Stop;

    public Task<Task?> SetUpLinkAsync(Socket socket, Uri url, CancellationToken firstWordsDeadline, CancellationToken stopping)
    {
        Dialled.Add(url);
        _sockets.Add(socket);
        SetUpAsked.TrySetResult();
        return Task.FromResult(_setUps.Dequeue()());
    }

    public void OnDialFailed(Uri url, Exception error)
    {
        Failures.Add((url, error));
    }

    public void Dispose()
    {
        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }
    }

    /// <summary>A setup that yields a link which closed at once.</summary>
    public static Task? LinkThatClosed() => Task.CompletedTask;

    /// <summary>A setup that yields no link, as when the peer's port is not the right kind.</summary>
    public static Task? NoLink() => null;
}
