using System.Device.Gpio;

namespace Nats.Edge.Devices.Simulation;

/// <summary>
/// GPIO pins without hardware: outputs remember what was written, inputs read what
/// <see cref="Drive"/> put on them (or their pull when nothing did), and a driven level that changes
/// raises the edge callbacks as a real driver's interrupt would.
/// </summary>
internal sealed class SimulatedGpioDriver : GpioDriver
{
    // BCM 0..27, the 40-pin header's GPIOs.
    private const int Pins = 28;

    private readonly Lock _sync = new();
    private readonly PinMode[] _modes = new PinMode[Pins];
    private readonly PinValue?[] _driven = new PinValue?[Pins];
    private readonly PinValue[] _written = new PinValue[Pins];
    private readonly List<(int Pin, PinEventTypes Events, PinChangeEventHandler Callback)> _callbacks = [];

    protected override int PinCount => Pins;

    /// <summary>Puts <paramref name="value"/> on input <paramref name="pin"/> from outside, as a button or sensor would.</summary>
    public void Drive(int pin, PinValue value)
    {
        PinValue before;
        List<PinChangeEventHandler> notify = [];
        lock (_sync)
        {
            before = LevelOf(pin);
            _driven[pin] = value;
            if (before == value)
            {
                return;
            }

            var change = value == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
            foreach (var (callbackPin, events, callback) in _callbacks)
            {
                if (callbackPin == pin && (events & change) != 0)
                {
                    notify.Add(callback);
                }
            }
        }

        var args = new PinValueChangedEventArgs(value == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling, pin);
        foreach (var callback in notify)
        {
            callback(this, args);
        }
    }

    /// <summary>The level last written to output <paramref name="pin"/>.</summary>
    public PinValue Output(int pin)
    {
        lock (_sync)
        {
            return _written[pin];
        }
    }

    protected override void OpenPin(int pinNumber) => CheckPin(pinNumber);

    protected override void ClosePin(int pinNumber)
    {
        lock (_sync)
        {
            _callbacks.RemoveAll(entry => entry.Pin == pinNumber);
        }
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        CheckPin(pinNumber);
        lock (_sync)
        {
            _modes[pinNumber] = mode;
        }
    }

    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_sync)
        {
            return _modes[pinNumber];
        }
    }

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => pinNumber is >= 0 and < Pins;

    protected override PinValue Read(int pinNumber)
    {
        lock (_sync)
        {
            return LevelOf(pinNumber);
        }
    }

    protected override void Write(int pinNumber, PinValue value)
    {
        lock (_sync)
        {
            _written[pinNumber] = value;
        }
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        using var happened = new SemaphoreSlim(0);
        var result = new WaitForEventResult { TimedOut = true };
        void OnChange(object sender, PinValueChangedEventArgs args)
        {
            result = new WaitForEventResult { EventTypes = args.ChangeType, TimedOut = false };
            happened.Release();
        }

        AddCallbackForPinValueChangedEvent(pinNumber, eventTypes, OnChange);
        try
        {
            happened.Wait(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // A cancelled wait is the driver contract's time-out, not an error.
        }
        finally
        {
            RemoveCallbackForPinValueChangedEvent(pinNumber, OnChange);
        }

        return result;
    }

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        lock (_sync)
        {
            _callbacks.Add((pinNumber, eventTypes, callback));
        }
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_sync)
        {
            _callbacks.RemoveAll(entry => entry.Pin == pinNumber && entry.Callback == callback);
        }
    }

    private static void CheckPin(int pinNumber)
    {
        if (pinNumber is < 0 or >= Pins)
        {
            throw new ArgumentOutOfRangeException(nameof(pinNumber), pinNumber, "the simulated board has GPIO 0 to 27");
        }
    }

    // An output reads back what was written; an input what is driven on it, else its pull.
    private PinValue LevelOf(int pin) => _modes[pin] switch
    {
        PinMode.Output => _written[pin],
        PinMode.InputPullUp => _driven[pin] ?? PinValue.High,
        _ => _driven[pin] ?? PinValue.Low,
    };
}
