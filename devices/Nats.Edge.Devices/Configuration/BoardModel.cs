namespace Nats.Edge.Devices.Configuration;

/// <summary>What the bridge talks to.</summary>
public enum BoardModel
{
    /// <summary>A Raspberry Pi through the library's default driver (Pi 3/4: RaspberryPi3Driver, Pi 5: libgpiod).</summary>
    RaspberryPi,

    /// <summary>Simulated chips and pins, for machines without GPIO.</summary>
    Simulated,
}
