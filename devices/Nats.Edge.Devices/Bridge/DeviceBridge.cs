using System.Buffers;
using System.Diagnostics;
using System.Threading.Channels;
using Nats.Edge.Devices.Boards;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Readings;
using Nats.Edge.Devices.Sensors;
using Nats.Edge.Server;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Server.Embedded;
using Nats.Edge.Server.Logging;

namespace Nats.Edge.Devices.Bridge;

/// <summary>
/// The board's sensors and actuators as subjects of the server it runs in, through an in-process
/// client: readings on <c>devices.&lt;board&gt;.&lt;device&gt;.&lt;quantity&gt;</c>, requests on
/// <c>….set</c>, the inventory on <c>devices.&lt;board&gt;.meta</c> and a heartbeat on <c>.status</c>.
/// </summary>
public sealed class DeviceBridge : IAsyncDisposable
{
    // Requests beyond this many waiting are dropped (their requesters time out); a flood of commands
    // must not grow memory on a small board.
    private const int MaxQueuedRequests = 64;

    private readonly DeviceBridgeOptions _options;
    private readonly Board _board;
    private readonly InProcessClient _client;
    private readonly NatsServer _server;
    private readonly ServerLog _log;
    private readonly SubjectNames _subjects;
    // Encoded once, not on every status tick.
    private readonly byte[] _meta;
    private readonly byte[] _status;
    private readonly List<SensorSampler> _samplers = [];
    private readonly List<InputWatcher> _inputs = [];
    private readonly List<ActuatorEndpoint> _actuators = [];
    private readonly List<InProcessSubscription> _subscriptions = [];
    private readonly Channel<BridgeRequest> _requests =
        Channel.CreateBounded<BridgeRequest>(new BoundedChannelOptions(MaxQueuedRequests) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private SamplingThread? _sampling;
    private readonly PayloadWriter _writer = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly string _serverName;
    private int _disposed;

    private DeviceBridge(NatsServer server, DeviceBridgeOptions options, Board board)
    {
        _options = options;
        _board = board;
        _log = server.Log;
        _server = server;
        _serverName = server.ServerName;
        _client = new InProcessClient(server, options.Account);
        _subjects = new SubjectNames(options);
        _meta = SubjectNames.Bytes(_subjects.Meta);
        _status = SubjectNames.Bytes(_subjects.Status);
    }

    /// <summary>
    /// Opens the configured board, publishes the inventory and starts sampling; a device that does
    /// not answer is reported and retried, it never stops the start.
    /// </summary>
    /// <exception cref="ServerOptionsException">
    /// <see cref="DeviceBridgeOptions.Account"/> names no account, or two devices are wired to one pin,
    /// I2C address or PWM channel.
    /// </exception>
    public static DeviceBridge Start(NatsServer server, DeviceBridgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var board = Board.Create(options);
        try
        {
            return Start(server, options, board);
        }
        catch
        {
            board.Dispose();
            throw;
        }
    }

    internal static DeviceBridge Start(NatsServer server, DeviceBridgeOptions options, Board board)
    {
        ArgumentNullException.ThrowIfNull(server);
        board.Reserve(options);
        var bridge = new DeviceBridge(server, options, board);
        bridge.Open();
        return bridge;
    }

    /// <summary>Stops sampling, releases every pin and bus, and waits for the loops to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _requests.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_loops).ConfigureAwait(false);
        _sampling?.Dispose();
        foreach (var input in _inputs)
        {
            input.Dispose();
        }

        foreach (var sampler in _samplers)
        {
            sampler.Dispose();
        }

        foreach (var actuator in _actuators)
        {
            actuator.Dispose();
        }

        _board.Dispose();
        _writer.Dispose();
        _stop.Dispose();
    }

    private void Open()
    {
        foreach (var sensor in _options.Sensors)
        {
            var subject = _subjects.Of(sensor);
            // A sampled kind is read on its interval; the other family, digital inputs, publish on their edges.
            if (sensor.Type is SampledSensorKind kind)
            {
                _samplers.Add(new SensorSampler(sensor, subject, () => _board.OpenSensor(kind, sensor), _client, _log, _options.MaxBackoff));
            }
            else
            {
                _inputs.Add(new InputWatcher(sensor, subject, _board.Gpio, _client, _log));
            }
        }

        foreach (var actuator in _options.Actuators)
        {
            _actuators.Add(new ActuatorEndpoint(actuator, _subjects.Of(actuator), options => options.Type.Open(options, _board), _client, _log));
        }

        // The same inventory goes into the server's IDZ answer, so a fleet tool asking the system
        // account sees each board's devices without subscribing to every board's subjects.
        lock (_writer)
        {
            var meta = _writer.Write(Meta(), DeviceJsonContext.Default.BoardMeta);
            _server.ListDevices(meta);
            _client.Publish(_meta, default, meta);
        }

        foreach (var actuator in _actuators)
        {
            actuator.Start();
            var target = actuator;
            _subscriptions.Add(_client.Subscribe(actuator.SetSubject, queue: null, (in InProcessMessage message) => Enqueue(target, message)));
        }

        _subscriptions.Add(_client.Subscribe(_subjects.Meta, queue: null, (in InProcessMessage message) =>
        {
            if (!message.Reply.IsEmpty)
            {
                Enqueue(null, message);
            }
        }));

        foreach (var input in _inputs)
        {
            input.Start();
        }

        _sampling = new SamplingThread(_samplers);
        _sampling.Start();

        _loops.Add(Task.Run(() => HandleRequestsAsync(_stop.Token), CancellationToken.None));
        _loops.Add(Task.Run(() => StatusLoopAsync(_stop.Token), CancellationToken.None));

        // Last, so the line means every subject is served.
        var sensorCount = _samplers.Count + _inputs.Count;
        _log.Info($"Device bridge: {sensorCount} sensor{(sensorCount == 1 ? "" : "s")}, {_actuators.Count} actuator{(_actuators.Count == 1 ? "" : "s")} on board {_options.Board}{(_board.Model == BoardModel.Simulated ? " (simulated)" : "")}");
    }

    private void Enqueue(ActuatorEndpoint? target, in InProcessMessage message)
    {
        if (!_requests.Writer.TryWrite(new BridgeRequest(target, message.Reply.ToArray(), message.Payload.ToArray())))
        {
            _log.Warn($"Device bridge: request on {System.Text.Encoding.UTF8.GetString(message.Subject)} dropped, {MaxQueuedRequests} already waiting");
        }
    }

    private async Task HandleRequestsAsync(CancellationToken stop)
    {
        try
        {
            await foreach (var request in _requests.Reader.ReadAllAsync(stop).ConfigureAwait(false))
            {
                if (request.Target is { } actuator)
                {
                    actuator.Handle(request.Reply, request.Payload);
                }
                else
                {
                    Publish(request.Reply, Meta(), DeviceJsonContext.Default.BoardMeta);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task StatusLoopAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_options.StatusInterval);
        try
        {
            do
            {
                Publish(_status, Status(), DeviceJsonContext.Default.BoardStatus);
            }
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private BoardStatus Status()
    {
        var failing = new List<string>();
        foreach (var sampler in _samplers)
        {
            if (sampler.IsFailing)
            {
                failing.Add(sampler.Name);
            }
        }

        foreach (var input in _inputs)
        {
            if (input.IsFailing)
            {
                failing.Add(input.Name);
            }
        }

        var uptime = (long)Stopwatch.GetElapsedTime(_started).TotalSeconds;
        return new BoardStatus(UtcMilliseconds.Format(DateTime.UtcNow), uptime, _samplers.Count + _inputs.Count, failing, failing.Count == 0 ? Quality.Good : "degraded");
    }

    private BoardMeta Meta()
    {
        var sensors = new List<SensorMeta>();
        foreach (var sensor in _options.Sensors)
        {
            var subject = _subjects.Of(sensor);
            sensors.Add(new SensorMeta(
                sensor.Name,
                sensor.Type.Name,
                [.. sensor.Type.Quantities(sensor).Select(quantity => SubjectNames.Of(subject, quantity))],
                sensor.Type is SampledSensorKind ? GoDuration.Format(sensor.Interval) : null));
        }

        var actuators = new List<ActuatorMeta>();
        foreach (var actuator in _actuators)
        {
            actuators.Add(new ActuatorMeta(actuator.Name, actuator.Type.Name, actuator.SetSubject, actuator.StateSubject));
        }

        var model = _board.Model == BoardModel.Simulated ? "simulated" : "raspberry-pi";
        return new BoardMeta(_options.Board, model, _serverName, UtcMilliseconds.Format(DateTime.UtcNow), sensors, actuators);
    }

    // Meta and status come from the request loop and the status loop at once: one writer, one lock.
    private void Publish<T>(ReadOnlySpan<byte> subject, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        lock (_writer)
        {
            _client.Publish(subject, default, _writer.Write(value, type));
        }
    }
}
