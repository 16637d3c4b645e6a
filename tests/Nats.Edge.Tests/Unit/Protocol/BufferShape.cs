namespace Nats.Edge.Tests.Unit.Protocol;

/// <summary>How the bytes handed to the reader are laid out in memory.</summary>
public enum BufferShape
{
    /// <summary>What is left from the last read and the new bytes copied into one array.</summary>
    Contiguous,

    /// <summary>Each read appended as its own segment after what is left, as a pipe does.</summary>
    SegmentPerRead,

    /// <summary>Every byte its own segment: every line and payload straddles a boundary.</summary>
    SegmentPerByte,
}
