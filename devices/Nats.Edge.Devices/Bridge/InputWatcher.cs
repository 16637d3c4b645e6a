using System.Device.Gpio;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Readings;
using Nats.Edge.Server.Embedded;
using Nats.Edge.Server.Logging;

namespace Nats.Edge.Devices.Bridge;

/// <summary>
/// A digital input (button, PIR, reed switch). Every edge restarts a debounce timer; when the pin has
/// held still for the debounce time its level is read, and if it differs from the last one published
/// it goes out as one reading: value 1 (active) or 0, with <c>"edge":"rising"</c> when it became
/// active and <c>"falling"</c> when it stopped. Contact bounce in between is never seen.
/// </summary>
internal sealed class InputWatcher : IDisposable
{
    private readonly SensorOptions _options;
    private readonly GpioController _gpio;
    private readonly InProcessClient _client;
    private readonly ServerLog _log;
    private readonly byte[] _subject;
    private readonly PayloadWriter _writer = new();
    private readonly Reading _reading = new();
    private readonly Lock _sync = new();
    private readonly Timer _settle;
    private bool _opened;
    private bool _active;
    private bool _disposed;

    public InputWatcher(SensorOptions options, string subject, GpioController gpio, InProcessClient client, ServerLog log)
    {
        _options = options;
        _gpio = gpio;
        _client = client;
        _log = log;
        _subject = SubjectNames.Bytes(SubjectNames.Of(subject, Quantity.State));
        _settle = new Timer(_ => Settled());
    }

    public string Name => _options.Name;

    /// <summary>True while the pin could not be opened.</summary>
    public bool IsFailing { get; private set; }

    /// <summary>Opens the pin and publishes its level as it is now (no edge).</summary>
    public void Start()
    {
        lock (_sync)
        {
            try
            {
                var mode = _options.Pull switch
                {
                    PinPull.Up => PinMode.InputPullUp,
                    PinPull.Down => PinMode.InputPullDown,
                    _ => PinMode.Input,
                };
                _gpio.OpenPin(_options.Pin, mode);
                _opened = true;
                _active = ReadActive();
                _gpio.RegisterCallbackForPinValueChangedEvent(_options.Pin, PinEventTypes.Rising | PinEventTypes.Falling, OnEdge);
            }
#pragma warning disable CA1031 // A pin that cannot be opened is reported on its subject; the other devices go on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                IsFailing = true;
                _log.Error($"Device {Name}: cannot watch GPIO {_options.Pin}: {ex.Message}");
                Publish(error: ex.Message, edge: null);
                return;
            }

            Publish(error: null, edge: null);
        }
    }

    public void Dispose()
    {
        lock (_sync)
        {
            _disposed = true;
            if (_opened)
            {
                _gpio.UnregisterCallbackForPinValueChangedEvent(_options.Pin, OnEdge);
                _gpio.ClosePin(_options.Pin);
            }
        }

        _settle.Dispose();
        _writer.Dispose();
    }

    private void OnEdge(object sender, PinValueChangedEventArgs args) => _settle.Change(_options.Debounce, Timeout.InfiniteTimeSpan);

    private void Settled()
    {
        lock (_sync)
        {
            if (_disposed)
            {
                return;
            }

            var active = ReadActive();
            if (active == _active)
            {
                return;
            }

            _active = active;
            Publish(error: null, edge: active ? "rising" : "falling");
        }
    }

    private bool ReadActive() => (_gpio.Read(_options.Pin) == PinValue.High) ^ _options.ActiveLow;

    private void Publish(string? error, string? edge)
    {
        var now = DateTime.UtcNow;
        if (error is null)
        {
            _reading.SetGood(_active ? 1 : 0, Quantity.State.Unit, now);
        }
        else
        {
            _reading.SetError(error, now);
        }

        _reading.Edge = edge;
        _client.Publish(_subject, default, _writer.Write(_reading));
    }
}
