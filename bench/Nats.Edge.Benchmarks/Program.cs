using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Nats.Edge.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Nats.Edge.Benchmarks.Parsing.ParserBenchmarks).Assembly).Run(args);
