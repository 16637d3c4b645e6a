using Microsoft.Extensions.Configuration;
using Nats.Edge.Devices.Actuators;
using Nats.Edge.Devices.Boards;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Sensors;

namespace Nats.Edge.Configuration;

/// <summary>
/// Reads nats-edge's own <c>devices</c> block (nats-server has none) by hand, so every wrong key or
/// value is refused with its <c>file:line</c>. The block's own keys and every device's <c>type</c>,
/// <c>name</c> and <c>subject</c> are read here; the rest of a device's keys are its kind's to read
/// (<see cref="SensorKind.Read"/>, <see cref="ActuatorKind.Read"/>). Names become subject tokens, so
/// they are checked as such; two devices wired to one pin, I2C address or PWM channel are refused.
/// </summary>
internal sealed class DevicesConfigReader(KeyLocations where)
{
    private readonly KeyLocations _where = where;
    private readonly SectionReader _read = new(where);
    private bool _headerNumbering;

    /// <summary>Reads the block; <paramref name="defaultBoard"/> names the board when the block does not.</summary>
    public DeviceBridgeOptions Read(IConfigurationSection section, string defaultBoard)
    {
        string? board = null;
        var model = BoardModel.RaspberryPi;
        var options = new DeviceBridgeOptions { Board = defaultBoard };
        IConfigurationSection? sensors = null, actuators = null;
        foreach (var child in section.GetChildren())
        {
            switch (child.Key.ToLowerInvariant())
            {
                case "board":
                    (board, model) = Board(child, model);
                    break;
                case "prefix":
                    options = options with { Prefix = Subject(child) };
                    break;
                case "account":
                    options = options with { Account = _read.Scalar(child) };
                    break;
                case "status_interval":
                    options = options with { StatusInterval = Setting(child).Duration() };
                    break;
                case "max_backoff":
                    options = options with { MaxBackoff = Setting(child).Duration() };
                    break;
                case "sensors":
                    sensors = child;
                    break;
                case "actuators":
                    actuators = child;
                    break;
                default:
                    throw _read.Unknown(child);
            }
        }

        // Pins are read after the board block, wherever it stands, so its numbering applies to all.
        var names = new HashSet<string>(StringComparer.Ordinal);
        var reservations = new BoardReservations();
        var sensorList = new List<SensorOptions>();
        foreach (var item in sensors is null ? [] : SectionReader.Items(sensors))
        {
            var sensor = Sensor(item);
            Unique(names, item, sensor.Name);
            Refuse(item, reservations.Reserve(sensor));
            sensorList.Add(sensor);
        }

        var actuatorList = new List<ActuatorOptions>();
        foreach (var item in actuators is null ? [] : SectionReader.Items(actuators))
        {
            var actuator = Actuator(item);
            Unique(names, item, actuator.Name);
            Refuse(item, reservations.Reserve(actuator));
            actuatorList.Add(actuator);
        }

        return options with { Board = board ?? defaultBoard, Model = model, Sensors = sensorList, Actuators = actuatorList };
    }

    /// <summary>A subject token from a host name: lower case, dots and blanks as dashes.</summary>
    public static string TokenFrom(string name)
    {
        var token = new string([.. name.ToLowerInvariant().Select(c => c is '.' or ' ' or '\t' or '*' or '>' ? '-' : c)]);
        return token.Length == 0 ? "board" : token;
    }

    // "board": "simulated" picks the model only; the object form also names the board and its pin numbering.
    private (string? Name, BoardModel Model) Board(IConfigurationSection section, BoardModel model)
    {
        if (section.Value is not null)
        {
            return (null, Model(section));
        }

        string? name = null;
        foreach (var child in section.GetChildren())
        {
            switch (child.Key.ToLowerInvariant())
            {
                case "name":
                    name = Token(child);
                    break;
                case "model":
                    model = Model(child);
                    break;
                case "numbering":
                    _headerNumbering = _read.Scalar(child).ToLowerInvariant() switch
                    {
                        "bcm" or "gpio" => false,
                        "board" or "physical" => true,
                        _ => throw Invalid(child, "is not bcm or board"),
                    };
                    break;
                default:
                    throw _read.Unknown(child);
            }
        }

        return (name, model);
    }

    private BoardModel Model(IConfigurationSection section) => _read.Scalar(section).ToLowerInvariant() switch
    {
        "simulated" => BoardModel.Simulated,
        "raspberry-pi" or "raspberrypi" or "pi" => BoardModel.RaspberryPi,
        _ => throw Invalid(section, "is not raspberry-pi or simulated"),
    };

    private SensorOptions Sensor(IConfigurationSection section)
    {
        var typeSection = section.GetSection("type");
        if (!typeSection.Exists())
        {
            throw new ConfigException($"{_where.Of(section)}: key \"{SectionReader.Key(section)}\": a sensor needs \"type\"");
        }

        var typeName = _read.Scalar(typeSection).ToLowerInvariant();
        var kind = SensorKinds.Find(typeName)
            ?? throw Invalid(typeSection, $"is not a sensor type ({string.Join(", ", SensorKinds.All.SelectMany(kind => kind.TypeNames))})");
        var sensor = kind.Defaults(typeName);
        foreach (var child in section.GetChildren())
        {
            var key = child.Key.ToLowerInvariant();
            sensor = key switch
            {
                "type" => sensor,
                "name" => sensor with { Name = Token(child) },
                "subject" => sensor with { Subject = Subject(child) },
                _ => kind.Read(key, Setting(child), sensor) ?? throw _read.Unknown(child),
            };
        }

        if (kind.MissingKey(sensor) is { } missing)
        {
            throw new ConfigException($"{_where.Of(section)}: key \"{SectionReader.Key(section)}\": a {typeName} needs \"{missing}\"");
        }

        return sensor;
    }

    private ActuatorOptions Actuator(IConfigurationSection section)
    {
        var typeSection = section.GetSection("type");
        if (!typeSection.Exists())
        {
            throw new ConfigException($"{_where.Of(section)}: key \"{SectionReader.Key(section)}\": an actuator needs \"type\"");
        }

        var typeName = _read.Scalar(typeSection).ToLowerInvariant();
        var kind = ActuatorKinds.Find(typeName)
            ?? throw Invalid(typeSection, $"is not an actuator type ({string.Join(", ", ActuatorKinds.All.SelectMany(kind => kind.TypeNames))})");
        var actuator = kind.Defaults(typeName);
        foreach (var child in section.GetChildren())
        {
            var key = child.Key.ToLowerInvariant();
            actuator = key switch
            {
                "type" => actuator,
                "name" => actuator with { Name = Token(child) },
                "subject" => actuator with { Subject = Subject(child) },
                _ => kind.Read(key, Setting(child), actuator) ?? throw _read.Unknown(child),
            };
        }

        if (kind.MissingKey(actuator) is { } missing)
        {
            throw new ConfigException($"{_where.Of(section)}: key \"{SectionReader.Key(section)}\": a {typeName} needs \"{missing}\"");
        }

        return actuator;
    }

    private void Unique(HashSet<string> names, IConfigurationSection device, string name)
    {
        if (!names.Add(name))
        {
            throw new ConfigException($"{_where.Of(device)}: key \"{SectionReader.Key(device)}\": a second device named \"{name}\" (give one a \"name\")");
        }
    }

    // Shown at the refused device's key that names the pin, address or channel, or at the device
    // itself when it kept its kind's default (two BME280s both left at 0x76).
    private void Refuse(IConfigurationSection device, ReservationClash? clash)
    {
        if (clash is null)
        {
            return;
        }

        var key = device.GetSection(clash.Resource.Key);
        var at = key.Exists() ? key : device;
        throw new ConfigException($"{_where.Of(at)}: key \"{SectionReader.Key(at)}\": {clash.Message}");
    }

    private string Token(IConfigurationSection section)
    {
        var text = _read.Scalar(section);
        return IsToken(text) ? text : throw Invalid(section, "is not a subject token (no dots, blanks, * or >)");
    }

    private string Subject(IConfigurationSection section)
    {
        var text = _read.Scalar(section);
        return text.Split('.').All(IsToken) ? text : throw Invalid(section, "is not a subject without wildcards");
    }

    private static bool IsToken(string text) =>
        text.Length > 0 && !text.Any(c => c is '.' or '*' or '>' || char.IsWhiteSpace(c));

    private DeviceSetting Setting(IConfigurationSection section) => new(section, _read, _where, _headerNumbering);

    private ConfigException Invalid(IConfigurationSection section, string problem) => Setting(section).Invalid(problem);
}
