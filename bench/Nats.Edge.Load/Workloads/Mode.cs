namespace Nats.Edge.Load.Workloads;

/// <summary>The traffic shapes the tool generates, named as on the command line.</summary>
internal enum Mode
{
    /// <summary>Publishers only; nothing subscribes.</summary>
    Pub,

    /// <summary>Every publisher's messages reach one subscriber.</summary>
    PubSub,

    /// <summary>Every message reaches each of N subscribers.</summary>
    Fanout,

    /// <summary>N subscribers in one queue group share the messages: each goes to one of them.</summary>
    Queue,

    /// <summary>One request at a time to a responder; round-trip latency.</summary>
    ReqRep,
}
