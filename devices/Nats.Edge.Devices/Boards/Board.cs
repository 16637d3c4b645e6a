using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Pwm;
using Iot.Device.Ads1115;
using Iot.Device.Bmxx80;
using Iot.Device.Sht3x;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Sensors;

namespace Nats.Edge.Devices.Boards;

/// <summary>
/// Where buses and pins come from. The I2C sensors are the same Iot.Device.Bindings code on every
/// board; a board only decides what answers on the bus, and how the sensors that cannot run over a
/// fake bus (DHT22 pulse timing, DS18B20 and CPU temperature from fixed sysfs files) are read.
/// </summary>
internal abstract class Board : IDisposable
{
    public abstract BoardModel Model { get; }

    public abstract GpioController Gpio { get; }

    public static Board Create(DeviceBridgeOptions options) =>
        options.Model == BoardModel.Simulated ? new SimulatedBoard(options) : new RaspberryPiBoard();

    /// <summary>Opens a sampled sensor (every type but digital inputs); throws when it does not answer.</summary>
    public ISensor OpenSensor(SensorOptions sensor) => sensor.Type switch
    {
        SensorType.Bme280 => OverI2c(sensor, device => new Bmx280Sensor(new Bme280(device))),
        SensorType.Bmp280 => OverI2c(sensor, device => new Bmx280Sensor(new Bmp280(device))),
        SensorType.Sht3x => OverI2c(sensor, device => new Sht3xSensor(new Sht3x(device))),
        SensorType.Ads1115 => OverI2c(sensor, device => new Ads1115Sensor(
            new Ads1115(device, InputMultiplexer.AIN0, Ads1115FullScale.Range(sensor.FullScale), DataRate.SPS128, DeviceMode.PowerDown), sensor.Channels)),
        SensorType.Dht22 => OpenDht22(sensor),
        SensorType.Ds18b20 => OpenDs18b20(sensor),
        SensorType.CpuTemperature => OpenCpuTemperature(sensor),
        _ => throw new ArgumentOutOfRangeException(nameof(sensor), sensor.Type, "not a sampled sensor"),
    };

    public abstract PwmChannel OpenPwm(int chip, int channel, int frequency, double dutyCycle);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected abstract I2cDevice OpenI2c(int bus, int address);

    protected abstract ISensor OpenDht22(SensorOptions sensor);

    protected abstract ISensor OpenDs18b20(SensorOptions sensor);

    protected abstract ISensor OpenCpuTemperature(SensorOptions sensor);

    protected abstract void Dispose(bool disposing);

    // A binding whose constructor finds no chip throws; the bus handle it was given must not leak.
    private ISensor OverI2c(SensorOptions sensor, Func<I2cDevice, ISensor> bind)
    {
        var device = OpenI2c(sensor.Bus, sensor.Address);
        try
        {
            return bind(device);
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }
}
