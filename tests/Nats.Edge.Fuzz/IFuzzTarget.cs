namespace Nats.Edge.Fuzz;

/// <summary>
/// One piece of nats-edge that reads bytes from outside. <see cref="Run"/> takes any input; it may
/// refuse it in the documented way (a protocol error, an exception type the caller handles), and
/// anything else it throws, or any hang, is a bug the fuzzer reports.
/// </summary>
internal interface IFuzzTarget
{
    /// <summary>The name on the command line and the corpus folder's.</summary>
    string Name { get; }

    void Run(ReadOnlySpan<byte> input);
}
