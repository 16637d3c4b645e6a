using Nats.Edge.Devices.Configuration;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration;

/// <summary>
/// Server options plus the host-only settings (logging, process files) a config file can carry, and
/// the device bridge's, when the file has a <c>devices</c> block.
/// </summary>
internal sealed record LoadedConfig(ServerOptions Options, HostSettings Host, DeviceBridgeOptions? Devices = null)
{
    /// <summary>What was read but ignored (stray <c>NATS_EDGE_*</c> variables), for the log once it is open.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
