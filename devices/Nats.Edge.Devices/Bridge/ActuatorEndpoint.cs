using Nats.Edge.Devices.Actuators;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Readings;
using Nats.Edge.Server.Embedded;
using Nats.Edge.Server.Logging;

namespace Nats.Edge.Devices.Bridge;

/// <summary>
/// One actuator's subjects: requests on <c>….set</c> are applied and answered with the new state,
/// which is also published on <c>….state</c>. It starts at its configured default. An actuator that
/// fails to open is tried again on the next request; until then requests are answered with the error.
/// </summary>
internal sealed class ActuatorEndpoint : IDisposable
{
    private readonly ActuatorOptions _options;
    private readonly Func<ActuatorOptions, IActuator> _open;
    private readonly InProcessClient _client;
    private readonly ServerLog _log;
    private readonly byte[] _state;
    private readonly PayloadWriter _writer = new();
    private readonly Reading _reading = new();
    private IActuator? _actuator;

    public ActuatorEndpoint(ActuatorOptions options, string subject, Func<ActuatorOptions, IActuator> open, InProcessClient client, ServerLog log)
    {
        _options = options;
        _open = open;
        _client = client;
        _log = log;
        SetSubject = subject + ".set";
        StateSubject = subject + ".state";
        _state = SubjectNames.Bytes(StateSubject);
    }

    public string Name => _options.Name;

    public ActuatorKind Type => _options.Type;

    public string SetSubject { get; }

    public string StateSubject { get; }

    /// <summary>Opens the output at its default and publishes that state.</summary>
    public void Start() => _client.Publish(_state, default, Format(Open()));

    /// <summary>Applies one request's <paramref name="payload"/> and answers on <paramref name="reply"/> (when there is one).</summary>
    public void Handle(ReadOnlySpan<byte> reply, ReadOnlySpan<byte> payload)
    {
        var error = Apply(payload);
        var answer = Format(error);
        if (!reply.IsEmpty)
        {
            _client.Publish(reply, default, answer);
        }

        if (error is null)
        {
            _client.Publish(_state, default, answer);
        }
    }

    public void Dispose()
    {
        _actuator?.Dispose();
        _writer.Dispose();
    }

    private string? Apply(ReadOnlySpan<byte> payload)
    {
        if (_actuator is null && Open() is { } openError)
        {
            return openError;
        }

        var actuator = _actuator!;
        if (!CommandParser.TryParse(payload, out var value))
        {
            return $"cannot read \"{System.Text.Encoding.UTF8.GetString(payload)}\" as a value";
        }

        if (value == CommandParser.Toggle)
        {
            if (!_options.Type.CanToggle)
            {
                return "only an output can toggle";
            }

            value = actuator.State == 0 ? 1 : 0;
        }

        if (actuator.Check(value) is { } refused)
        {
            return refused;
        }

        try
        {
            actuator.Apply(value);
            _log.Debug($"Device {Name}: set to {value}");
            return null;
        }
#pragma warning disable CA1031 // A driver refusing is answered to the requester, not thrown at the server.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _log.Error($"Device {Name}: {ex.Message}");
            return ex.Message;
        }
    }

    // Null once open, else the error to answer with, like any other refused request.
    private string? Open()
    {
        try
        {
            _actuator = _open(_options);
            return null;
        }
#pragma warning disable CA1031 // Same as a failing sensor: reported, retried, never fatal.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _log.Error($"Device {Name}: cannot open: {ex.Message}");
            return ex.Message;
        }
    }

    private ReadOnlySpan<byte> Format(string? error)
    {
        var now = DateTime.UtcNow;
        if (error is not null)
        {
            _reading.SetError(error, now);
        }
        else
        {
            // No error means the actuator just opened or applied: it is there.
            var actuator = _actuator!;
            _reading.SetGood(actuator.State, actuator.Quantity.Unit, now);
        }

        return _writer.Write(_reading);
    }
}
