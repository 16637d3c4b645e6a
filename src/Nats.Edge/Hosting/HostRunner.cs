using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Nats.Edge.CommandLine;
using Nats.Edge.Configuration;
using Nats.Edge.Devices.Bridge;
using Nats.Edge.Server;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Server.Logging;

namespace Nats.Edge.Hosting;

/// <summary>
/// The host's whole job: turn flags, the config file and NATS_EDGE_* variables into options, start
/// the server library, and answer signals. Exit codes: 0 after a clean stop (lame duck included), 1
/// for bad input or a failed start.
/// </summary>
internal static class HostRunner
{
    // Socket completions run on the event thread instead of hopping to the thread pool: every
    // receive loop only parses and queues (sends are inline, nothing blocks), so the hop was pure
    // latency. Measured with nats-edge-load against the same binary without it: request-reply ran
    // much faster on less CPU (figures in bench/README.md). .NET reads it from the environment
    // once, at the first socket: set it before any exists, unless the operator chose a value.
    private const string InlineSocketCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public static async Task<int> RunAsync(string[] args)
    {
        if (Environment.GetEnvironmentVariable(InlineSocketCompletions) is null)
        {
            Environment.SetEnvironmentVariable(InlineSocketCompletions, "1");
        }

        HostArguments arguments;
        LoadedConfig config;
        try
        {
            arguments = CommandLineParser.Parse(args);
            if (arguments.ShowHelp)
            {
                Console.Out.WriteLine(Usage.Text);
                return 0;
            }

            if (arguments.ShowVersion)
            {
                Console.Out.WriteLine($"nats-edge: v{ServerVersion.Product}");
                return 0;
            }

            if (arguments.Signal is { } command)
            {
                SignalCommand.Send(command);
                return 0;
            }

            config = Configure(arguments);
        }
        catch (CommandLineException ex)
        {
            await Console.Error.WriteLineAsync($"nats-edge: {ex.Message}\nRun 'nats-edge -h' for the list of options.").ConfigureAwait(false);
            return 1;
        }
        catch (ConfigException ex)
        {
            await Console.Error.WriteLineAsync($"nats-edge: configuration error: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        if (arguments.ConfigTest)
        {
            return await TestConfigAsync(arguments, config).ConfigureAwait(false);
        }

        HostLog hostLog;
        try
        {
            hostLog = new HostLog(config.Host);
        }
        catch (Exception ex) when (ex is ConfigException or IOException or SocketException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"nats-edge: cannot open the log: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        using (hostLog)
        {
            LogWarnings(hostLog.Log, config);
            return await RunServerAsync(arguments, config, hostLog).ConfigureAwait(false);
        }
    }

    private static async Task<int> RunServerAsync(HostArguments arguments, LoadedConfig config, HostLog hostLog)
    {
        var log = hostLog.Log;
        NatsServer created;
        try
        {
            created = new NatsServer(config.Options, log);
        }
        catch (Exception ex) when (ex is IOException or CryptographicException)
        {
            log.Write(LogLevel.Fatal, $"Error loading TLS certificate and key: {ex.Message}");
            return 1;
        }
        catch (ServerOptionsException ex)
        {
            log.Write(LogLevel.Fatal, $"configuration error: {ex.Message}");
            return 1;
        }

        await using var server = created;
        log.Info("Starting nats-edge");
        log.Info($"  Version:  {ServerVersion.Product}");
        log.Info($"  Name:     {server.ServerName}");
        log.Info($"  ID:       {server.ServerId}");
        if (arguments.ConfigFile is { } configFile)
        {
            log.Info($"Using configuration file: {configFile}");
        }

        if (config.Host.PidFile is { } pidFile)
        {
            await File.WriteAllTextAsync(pidFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        }

        var systemd = SystemdNotifier.FromEnvironment(log);
        using var signals = SignalHandlers.Register(server, log, () => systemd.AroundReload(() => Reload(server, hostLog, arguments)), hostLog.Reopen);
        try
        {
            await server.StartAsync().ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            log.Write(LogLevel.Fatal, $"Error listening on port: {config.Options.Host}:{config.Options.Port}, \"{ex.Message}\"");
            return 1;
        }
        catch (HttpListenerException ex)
        {
            log.Write(LogLevel.Fatal, $"Can't listen to the Monitor port: {config.Options.HttpHost ?? config.Options.Host}:{config.Options.HttpPort}, \"{ex.Message}\"");
            return 1;
        }

        using var portsFile = config.Host.PortsFileDir is { } folder ? PortsFile.Write(folder, server) : null;
        DeviceBridge? devices = null;
        try
        {
            devices = config.Devices is { } deviceOptions ? DeviceBridge.Start(server, deviceOptions) : null;
        }
        catch (ServerOptionsException ex)
        {
            log.Write(LogLevel.Fatal, $"configuration error: devices: {ex.Message}");
            await server.ShutdownAsync().ConfigureAwait(false);
            return 1;
        }

        // The bridge goes once the server has stopped: a sample taken while it closed reached nobody,
        // and nothing the bridge does can throw into the shutdown.
        systemd.Ready();
        await using (devices)
        {
            await server.Completion.ConfigureAwait(false);
        }

        systemd.Stopping();

        return 0;
    }

    // -t: everything a start would check short of binding ports, the TLS files and users included.
    private static async Task<int> TestConfigAsync(HostArguments arguments, LoadedConfig config)
    {
        try
        {
            await using var server = new NatsServer(config.Options);
        }
        catch (Exception ex) when (ex is ServerOptionsException or IOException or CryptographicException)
        {
            await Console.Error.WriteLineAsync($"nats-edge: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        await Console.Out.WriteLineAsync($"nats-edge: configuration file {arguments.ConfigFile} is valid").ConfigureAwait(false);
        return 0;
    }

    // SIGHUP: the file is read again and the flags applied on top again, so a flag keeps winning.
    private static void Reload(NatsServer server, HostLog hostLog, HostArguments arguments)
    {
        try
        {
            if (arguments.ConfigFile is null)
            {
                throw new ConfigException("no configuration file to reload (start with -c FILE)");
            }

            var config = Configure(arguments);
            LogWarnings(hostLog.Log, config);
            server.Reload(config.Options);
            hostLog.Apply(config.Host);
        }
        catch (Exception ex) when (ex is ConfigException or ServerOptionsException or IOException or SocketException or UnauthorizedAccessException)
        {
            hostLog.Log.Error($"Failed to reload server configuration: {ex.Message}");
        }
    }

    private static void LogWarnings(ServerLog log, LoadedConfig config)
    {
        foreach (var warning in config.Warnings)
        {
            log.Write(LogLevel.Warning, warning);
        }
    }

    private static LoadedConfig Configure(HostArguments arguments) => ConfigFileLoader.Load(arguments.ConfigFile, arguments.Overrides);
}
