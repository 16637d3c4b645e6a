using Nats.Edge.Devices.Readings;

namespace Nats.Edge.Devices.Actuators;

/// <summary>An opened output. <see cref="Apply"/> throws when the hardware refuses.</summary>
internal interface IActuator : IDisposable
{
    /// <summary>What its state measures (on/off, or duty in percent).</summary>
    Quantity Quantity { get; }

    /// <summary>The state last applied.</summary>
    double State { get; }

    /// <summary>Why <paramref name="value"/> cannot be applied, or null when it can.</summary>
    string? Check(double value);

    void Apply(double value);
}
