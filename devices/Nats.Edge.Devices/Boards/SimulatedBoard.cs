using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Pwm;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Sensors;
using Nats.Edge.Devices.Simulation;

namespace Nats.Edge.Devices.Boards;

/// <summary>
/// A board that exists only in memory: each configured sensor's kind puts its simulated chip on the
/// bus (driven by the real bindings) or, where the binding cannot run over a fake, readings that stand
/// in for it; pins go through <see cref="SimulatedGpioDriver"/>.
/// </summary>
internal sealed class SimulatedBoard : Board
{
    private readonly Dictionary<(int Bus, int Address), SimulatedI2cDevice> _chips = [];
    private readonly Dictionary<string, SimulatedSensor> _standIns = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Chip, int Channel), SimulatedPwmChannel> _pwm = [];
    private readonly GpioController _gpio;

    public SimulatedBoard(DeviceBridgeOptions options)
    {
        Pins = new SimulatedGpioDriver();
        _gpio = new GpioController(Pins);
        foreach (var sensor in options.Sensors)
        {
            sensor.Type.Simulate(sensor, this);
        }
    }

    public override BoardModel Model => BoardModel.Simulated;

    public override GpioController Gpio => _gpio;

    /// <summary>The simulated pins, to press buttons and read outputs.</summary>
    public SimulatedGpioDriver Pins { get; }

    /// <summary>The chip at <paramref name="address"/> on <paramref name="bus"/>.</summary>
    public SimulatedI2cDevice Chip(int bus, int address) => _chips[(bus, address)];

    /// <summary>Puts <paramref name="chip"/> on its bus, at its address.</summary>
    public void AddChip(SimulatedI2cDevice chip) =>
        _chips[(chip.ConnectionSettings.BusId, chip.ConnectionSettings.DeviceAddress)] = chip;

    /// <summary>Has <paramref name="readings"/> answer for the sensor named <paramref name="sensor"/>.</summary>
    public void AddStandIn(string sensor, SimulatedSensor readings) => _standIns[sensor] = readings;

    public override ISensor OpenSensor(SampledSensorKind kind, SensorOptions sensor) =>
        _standIns.TryGetValue(sensor.Name, out var standIn) ? standIn : base.OpenSensor(kind, sensor);

    /// <summary>The PWM channel the bridge opened, once it did.</summary>
    public SimulatedPwmChannel Pwm(int chip, int channel)
    {
        lock (_pwm)
        {
            return _pwm[(chip, channel)];
        }
    }

    public override PwmChannel OpenPwm(int chip, int channel, int frequency, double dutyCycle)
    {
        lock (_pwm)
        {
            var pwm = new SimulatedPwmChannel(frequency, dutyCycle);
            _pwm[(chip, channel)] = pwm;
            return pwm;
        }
    }

    public override I2cDevice OpenI2c(int bus, int address) =>
        _chips.TryGetValue((bus, address), out var chip) ? chip : throw new IOException($"no answer at 0x{address:x2} on I2C bus {bus}");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gpio.Dispose();
        }
    }
}
