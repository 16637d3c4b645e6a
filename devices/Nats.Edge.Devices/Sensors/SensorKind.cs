using Nats.Edge.Devices.Boards;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Readings;

namespace Nats.Edge.Devices.Sensors;

/// <summary>
/// One kind of sensor, whole: the <c>type</c> names a config file gives it, the keys its block takes,
/// what it measures, and what stands in for it on the simulated board. <see cref="SensorKinds"/>
/// lists every kind; nothing else in the bridge or the config reader knows one kind from another.
/// </summary>
public abstract class SensorKind
{
    // Kinds are this assembly's only: they open hardware through the board's internals.
    private protected SensorKind(string name, params string[] aliases)
    {
        Name = name;
        TypeNames = [name, .. aliases];
    }

    /// <summary>Its <c>type</c> in the inventory published on <c>devices.&lt;board&gt;.meta</c>.</summary>
    public string Name { get; }

    /// <summary>The <c>type</c> values a config file may give it: <see cref="Name"/>, then the names the part is also sold under.</summary>
    public IReadOnlyList<string> TypeNames { get; }

    /// <summary>A sensor of this kind before its block's keys are read: named <paramref name="typeName"/>, with the kind's defaults.</summary>
    public virtual SensorOptions Defaults(string typeName) => new() { Type = this, Name = typeName };

    /// <summary>
    /// <paramref name="sensor"/> with the block's key <paramref name="key"/> (lower case) applied, or
    /// null when this kind takes no such key. <c>type</c>, <c>name</c> and <c>subject</c> are every
    /// sensor's and never come here.
    /// </summary>
    public virtual SensorOptions? Read(string key, IDeviceSetting value, SensorOptions sensor) => null;

    /// <summary>The key a block of this kind must have and <paramref name="sensor"/> was not given, or null.</summary>
    public virtual string? MissingKey(SensorOptions sensor) => null;

    /// <summary>The kind's <see cref="Name"/>.</summary>
    public override string ToString() => Name;

    /// <summary>What it measures, in the order its readings are taken and listed in the inventory.</summary>
    internal abstract IReadOnlyList<Quantity> Quantities(SensorOptions sensor);

    /// <summary>The pins and bus addresses <paramref name="sensor"/> is wired to, which no other device may use.</summary>
    internal abstract IReadOnlyList<BoardResource> Uses(SensorOptions sensor);

    /// <summary>Puts what answers for <paramref name="sensor"/> on the simulated board.</summary>
    internal abstract void Simulate(SensorOptions sensor, SimulatedBoard board);
}
