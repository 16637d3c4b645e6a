using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Readings;
using Nats.Edge.Devices.Sensors;
using Nats.Edge.Server.Embedded;
using Nats.Edge.Server.Logging;

namespace Nats.Edge.Devices.Bridge;

/// <summary>
/// Reads one sensor on its interval and publishes each quantity on its own subject. A fault is a
/// reading too: it is published as an error on every subject of the sensor, the sensor is closed,
/// and it is opened again after a wait that doubles with each failure, up to the bridge's maximum.
/// </summary>
internal sealed class SensorSampler : IDisposable
{
    private readonly SensorOptions _options;
    private readonly Func<ISensor> _open;
    private readonly InProcessClient _client;
    private readonly ServerLog _log;
    private readonly TimeSpan _maxBackoff;
    private readonly IReadOnlyList<Quantity> _quantities;
    private readonly byte[][] _subjects;
    private readonly double[] _values;
    private readonly double[] _published;
    private readonly PayloadWriter _writer = new();
    private readonly Reading _reading = new();
    private ISensor? _sensor;
    private int _failures;

    public SensorSampler(
        SensorOptions options, string subject, Func<ISensor> open, InProcessClient client, ServerLog log, TimeSpan maxBackoff)
    {
        _options = options;
        _open = open;
        _client = client;
        _log = log;
        _maxBackoff = maxBackoff < options.Interval ? options.Interval : maxBackoff;
        _quantities = options.Type.Quantities(options);
        _subjects = [.. _quantities.Select(quantity => SubjectNames.Bytes(SubjectNames.Of(subject, quantity)))];
        _values = new double[_quantities.Count];
        _published = new double[_quantities.Count];
        Array.Fill(_published, double.NaN);
    }

    public string Name => _options.Name;

    public bool IsFailing => Volatile.Read(ref _failures) > 0;

    /// <summary>Takes and publishes one sample; returns how long to wait before the next.</summary>
    public TimeSpan Sample(DateTime now)
    {
        try
        {
            _sensor ??= _open();
            _sensor.Read(_values);
        }
#pragma warning disable CA1031 // Any fault of a driver or binding is the sensor's, never the server's: it becomes a reading.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Failed(now, ex);
        }

        if (_failures > 0)
        {
            _log.Info($"Device {Name}: answering again after {_failures} failed reading(s)");
            _failures = 0;
            // After a gap every quantity goes out, changed or not, so subscribers see it is back.
            Array.Fill(_published, double.NaN);
        }

        for (var i = 0; i < _values.Length; i++)
        {
            var quantity = _quantities[i];
            var value = Math.Round(_values[i], quantity.Decimals);
            if (_options.OnChange && !double.IsNaN(_published[i]) && Math.Abs(value - _published[i]) <= _options.DeadBand)
            {
                continue;
            }

            _published[i] = value;
            _reading.SetGood(value, quantity.Unit, now);
            _client.Publish(_subjects[i], default, _writer.Write(_reading));
        }

        return _options.Interval;
    }

    public void Dispose()
    {
        Close();
        _writer.Dispose();
    }

    private TimeSpan Failed(DateTime now, Exception ex)
    {
        Close();
        var failures = Interlocked.Increment(ref _failures);
        var wait = Backoff(failures);
        var message = $"Device {Name}: {ex.Message}; retrying in {Nats.Edge.Server.Configuration.GoDuration.Format(wait)}";
        if (failures == 1)
        {
            _log.Warn(message);
        }
        else
        {
            _log.Debug(message);
        }

        _reading.SetError(ex.Message, now);
        var payload = _writer.Write(_reading);
        foreach (var subject in _subjects)
        {
            _client.Publish(subject, default, payload);
        }

        return wait;
    }

    // The interval, then twice that, four times…, never past the maximum.
    private TimeSpan Backoff(int failures)
    {
        var factor = Math.Pow(2, Math.Min(failures - 1, 30));
        var wait = _options.Interval * factor;
        return wait > _maxBackoff ? _maxBackoff : wait;
    }

    private void Close()
    {
        var sensor = _sensor;
        _sensor = null;
        try
        {
            sensor?.Dispose();
        }
#pragma warning disable CA1031 // Closing a sensor that already failed may fail again; it is reopened from scratch either way.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _log.Debug($"Device {Name}: closing failed: {ex.Message}");
        }
    }
}
