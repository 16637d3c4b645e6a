namespace Nats.Edge.Load.Workloads;

/// <summary>Command-line spellings of <see cref="ClientKind"/>.</summary>
internal static class ClientNames
{
    public static ClientKind Parse(string text) => text.ToUpperInvariant() switch
    {
        "RAW" => ClientKind.Raw,
        "NATSNET" => ClientKind.NatsNet,
        _ => throw new ArgumentException($"unknown --client '{text}' (raw, natsnet)"),
    };

    public static string Name(ClientKind client) => client switch
    {
        ClientKind.NatsNet => "natsnet",
        _ => "raw",
    };
}
