using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Pwm;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Sensors;
using Nats.Edge.Devices.Simulation;

namespace Nats.Edge.Devices.Boards;

/// <summary>
/// A board that exists only in memory: each configured I2C sensor gets a simulated chip at its bus
/// and address (driven by the real bindings), pins go through <see cref="SimulatedGpioDriver"/>, and
/// the DHT22, DS18B20 and CPU temperature are simulated at the reading level.
/// </summary>
internal sealed class SimulatedBoard : Board
{
    private readonly Dictionary<(int Bus, int Address), SimulatedI2cDevice> _chips = [];
    private readonly Dictionary<string, SimulatedSensor> _readings = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Chip, int Channel), SimulatedPwmChannel> _pwm = [];
    private readonly GpioController _gpio;

    public SimulatedBoard(DeviceBridgeOptions options)
    {
        Pins = new SimulatedGpioDriver();
        _gpio = new GpioController(Pins);
        foreach (var sensor in options.Sensors)
        {
            switch (sensor.Type)
            {
                case SensorType.Bme280:
                    _chips[(sensor.Bus, sensor.Address)] = SimulatedBmx280.Bme280(sensor.Bus, sensor.Address);
                    break;
                case SensorType.Bmp280:
                    _chips[(sensor.Bus, sensor.Address)] = SimulatedBmx280.Bmp280(sensor.Bus, sensor.Address);
                    break;
                case SensorType.Sht3x:
                    _chips[(sensor.Bus, sensor.Address)] = new SimulatedSht3x(sensor.Bus, sensor.Address);
                    break;
                case SensorType.Ads1115:
                    _chips[(sensor.Bus, sensor.Address)] = new SimulatedAds1115(sensor.Bus, sensor.Address);
                    break;
                case SensorType.Dht22:
                    _readings[sensor.Name] = new SimulatedSensor(22.4, 48.1);
                    break;
                case SensorType.Ds18b20:
                    _readings[sensor.Name] = new SimulatedSensor(19.75);
                    break;
                case SensorType.CpuTemperature:
                    _readings[sensor.Name] = new SimulatedSensor(47.2);
                    break;
                case SensorType.DigitalInput:
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(options), sensor.Type, null);
            }
        }
    }

    public override BoardModel Model => BoardModel.Simulated;

    public override GpioController Gpio => _gpio;

    /// <summary>The simulated pins, to press buttons and read outputs.</summary>
    public SimulatedGpioDriver Pins { get; }

    /// <summary>The chip at <paramref name="address"/> on <paramref name="bus"/>.</summary>
    public SimulatedI2cDevice Chip(int bus, int address) => _chips[(bus, address)];

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

    protected override I2cDevice OpenI2c(int bus, int address) =>
        _chips.TryGetValue((bus, address), out var chip) ? chip : throw new IOException($"no answer at 0x{address:x2} on I2C bus {bus}");

    protected override ISensor OpenDht22(SensorOptions sensor) => _readings[sensor.Name];

    protected override ISensor OpenDs18b20(SensorOptions sensor) => _readings[sensor.Name];

    protected override ISensor OpenCpuTemperature(SensorOptions sensor) => _readings[sensor.Name];

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gpio.Dispose();
        }
    }
}
