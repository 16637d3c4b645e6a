using System.Globalization;
using Microsoft.Extensions.Configuration;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Sensors;

namespace Nats.Edge.Configuration;

/// <summary>
/// Reads nats-edge's own <c>devices</c> block (nats-server has none) by hand, so every wrong key or
/// value is refused with its <c>file:line</c>. Names become subject tokens, so they are checked as such;
/// pins given in header numbering are turned into the BCM numbers the drivers take.
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
                    options = options with { StatusInterval = Positive(child) };
                    break;
                case "max_backoff":
                    options = options with { MaxBackoff = Positive(child) };
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
        var sensorList = sensors is null ? [] : SectionReader.Items(sensors).Select(item => Unique(names, item, Sensor(item), sensor => sensor.Name)).ToList();
        var actuatorList = actuators is null ? [] : SectionReader.Items(actuators).Select(item => Unique(names, item, Actuator(item), actuator => actuator.Name)).ToList();
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
        var sensor = typeName switch
        {
            "bme280" => Defaults(SensorType.Bme280, 0x76),
            "bmp280" => Defaults(SensorType.Bmp280, 0x76),
            "sht3x" or "sht30" or "sht31" or "sht35" => Defaults(SensorType.Sht3x, 0x44),
            "ads1115" => Defaults(SensorType.Ads1115, 0x48),
            "dht22" or "am2302" => Defaults(SensorType.Dht22, 0),
            "ds18b20" => Defaults(SensorType.Ds18b20, 0),
            "cpu_temperature" or "cpu" => Defaults(SensorType.CpuTemperature, 0),
            // A button or a reed switch closes to ground against the pull-up; a PIR module drives its pin.
            "button" or "reed" => Defaults(SensorType.DigitalInput, 0) with { Pull = PinPull.Up, ActiveLow = true },
            "pir" or "input" => Defaults(SensorType.DigitalInput, 0),
            _ => throw Invalid(typeSection, "is not a sensor type (bme280, bmp280, sht3x, ads1115, dht22, ds18b20, cpu_temperature, button, reed, pir, input)"),
        };
        sensor = sensor with { Name = typeName };

        foreach (var child in section.GetChildren())
        {
            sensor = child.Key.ToLowerInvariant() switch
            {
                "type" => sensor,
                "name" => sensor with { Name = Token(child) },
                "subject" => sensor with { Subject = Subject(child) },
                "bus" when IsI2c(sensor) => sensor with { Bus = NonNegative(child) },
                "address" when IsI2c(sensor) => sensor with { Address = Address(child) },
                "pin" when sensor.Type is SensorType.Dht22 or SensorType.DigitalInput => sensor with { Pin = Pin(child) },
                "device_id" when sensor.Type == SensorType.Ds18b20 => sensor with { DeviceId = _read.Scalar(child) },
                "channels" when sensor.Type == SensorType.Ads1115 => sensor with { Channels = Channels(child) },
                "full_scale" when sensor.Type == SensorType.Ads1115 => sensor with { FullScale = FullScale(child) },
                "interval" when sensor.Type != SensorType.DigitalInput => sensor with { Interval = Positive(child) },
                "on_change" when sensor.Type != SensorType.DigitalInput => sensor with { OnChange = _read.Bool(child) },
                "dead_band" when sensor.Type != SensorType.DigitalInput => sensor with { DeadBand = Number(child, 0, double.MaxValue) },
                "debounce" when sensor.Type == SensorType.DigitalInput => sensor with { Debounce = Positive(child) },
                "pull" when sensor.Type == SensorType.DigitalInput => sensor with { Pull = Pull(child) },
                "active_low" when sensor.Type == SensorType.DigitalInput => sensor with { ActiveLow = _read.Bool(child) },
                _ => throw _read.Unknown(child),
            };
        }

        if (sensor.Type is SensorType.Dht22 or SensorType.DigitalInput && sensor.Pin < 0)
        {
            throw new ConfigException($"{_where.Of(section)}: key \"{SectionReader.Key(section)}\": a {typeName} needs \"pin\"");
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
        var actuator = typeName switch
        {
            "relay" or "led" or "output" => new ActuatorOptions { Type = ActuatorType.GpioOutput, Name = typeName },
            "pwm" => new ActuatorOptions { Type = ActuatorType.Pwm, Name = typeName },
            _ => throw Invalid(typeSection, "is not an actuator type (relay, led, output, pwm)"),
        };

        foreach (var child in section.GetChildren())
        {
            var output = actuator.Type == ActuatorType.GpioOutput;
            actuator = child.Key.ToLowerInvariant() switch
            {
                "type" => actuator,
                "name" => actuator with { Name = Token(child) },
                "subject" => actuator with { Subject = Subject(child) },
                "pin" when output => actuator with { Pin = Pin(child) },
                "active_low" when output => actuator with { ActiveLow = _read.Bool(child) },
                "default" when output => actuator with { Default = OnOff(child) },
                "chip" when !output => actuator with { Chip = NonNegative(child) },
                "channel" when !output => actuator with { Channel = NonNegative(child) },
                "frequency" when !output => actuator with { Frequency = Math.Max(1, NonNegative(child)) },
                "default" => actuator with { Default = Number(child, 0, 100) },
                _ => throw _read.Unknown(child),
            };
        }

        if (actuator.Type == ActuatorType.GpioOutput && actuator.Pin < 0)
        {
            throw new ConfigException($"{_where.Of(section)}: key \"{SectionReader.Key(section)}\": a {typeName} needs \"pin\"");
        }

        return actuator;
    }

    private T Unique<T>(HashSet<string> names, IConfigurationSection section, T device, Func<T, string> nameOf)
    {
        var name = nameOf(device);
        return names.Add(name)
            ? device
            : throw new ConfigException($"{_where.Of(section)}: key \"{SectionReader.Key(section)}\": a second device named \"{name}\" (give one a \"name\")");
    }

    private static SensorOptions Defaults(SensorType type, int address) => new() { Type = type, Name = string.Empty, Address = address };

    private static bool IsI2c(SensorOptions sensor) => sensor.Type is SensorType.Bme280 or SensorType.Bmp280 or SensorType.Sht3x or SensorType.Ads1115;

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

    // 0x76 in hex, as datasheets and i2cdetect print it, or a plain number.
    private int Address(IConfigurationSection section)
    {
        var text = _read.Scalar(section);
        var parsed = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var address)
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out address);
        return parsed && address is >= 0x03 and <= 0x77 ? address : throw Invalid(section, "is not a 7-bit I2C address (0x03 to 0x77)");
    }

    private int Pin(IConfigurationSection section)
    {
        var pin = NonNegative(section);
        if (!_headerNumbering)
        {
            return pin <= 27 ? pin : throw Invalid(section, "is not a BCM GPIO number (0 to 27)");
        }

        return BoardHeader.ToBcm(pin) ?? throw Invalid(section, "is not a GPIO pin of the 40-pin header");
    }

    private List<int> Channels(IConfigurationSection section)
    {
        var channels = new List<int>();
        foreach (var text in _read.Strings(section))
        {
            channels.Add(int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var channel) && channel <= 3 && !channels.Contains(channel)
                ? channel
                : throw Invalid(section, "lists channels 0 to 3, each once"));
        }

        return channels.Count > 0 ? channels : throw Invalid(section, "lists no channel");
    }

    private double FullScale(IConfigurationSection section)
    {
        var volts = Number(section, 0, 10);
        return Ads1115FullScale.IsRange(volts) ? volts : throw Invalid(section, "is not 6.144, 4.096, 2.048, 1.024, 0.512 or 0.256");
    }

    private PinPull Pull(IConfigurationSection section) => _read.Scalar(section).ToLowerInvariant() switch
    {
        "up" => PinPull.Up,
        "down" => PinPull.Down,
        "none" or "off" => PinPull.None,
        _ => throw Invalid(section, "is not up, down or none"),
    };

    private double OnOff(IConfigurationSection section) => _read.Scalar(section).ToLowerInvariant() switch
    {
        "on" or "true" or "1" => 1,
        "off" or "false" or "0" => 0,
        _ => throw Invalid(section, "is not on or off"),
    };

    private int NonNegative(IConfigurationSection section)
    {
        var value = _read.Int(section);
        return value >= 0 ? value : throw Invalid(section, "is negative");
    }

    private double Number(IConfigurationSection section, double min, double max) =>
        double.TryParse(_read.Scalar(section), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Invalid(section, $"is not a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");

    private TimeSpan Positive(IConfigurationSection section)
    {
        var duration = _read.Duration(section);
        return duration > TimeSpan.Zero ? duration : throw Invalid(section, "must be longer than zero");
    }

    private ConfigException Invalid(IConfigurationSection section, string problem) =>
        new($"{_where.Of(section)}: key \"{SectionReader.Key(section)}\": \"{section.Value}\" {problem}");
}
