using System.Device.Gpio;
using Nats.Edge.Devices.Readings;

namespace Nats.Edge.Devices.Actuators;

/// <summary>A relay or LED on a GPIO output: state 1 is on, which is a low pin when wired active-low.</summary>
internal sealed class GpioOutput : IActuator
{
    private readonly GpioController _gpio;
    private readonly int _pin;
    private readonly bool _activeLow;

    public GpioOutput(GpioController gpio, int pin, bool activeLow, double initial)
    {
        _gpio = gpio;
        _pin = pin;
        _activeLow = activeLow;
        // Opened straight at the safe default, so the pin never shows the other level for an instant.
        gpio.OpenPin(pin, PinMode.Output, Level(initial));
        State = initial;
    }

    public Quantity Quantity => Quantity.State;

    public double State { get; private set; }

    public string? Check(double value) => value is 0 or 1 ? null : "an output takes 0 or 1 (or on, off, toggle)";

    public void Apply(double value)
    {
        _gpio.Write(_pin, Level(value));
        State = value;
    }

    public void Dispose() => _gpio.ClosePin(_pin);

    private PinValue Level(double value) => (value != 0) ^ _activeLow ? PinValue.High : PinValue.Low;
}
