using Nats.Edge.Load.Workloads;

namespace Nats.Edge.Load.Compare;

/// <summary>One row of a comparison: its workload and every round's outcome on both servers.</summary>
internal sealed class WorkloadResults(string name, LoadSettings settings)
{
    public string Name => name;

    public LoadSettings Settings => settings;

    /// <summary>The workload and the client that drives it, for progress and failure lines.</summary>
    public string Label => $"{name} ({ClientNames.Name(settings.Client)})";

    public List<ServerRun> Edge { get; } = [];

    public List<ServerRun> Reference { get; } = [];

    /// <summary>Failed rounds, as "server: reason".</summary>
    public List<string> Failures { get; } = [];
}
