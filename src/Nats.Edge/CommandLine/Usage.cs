namespace Nats.Edge.CommandLine;

/// <summary>The text of <c>nats-edge -h</c>.</summary>
internal static class Usage
{
    public const string Text = """
        Usage: nats-edge [options]

        Server Options:
            -a, --addr, --net <host>         Bind to host address (default: 0.0.0.0)
            -p, --port <port>                Use port for clients (default: 4222, -1 for random)
            -n, --name, --server_name <name> Server name (default: the server id)
            -m, --http_port <port>           Use port for http monitoring (-1 for random)
            -c, --config <file>              Configuration file (JSON, nats-server key names)
            -t                               Test the configuration file and exit
            -P, --pid <file>                 File to store the process id
                --ports_file_dir <dir>       Write nats-edge_<pid>.ports with the ports listened on
            -sl, --signal <cmd>[=<pid>]      Send a signal to a running nats-edge: ldm, stop, quit,
                                             term, reopen, reload (pid: a number or a pid file)
            -h, --help                       Show this message
            -v, --version                    Show version

        Logging Options:
            -l, --log <file>                 File to redirect log output
                --log_size_limit <size>      Rotate the log file past this size (e.g. 10MB)
            -T, --logtime                    Timestamp log entries (default: true; -T=false to drop)
                --logtime_utc                Timestamps in UTC
            -s, --syslog                     Log to the local syslog daemon (/dev/log)
            -r, --remote_syslog <url>        Log to a syslog server (udp://host:514)
            -D, --debug                      Enable debugging output
            -V, --trace                      Trace the raw protocol
            -VV                              Same as -V
            -DV, -DVV                        Debug and trace

        Authorization Options:
                --user <user>                User required for connections
                --pass <password>            Password required for connections
                --auth <token>               Authorization token required for connections

        Cluster Options:
                --cluster <url>              Accept routes on url (nats://[user:pass@]host:port, -1 port: random)
                --routes <url,url>           Routes to dial (nats-route://[user:pass@]host:port)
                --cluster_name <name>        Cluster name (default: generated)

        Leafnode Options:
                --leafnode <url>             Join the hub at url as a leafnode, in account $G
                                             (nats-leaf://[user:pass@]host[:7422]; repeat for more hubs)

        Limits:
                --max_payload <size>         Largest message payload (default: 1MB)
        """;
}
