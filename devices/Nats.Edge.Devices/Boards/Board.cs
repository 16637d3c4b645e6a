using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Pwm;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Sensors;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Devices.Boards;

/// <summary>
/// Where buses and pins come from, and who holds them. The device kinds open their bindings over
/// them, the same code on every board; a board only decides what answers on the bus and the pins.
/// </summary>
internal abstract class Board : IDisposable
{
    private readonly BoardReservations _reservations = new();

    public abstract BoardModel Model { get; }

    public abstract GpioController Gpio { get; }

    public static Board Create(DeviceBridgeOptions options) =>
        options.Model == BoardModel.Simulated ? new SimulatedBoard(options) : new RaspberryPiBoard();

    /// <summary>Reserves every pin, I2C address and PWM channel the configured devices are wired to, before any is opened.</summary>
    /// <exception cref="ServerOptionsException">Two devices are wired to one of them; the message names both.</exception>
    public void Reserve(DeviceBridgeOptions options)
    {
        foreach (var sensor in options.Sensors)
        {
            Refuse(_reservations.Reserve(sensor));
        }

        foreach (var actuator in options.Actuators)
        {
            Refuse(_reservations.Reserve(actuator));
        }
    }

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

    private static void Refuse(ReservationClash? clash)
    {
        if (clash is not null)
        {
            throw new ServerOptionsException(clash.Message);
        }
    }
}
