namespace Nats.Edge.Server.Protocol;

/// <summary>What the bytes at the start of a control line say about its operation name.</summary>
internal enum OpNameStatus
{
    /// <summary>A complete, known op name followed by what it allows.</summary>
    Known,

    /// <summary>So far a valid prefix of some op; more bytes are needed to tell.</summary>
    Incomplete,

    /// <summary>No client op starts like this: 'Unknown Protocol Operation'.</summary>
    Unknown,
}
