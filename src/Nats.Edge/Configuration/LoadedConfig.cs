using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration;

/// <summary>Server options plus the host-only settings (logging, process files) a config file can carry.</summary>
internal sealed record LoadedConfig(ServerOptions Options, HostSettings Host);
