using Nats.Edge.Fuzz;

// nats-edge-fuzz TARGET              under afl-fuzz (tests/Nats.Edge.Fuzz/fuzz.sh sets it up)
// nats-edge-fuzz TARGET FILE|DIR...  runs each input once; exit 1 if any of them fails
// nats-edge-fuzz list                the targets
// nats-edge-fuzz seed DIR            writes the starting corpus into DIR
if (args is ["seed", var folder])
{
    return Seeds.Write(folder);
}

if (args.Length == 0 || args[0] == "list")
{
    foreach (var known in FuzzTargets.All)
    {
        Console.WriteLine(known.Name);
    }

    return args.Length == 0 ? 2 : 0;
}

var target = FuzzTargets.Find(args[0]);
if (target is null)
{
    Console.Error.WriteLine($"nats-edge-fuzz: no target '{args[0]}' (nats-edge-fuzz list)");
    return 2;
}

if (args.Length == 1)
{
    SharpFuzz.Fuzzer.Run(stream =>
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        target.Run(copy.GetBuffer().AsSpan(0, (int)copy.Length));
    });
    return 0;
}

return Replay.Run(target, args[1..]);
