using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Pwm;
using Iot.Device.DHTxx;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Sensors;

namespace Nats.Edge.Devices.Boards;

/// <summary>
/// Real hardware through the library's defaults: <c>new GpioController()</c> picks RaspberryPi3Driver
/// on a Pi 3/4 and libgpiod on a Pi 5; I2C is <c>/dev/i2c-N</c>, PWM <c>/sys/class/pwm</c>.
/// </summary>
internal sealed class RaspberryPiBoard : Board
{
    // Opened on first use: a board with only I2C sensors works where no GPIO driver can load.
    private readonly Lazy<GpioController> _gpio = new(() => new GpioController());

    public override BoardModel Model => BoardModel.RaspberryPi;

    public override GpioController Gpio => _gpio.Value;

    public override PwmChannel OpenPwm(int chip, int channel, int frequency, double dutyCycle) =>
        PwmChannel.Create(chip, channel, frequency, dutyCycle);

    protected override I2cDevice OpenI2c(int bus, int address) => I2cDevice.Create(new I2cConnectionSettings(bus, address));

    protected override ISensor OpenDht22(SensorOptions sensor) =>
        new Dht22Sensor(new Dht22(sensor.Pin, Gpio, shouldDispose: false), sensor.Pin);

    protected override ISensor OpenDs18b20(SensorOptions sensor) => Ds18b20Sensor.Open(sensor.DeviceId);

    protected override ISensor OpenCpuTemperature(SensorOptions sensor) => new CpuTemperatureSensor();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _gpio.IsValueCreated)
        {
            _gpio.Value.Dispose();
        }
    }
}
