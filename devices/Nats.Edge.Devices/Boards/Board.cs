using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Pwm;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Sensors;

namespace Nats.Edge.Devices.Boards;

/// <summary>
/// Where buses and pins come from. The sensor kinds open their bindings over them, the same code on
/// every board; a board only decides what answers on the bus and the pins.
/// </summary>
internal abstract class Board : IDisposable
{
    public abstract BoardModel Model { get; }

    public abstract GpioController Gpio { get; }

    public static Board Create(DeviceBridgeOptions options) =>
        options.Model == BoardModel.Simulated ? new SimulatedBoard(options) : new RaspberryPiBoard();

    /// <summary>Opens <paramref name="sensor"/>, of the sampled <paramref name="kind"/>; throws when it does not answer.</summary>
    public virtual ISensor OpenSensor(SampledSensorKind kind, SensorOptions sensor) => kind.Open(sensor, this);

    public abstract I2cDevice OpenI2c(int bus, int address);

    public abstract PwmChannel OpenPwm(int chip, int channel, int frequency, double dutyCycle);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}
