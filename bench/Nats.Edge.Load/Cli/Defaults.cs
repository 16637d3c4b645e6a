namespace Nats.Edge.Load.Cli;

/// <summary>Defaults sized so a full two-server comparison takes 2–3 minutes on 2 cores.</summary>
internal static class Defaults
{
    public const string Url = "nats://127.0.0.1:4222";

    // 1M messages: long enough that connection setup and JIT warm-up are noise, short enough for a Pi.
    public const long Messages = 1_000_000;

    // 20k round trips: enough samples for a stable p99.9 (20 samples above it).
    public const long Requests = 20_000;

    // 5k round trips across a gateway: one takes ~300 µs on 2 shared cores, so a full gateway-compare
    // with both clients stays near three minutes; p99.9 is then the 5th-slowest sample.
    public const long GatewayRequests = 5_000;

    // 16 B: the payload size nats bench defaults to, so results line up with published numbers.
    public const int Size = 16;

    public const int TimeoutSeconds = 30;

    // 64 MiB: nats-server's largest configurable max_payload.
    public const int MaxSize = 64 * 1024 * 1024;

    // The comparisons' contenders: this repository's linux-x64 publish output and Debian's nats-server.
    public const string Edge = "artifacts/linux-x64/nats-edge";

    public const string Reference = "/usr/sbin/nats-server";

    // 5 rounds: the median then ignores two disturbed runs per server, and the default comparison
    // still ends within about two minutes on 2 cores.
    public const int Rounds = 5;

    // 10 s: an AOT binary is up in milliseconds, a JIT-started .dll in under a second, even on a Pi.
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);
}
