namespace Nats.Edge.Server.Connections;

/// <summary>
/// How much one receive asks for, sized as nats-server sizes its reads: small while a connection is
/// quiet, so an idle one costs little, doubling while reads fill the buffer, halving once they fall
/// below a quarter of it.
/// </summary>
internal struct ReadSizing()
{
    public const int Min = 512;
    public const int Max = 64 * 1024;

    public int Size { get; private set; } = Min;

    /// <summary>Takes the length of the read just done; true when it did not fill the buffer, so it emptied the socket.</summary>
    public bool Update(int read)
    {
        var drained = read < Size;
        Size = read >= Size ? Math.Min(Size * 2, Max)
            : read < Size / 4 ? Math.Max(Size / 2, Min)
            : Size;
        return drained;
    }
}
