namespace Nats.Edge.Load.Cli;

/// <summary>Defaults sized so a full two-server comparison takes 2–3 minutes on 2 cores.</summary>
internal static class Defaults
{
    public const string Url = "nats://127.0.0.1:4222";

    // 1M messages: long enough that connection setup and JIT warm-up are noise, short enough for a Pi.
    public const long Messages = 1_000_000;

    // 20k round trips: enough samples for a stable p99.9 (20 samples above it).
    public const long Requests = 20_000;

    // 16 B: the payload size nats bench defaults to, so results line up with published numbers.
    public const int Size = 16;

    public const int TimeoutSeconds = 30;

    // 64 MiB: nats-server's largest configurable max_payload.
    public const int MaxSize = 64 * 1024 * 1024;
}
