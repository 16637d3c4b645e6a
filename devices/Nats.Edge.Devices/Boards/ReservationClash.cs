namespace Nats.Edge.Devices.Boards;

/// <summary>A device refused because another one already holds <see cref="Resource"/>.</summary>
/// <param name="Resource">What both devices are wired to.</param>
/// <param name="Holder">The device that reserved it first, described as <c>sensor "door" (input)</c>.</param>
/// <param name="Refused">The device refused, described the same way.</param>
public sealed record ReservationClash(BoardResource Resource, string Holder, string Refused)
{
    /// <summary><c>GPIO 17 is used by both sensor "door" (input) and actuator "heater" (output)</c>.</summary>
    public string Message => $"{Resource} is used by both {Holder} and {Refused}";
}
