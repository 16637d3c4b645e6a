using System.Net.Sockets;
using Nats.Edge.Load.Cli;
using Nats.Edge.Load.Compare;
using Nats.Edge.Load.Outbox;

try
{
    var arguments = new Arguments(args);
    if (arguments.Has("help") || arguments.Command == "help")
    {
        Console.WriteLine(Usage.Text);
        return 0;
    }

    return arguments.Command switch
    {
        null => LoadCommand.Run(arguments),
        "compare" => CompareCommand.Run(arguments),
        "leaf-compare" => LeafCompareCommand.Run(arguments),
        "cluster-compare" => ClusterCompareCommand.Run(arguments),
        "gateway-compare" => GatewayCompareCommand.Run(arguments),
        "outbox" => OutboxCommand.Run(arguments),
        "compression" => Nats.Edge.Load.Compression.CompressionCommand.Run(arguments),
        "soak" => Nats.Edge.Load.Soak.SoakCommand.Run(arguments),
        _ => throw new ArgumentException($"unknown command '{arguments.Command}'"),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"nats-edge-load: {e.Message} (see --help)");
    return 2;
}
catch (Exception e) when (e is IOException or SocketException or TimeoutException or NotSupportedException or OperationCanceledException)
{
    Console.Error.WriteLine($"nats-edge-load: {e.Message}");
    return 1;
}
