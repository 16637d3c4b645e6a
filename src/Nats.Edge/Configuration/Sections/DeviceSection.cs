using Nats.Edge.Configuration.Schema;
using Nats.Edge.Devices.Actuators;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Sensors;

namespace Nats.Edge.Configuration.Sections;

/// <summary>
/// One of <c>devices.sensors</c> or <c>devices.actuators</c>. <c>type</c>, <c>name</c> and
/// <c>subject</c> are every device's; the rest of its keys are its kind's to take or refuse
/// (<see cref="SensorKind.Read"/>, <see cref="ActuatorKind.Read"/>), so they are bound as they
/// were written, each a list of values.
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

    /// <param name="headerNumbering">Whether pins are the header's physical numbers (<see cref="BoardSection.IsHeaderNumbering"/>).</param>
    public SensorOptions ToSensor(ConfigPath at, bool headerNumbering)
    {
        var typeName = TypeName(at, "a sensor");
        var kind = SensorKinds.Find(typeName) ?? throw NotAType(at, "a sensor type", SensorKinds.All.SelectMany(static kind => kind.TypeNames));
        var sensor = Read(at, headerNumbering, kind.Defaults(typeName), kind.Read)
            with { Name = DeviceName(at, typeName), Subject = SubjectOf(at) };
        return kind.MissingKey(sensor) is { } missing ? throw at.Invalid($"a {typeName} needs \"{missing}\"") : sensor;
    }

    /// <param name="headerNumbering">Whether pins are the header's physical numbers (<see cref="BoardSection.IsHeaderNumbering"/>).</param>
    public ActuatorOptions ToActuator(ConfigPath at, bool headerNumbering)
    {
        var typeName = TypeName(at, "an actuator");
        var kind = ActuatorKinds.Find(typeName) ?? throw NotAType(at, "an actuator type", ActuatorKinds.All.SelectMany(static kind => kind.TypeNames));
        var actuator = Read(at, headerNumbering, kind.Defaults(typeName), kind.Read)
            with { Name = DeviceName(at, typeName), Subject = SubjectOf(at) };
        return kind.MissingKey(actuator) is { } missing ? throw at.Invalid($"a {typeName} needs \"{missing}\"") : actuator;
    }

    private string TypeName(ConfigPath at, string device) =>
        Type?.ToLowerInvariant() ?? throw at.Invalid($"{device} needs \"type\"");

    private ConfigException NotAType(ConfigPath at, string what, IEnumerable<string> typeNames) =>
        at.Child(nameof(Type)).Invalid($"\"{Type}\" is not {what} ({string.Join(", ", typeNames)})");

    // Each key goes to the kind, which takes it or, answering null, refuses it as unknown.
    private T Read<T>(ConfigPath at, bool headerNumbering, T device, Func<string, IDeviceSetting, T, T?> read)
        where T : class
    {
        foreach (var (key, values) in Settings ?? [])
        {
            var setting = at.Child(nameof(Settings)).Child(key);
            device = read(key, new DeviceSetting(setting, values, headerNumbering), device) ?? throw setting.Unknown();
        }

        return device;
    }

    // A device without a name goes by its type.
    private string DeviceName(ConfigPath at, string typeName) => Name is null ? typeName : DevicesSection.Token(at.Child(nameof(Name)), Name);

    private string? SubjectOf(ConfigPath at) => Subject is null ? null : DevicesSection.Subject(at.Child(nameof(Subject)), Subject);
}
