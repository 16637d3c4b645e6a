namespace Nats.Edge.Devices.Configuration;

/// <summary>The bias an input pin is opened with.</summary>
public enum PinPull
{
    /// <summary>No bias: the wiring drives the pin (a PIR module does).</summary>
    None,

    /// <summary>Pulled up: a switch to ground reads low when closed.</summary>
    Up,

    /// <summary>Pulled down: a switch to 3.3 V reads high when closed.</summary>
    Down,
}
