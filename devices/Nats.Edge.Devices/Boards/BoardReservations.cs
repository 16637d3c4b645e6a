using Nats.Edge.Devices.Configuration;

namespace Nats.Edge.Devices.Boards;

/// <summary>
/// Which device holds each GPIO pin, I2C address and PWM channel of a board. Two devices wired to one
/// pin would fight over it (an input's pull against an output's level, two drivers on one chip), so
/// the second is refused, and the refusal names both.
/// </summary>
public sealed class BoardReservations
{
    private readonly Dictionary<BoardResource, string> _holders = [];

    /// <summary>Reserves what <paramref name="sensor"/> is wired to; the clash when something of it is taken, else null.</summary>
    public ReservationClash? Reserve(SensorOptions sensor)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        return Reserve(sensor.Type.Uses(sensor), $"sensor \"{sensor.Name}\" ({sensor.Type.Name})");
    }

    /// <summary>Reserves what <paramref name="actuator"/> is wired to; the clash when something of it is taken, else null.</summary>
    public ReservationClash? Reserve(ActuatorOptions actuator)
    {
        ArgumentNullException.ThrowIfNull(actuator);
        return Reserve(actuator.Type.Uses(actuator), $"actuator \"{actuator.Name}\" ({actuator.Type.Name})");
    }

    private ReservationClash? Reserve(IReadOnlyList<BoardResource> resources, string device)
    {
        foreach (var resource in resources)
        {
            if (!_holders.TryAdd(resource, device))
            {
                return new ReservationClash(resource, _holders[resource], device);
            }
        }

        return null;
    }
}
