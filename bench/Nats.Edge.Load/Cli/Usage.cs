namespace Nats.Edge.Load.Cli;

/// <summary>The <c>--help</c> text.</summary>
internal static class Usage
{
    public const string Text = """
        nats-edge-load: NATS load generator.

        One server, by URL:
          nats-edge-load [--mode pub|pubsub|fanout|queue|reqrep] [--url nats://127.0.0.1:4222]
                         [--msgs N] [--size BYTES] [--pubs N] [--subs N] [--timeout S]

            pub      publishers only
            pubsub   publishers → 1 subscriber (default mode)
            fanout   publishers → each of --subs subscribers (default 4)
            queue    publishers → --subs subscribers in one queue group (default 4)
            reqrep   one request in flight, round-trip p50/p99/p99.9 (--msgs is the request count)

          --msgs     messages published in total (default 1,000,000; reqrep 20,000)
          --size     payload bytes (default 16)
          --pubs     publishing connections sharing --msgs (default 1)
          --timeout  seconds to wait for connections, flushes and deliveries (default 30)

        """;
}
