namespace Nats.Edge.Devices.Actuators;

/// <summary>Every actuator kind the bridge can drive, the one place they are listed.</summary>
public static class ActuatorKinds
{
    /// <summary>Every kind, in the order a config error lists their type names.</summary>
    public static IReadOnlyList<ActuatorKind> All { get; } =
    [
        new GpioOutputKind(),
        new PwmOutputKind(),
    ];

    /// <summary>The kind a config file means by <c>type</c> <paramref name="typeName"/> (lower case), or null.</summary>
    public static ActuatorKind? Find(string typeName)
    {
        foreach (var kind in All)
        {
            foreach (var name in kind.TypeNames)
            {
                if (name == typeName)
                {
                    return kind;
                }
            }
        }

        return null;
    }

    /// <summary>The kind a config file names <paramref name="typeName"/>, for options built in code.</summary>
    /// <exception cref="ArgumentException">No kind goes by that name.</exception>
    public static ActuatorKind Named(string typeName) =>
        Find(typeName) ?? throw new ArgumentException($"no actuator kind is named \"{typeName}\"", nameof(typeName));
}
