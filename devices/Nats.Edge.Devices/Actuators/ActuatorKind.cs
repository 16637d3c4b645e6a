using Nats.Edge.Devices.Boards;
using Nats.Edge.Devices.Configuration;

namespace Nats.Edge.Devices.Actuators;

/// <summary>
/// One kind of actuator, whole: the <c>type</c> names a config file gives it, the keys its block
/// takes, and how it is opened on a board. <see cref="ActuatorKinds"/> lists every kind.
/// </summary>
public abstract class ActuatorKind
{
    // Kinds are this assembly's only: they open hardware through the board's internals.
    private protected ActuatorKind(string name, params string[] aliases)
    {
        Name = name;
        TypeNames = [name, .. aliases];
    }

    /// <summary>Its <c>type</c> in the inventory published on <c>devices.&lt;board&gt;.meta</c>.</summary>
    public string Name { get; }

    /// <summary>The <c>type</c> values a config file may give it: <see cref="Name"/>, then what is usually wired to it.</summary>
    public IReadOnlyList<string> TypeNames { get; }

    /// <summary>An actuator of this kind before its block's keys are read, named <paramref name="typeName"/>.</summary>
    public ActuatorOptions Defaults(string typeName) => new() { Type = this, Name = typeName };

    /// <summary>
    /// <paramref name="actuator"/> with the block's key <paramref name="key"/> (lower case) applied, or
    /// null when this kind takes no such key. <c>type</c>, <c>name</c> and <c>subject</c> are every
    /// actuator's and never come here.
    /// </summary>
    public abstract ActuatorOptions? Read(string key, IDeviceSetting value, ActuatorOptions actuator);

    /// <summary>The key a block of this kind must have and <paramref name="actuator"/> was not given, or null.</summary>
    public virtual string? MissingKey(ActuatorOptions actuator) => null;

    /// <summary>The kind's <see cref="Name"/>.</summary>
    public override string ToString() => Name;

    /// <summary>Whether a <c>toggle</c> request means anything to it: only to something that is on or off.</summary>
    internal abstract bool CanToggle { get; }

    /// <summary>The pin or PWM channel <paramref name="actuator"/> drives, which no other device may use.</summary>
    internal abstract IReadOnlyList<BoardResource> Uses(ActuatorOptions actuator);

    /// <summary>Opens <paramref name="actuator"/> at its default on <paramref name="board"/>; throws when the hardware refuses.</summary>
    internal abstract IActuator Open(ActuatorOptions actuator, Board board);
}
