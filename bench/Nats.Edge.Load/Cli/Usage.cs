namespace Nats.Edge.Load.Cli;

/// <summary>The <c>--help</c> text.</summary>
internal static class Usage
{
    public const string Text = """
        nats-edge-load: NATS load generator and side-by-side server comparison.

        One server, by URL:
          nats-edge-load [--mode pub|pubsub|fanout|queue|reqrep] [--url nats://127.0.0.1:4222]
                         [--client raw|natsnet] [--msgs N] [--size BYTES] [--pubs N] [--subs N] [--timeout S]

            pub      publishers only
            pubsub   publishers → 1 subscriber (default mode)
            fanout   publishers → each of --subs subscribers (default 4)
            queue    publishers → --subs subscribers in one queue group (default 4)
            reqrep   one request in flight, round-trip p50/p90/p99/p99.9 (--msgs is the request count)

          --client   raw: this tool's own sockets, the least client cost (default);
                     natsnet: NATS.Net, the official C# client, one connection per publisher and subscriber
          --msgs     messages published in total (default 1,000,000; reqrep 20,000)
          --size     payload bytes (default 16)
          --pubs     publishing connections sharing --msgs (default 1)
          --timeout  seconds to wait for connections, flushes and deliveries (default 30)

        nats-edge against nats-server, alternating, each started fresh on a free 127.0.0.1 port:
          nats-edge-load compare [--sizes] [--rounds R] [--best] [--edge PATH | --edge-cmd "CMD ARGS"]
                                 [--ref PATH] [--msgs N] [--size BYTES] [--subs N] [--requests N]
                                 [--workloads LIST] [--client LIST] [--timeout S]

          --edge      nats-edge binary (default artifacts/linux-x64/nats-edge); a .dll runs with dotnet
          --edge-cmd  any command line standing in for nats-edge, split on spaces
          --ref       reference server (default /usr/sbin/nats-server)
          --rounds    runs per server and workload, median reported (default 5)
          --best      report each server's best round instead of the median
          --workloads comma-separated subset of pub,pubsub,fanout,queue,reqrep (default all)
          --sizes     pubsub throughput at 16 B … 64 KiB instead of the workload table
          --requests  reqrep round trips (default 20,000)
          --client    raw, natsnet, raw,natsnet or both: a row per workload and client (default raw)
          Both servers get "-a 127.0.0.1 -p PORT" appended.

        The board's uplink: a nats-server hub with, as its leafnode, nats-edge or nats-server in turn;
        one publisher on the leaf, one subscriber on the hub, every message crossing the link:
          nats-edge-load leaf-compare [--edge PATH] [--ref PATH] [--rounds R] [--msgs N] [--size BYTES] [--timeout S]

        A cluster of two: a nats-edge pair or a nats-server pair, one publisher on one server and one
        subscriber on the other, every message crossing the route:
          nats-edge-load cluster-compare [--edge PATH] [--ref PATH] [--rounds R] [--msgs N] [--size BYTES] [--timeout S]

        A super-cluster of two: clusters A and B of one server each, a nats-edge pair or a nats-server pair,
        joined by a gateway both dial; publisher and requester on A, subscriber and responder on B:
          nats-edge-load gateway-compare [--edge PATH] [--ref PATH] [--rounds R] [--best] [--msgs N] [--size BYTES]
                                         [--requests N] [--workloads pubsub,reqrep] [--client LIST] [--timeout S]

          --requests  reqrep round trips across the gateway (default 5,000)
          --client    raw, natsnet, raw,natsnet or both, as for compare (default raw)
          CPU and peak RSS are both servers' of the pair, summed.

        Leafnode compression, nats-edge board → nats-edge hub:
          nats-edge-load compression [--edge PATH] [--msgs N] [--batch B] [--modes LIST] [--timeout S]

          JSON sensor readings (--msgs, default 200,000; --batch per write, default 100) cross the
          link once per mode (--modes, default off,s2_auto,s2_fast,s2_better,s2_best, set on both
          sides); prints the bytes before and after S2 (/leafz) and each server's CPU per million.

        Soak, a board in service for a long run:
          nats-edge-load soak [--edge PATH] [--hub PATH] [--minutes M] [--interval S] [--csv FILE] [--plot FILE]

          A nats-edge board (simulated sensors, leaf link to --hub, default nats-server when installed)
          carries NATS.Net pub/sub, a queue group, request-reply, traffic both ways over the link and a
          client coming and going twice a second for --minutes (default 60). Every --interval seconds
          (default 5) its RSS, threads, open handles, collections and heap go to --csv (soak.csv);
          --plot (soak.svg) draws them. Exits 1 unless RSS and handles stay flat after warm-up and
          every stream keeps delivering.

        Store and forward, on nats-edge alone:
          nats-edge-load outbox [--only capture|drain|both] [--edge PATH] [--ref PATH] [--client LIST]
                                [--rounds R] [--msgs N] [--drain-rounds R] [--drain-msgs N]
                                [--baseline tasks|concurrent] [--baseline-msg-id] [--size BYTES] [--timeout S]

          capture: pub → sub on one nats-edge whose hub is unreachable, without and then with an outbox
                   on the workload's subject (max_bytes 1GB, a temporary dir), --rounds each (default 5),
                   --msgs per run (default 1,000,000), per --client; prints with/without and the bytes
                   the outbox wrote per message (/outboxz bytes_written)
          drain:   --ref as a JetStream hub with stream SENSORS (devices.>). Each of --drain-rounds
                   (default 3): one NATS.Net client publishes --drain-msgs (default 200,000) into the
                   stream, acks pipelined; then the board fills its outbox with the hub down, the hub
                   restarts, and the drain is timed from the uplink up until the stream holds them all
          --baseline tasks: PublishAsync tasks (default, the faster here); concurrent: PublishConcurrentAsync
                     futures; 1024 in flight either way, awaited oldest first
          --baseline-msg-id  the client gives each publish a Nats-Msg-Id, as the outbox does
          A first drain round runs as a warm-up and is not counted.
        """;
}
