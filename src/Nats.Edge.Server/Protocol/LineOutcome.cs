namespace Nats.Edge.Server.Protocol;

/// <summary>What became of one control line in <see cref="ProtocolFramer"/>.</summary>
internal enum LineOutcome
{
    /// <summary>Handled (with its payload, for PUB/HPUB); read on.</summary>
    Handled,

    /// <summary>A PUB/HPUB whose payload has not all arrived: nothing consumed, wait for the next read.</summary>
    Incomplete,

    /// <summary>Refused or broke the stream: read no further.</summary>
    Stop,
}
