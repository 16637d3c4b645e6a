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

    /// <summary>A comma-separated list, or <c>both</c>; each client once, in the order given.</summary>
    public static List<ClientKind> ParseList(string text)
    {
        if (text.Equals("both", StringComparison.OrdinalIgnoreCase))
        {
            return [ClientKind.Raw, ClientKind.NatsNet];
        }

        var clients = new List<ClientKind>();
        foreach (string name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            ClientKind client = Parse(name);
            if (!clients.Contains(client))
            {
                clients.Add(client);
            }
        }

        return clients.Count > 0 ? clients : throw new ArgumentException("--client needs at least one of raw, natsnet");
    }

    public static string Name(ClientKind client) => client switch
    {
        ClientKind.NatsNet => "natsnet",
        _ => "raw",
    };

    /// <summary>The name and what it stands for, for a report's header.</summary>
    public static string Describe(ClientKind client) => client switch
    {
        ClientKind.NatsNet => "natsnet (NATS.Net, the official C# client)",
        _ => "raw (this tool's own sockets)",
    };
}
