using Nats.Edge.Configuration.Schema;
using Nats.Edge.Devices.Actuators;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Sensors;

namespace Nats.Edge.Configuration.Sections;

/// <summary>
/// One of <c>devices.sensors</c> or <c>devices.actuators</c>. <c>type</c>, <c>name</c> and
/// <c>subject</c> are every device's; the rest of its keys are its kind's to take or refuse
/// (<see cref="SensorKind.Read"/>, <see cref="ActuatorKind.Read"/>), so they are bound as they
/// were written, each a list of values. Pins are read as the header's physical numbers when
/// <c>headerNumbering</c> is set (<see cref="BoardSection.IsHeaderNumbering"/>), else as BCM numbers.
/// </summary>
internal sealed class DeviceSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add(nameof(Type), KeyShape.Text, "type")
        .Add(nameof(Name), KeyShape.Text, "name")
        .Add(nameof(Subject), KeyShape.Text, "subject")
        .OthersUnder(nameof(Settings));

    public string? Type { get; set; }

    public string? Name { get; set; }

    public string? Subject { get; set; }

    /// <summary>The kind's keys, in lower case.</summary>
    public Dictionary<string, List<string>>? Settings { get; set; }

    public SensorOptions ToSensor(ConfigPath at, bool headerNumbering)
    {
        var (typeName, kind) = Kind(at, "a sensor", SensorKinds.Find, SensorKinds.All.SelectMany(static kind => kind.TypeNames));
        return Read(at, headerNumbering, typeName, kind.Defaults(typeName) with { Name = DeviceName(at, typeName), Subject = SubjectOf(at) }, kind.Read, kind.MissingKey);
    }

    public ActuatorOptions ToActuator(ConfigPath at, bool headerNumbering)
    {
        var (typeName, kind) = Kind(at, "an actuator", ActuatorKinds.Find, ActuatorKinds.All.SelectMany(static kind => kind.TypeNames));
        return Read(at, headerNumbering, typeName, kind.Defaults(typeName) with { Name = DeviceName(at, typeName), Subject = SubjectOf(at) }, kind.Read, kind.MissingKey);
    }

    // The type as the kinds name it (lower case), and the kind it names.
    private (string TypeName, TKind Kind) Kind<TKind>(ConfigPath at, string device, Func<string, TKind?> find, IEnumerable<string> typeNames)
        where TKind : class
    {
        var typeName = Type?.ToLowerInvariant() ?? throw at.Invalid($"{device} needs \"type\"");
        return (typeName, find(typeName) ?? throw at.Child(nameof(Type)).Invalid($"\"{Type}\" is not {device} type ({string.Join(", ", typeNames)})"));
    }

    // Each key goes to the kind, which takes it or, answering null, refuses it as unknown; then the
    // kind says what the device still lacks.
    private T Read<T>(
        ConfigPath at, bool headerNumbering, string typeName, T device, Func<string, IDeviceSetting, T, T?> read, Func<T, string?> missingKey)
        where T : class
    {
        foreach (var (key, values) in Settings ?? [])
        {
            var setting = at.Child(nameof(Settings)).Child(key);
            device = read(key, new DeviceSetting(setting, values, headerNumbering), device) ?? throw setting.Unknown();
        }

        return missingKey(device) is { } missing ? throw at.Invalid($"a {typeName} needs \"{missing}\"") : device;
    }

    // A device without a name goes by its type.
    private string DeviceName(ConfigPath at, string typeName) => Name is null ? typeName : DevicesSection.Token(at.Child(nameof(Name)), Name);

    private string? SubjectOf(ConfigPath at) => Subject is null ? null : DevicesSection.Subject(at.Child(nameof(Subject)), Subject);
}
