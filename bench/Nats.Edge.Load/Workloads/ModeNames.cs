namespace Nats.Edge.Load.Workloads;

/// <summary>Command-line spellings of <see cref="Mode"/>.</summary>
internal static class ModeNames
{
    public static Mode Parse(string text) => text.ToUpperInvariant() switch
    {
        "PUB" => Mode.Pub,
        "PUBSUB" => Mode.PubSub,
        "FANOUT" => Mode.Fanout,
        "QUEUE" => Mode.Queue,
        "REQREP" => Mode.ReqRep,
        _ => throw new ArgumentException($"unknown --mode '{text}' (pub, pubsub, fanout, queue, reqrep)"),
    };

    public static string Name(Mode mode) => mode switch
    {
        Mode.Pub => "pub",
        Mode.PubSub => "pubsub",
        Mode.Fanout => "fanout",
        Mode.Queue => "queue",
        _ => "reqrep",
    };
}
