using System.Device.Pwm;

namespace Nats.Edge.Devices.Simulation;

/// <summary>A PWM channel that only remembers what it was told, for tests and the demo board.</summary>
internal sealed class SimulatedPwmChannel(int frequency, double dutyCycle) : PwmChannel
{
    private double _dutyCycle = dutyCycle;
    private int _frequency = frequency;

    public bool IsRunning { get; private set; }

    public override int Frequency
    {
        get => Volatile.Read(ref _frequency);
        set => Volatile.Write(ref _frequency, value);
    }

    public override double DutyCycle
    {
        get => Volatile.Read(ref _dutyCycle);
        set => Volatile.Write(ref _dutyCycle, value);
    }

    public override void Start() => IsRunning = true;

    public override void Stop() => IsRunning = false;
}
