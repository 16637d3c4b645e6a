using Nats.Edge.Configuration.Schema;
using Nats.Edge.Devices.Boards;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>
/// nats-edge's own <c>devices</c> block (nats-server has none): the board, and the sensors and
/// actuators wired to it. Names become subject tokens, so they are checked as such; two devices wired
/// to one pin, I2C address or PWM channel are refused.
/// </summary>
internal sealed class DevicesSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .BlockOrValue(nameof(Board), BoardSection.Keys, shorthand: "model", "board")
        .Add(nameof(Prefix), KeyShape.Text, "prefix")
        .Add(nameof(Account), KeyShape.Text, "account")
        .Add(nameof(StatusInterval), KeyShape.Duration, "status_interval")
        .Add(nameof(MaxBackoff), KeyShape.Duration, "max_backoff")
        .Add(nameof(Sensors), KeyShape.Blocks, DeviceSection.Keys, "sensors")
        .Add(nameof(Actuators), KeyShape.Blocks, DeviceSection.Keys, "actuators");

    public BoardSection? Board { get; set; }

    public string? Prefix { get; set; }

    public string? Account { get; set; }

    public TimeSpan? StatusInterval { get; set; }

    public TimeSpan? MaxBackoff { get; set; }

    public List<DeviceSection>? Sensors { get; set; }

    public List<DeviceSection>? Actuators { get; set; }

    /// <param name="at">The block, for errors.</param>
    /// <param name="defaultBoard">The board's name when the block does not name it.</param>
    public DeviceBridgeOptions ToOptions(ConfigPath at, string defaultBoard)
    {
        var board = at.Child(nameof(Board));
        var options = new DeviceBridgeOptions { Board = Board?.Name is { } name ? Token(board.Child(nameof(BoardSection.Name)), name) : defaultBoard };
        options = options with
        {
            Model = Board?.ToModel(board) ?? options.Model,
            Prefix = Prefix is null ? options.Prefix : Subject(at.Child(nameof(Prefix)), Prefix),
            Account = Account,
            StatusInterval = StatusInterval is { } status ? Positive(at.Child(nameof(StatusInterval)), status) : options.StatusInterval,
            MaxBackoff = MaxBackoff is { } backoff ? Positive(at.Child(nameof(MaxBackoff)), backoff) : options.MaxBackoff,
        };

        // The board's numbering applies to every pin, wherever the board block stands.
        var headerNumbering = Board?.IsHeaderNumbering(board) ?? false;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var reservations = new BoardReservations();
        return options with
        {
            Sensors = Devices(
                Sensors, at.Child(nameof(Sensors)), (device, item) => device.ToSensor(item, headerNumbering),
                static sensor => sensor.Name, names, reservations.Reserve),
            Actuators = Devices(
                Actuators, at.Child(nameof(Actuators)), (device, item) => device.ToActuator(item, headerNumbering),
                static actuator => actuator.Name, names, reservations.Reserve),
        };
    }

    /// <summary>A subject token from a host name: lower case, dots and blanks as dashes.</summary>
    public static string TokenFrom(string name)
    {
        var token = new string([.. name.ToLowerInvariant().Select(static c => c is '.' or ' ' or '\t' or '*' or '>' ? '-' : c)]);
        return token.Length == 0 ? "board" : token;
    }

    /// <summary><paramref name="text"/>, refused at <paramref name="at"/> unless it is one subject token.</summary>
    public static string Token(ConfigPath at, string text) =>
        IsToken(text) ? text : throw at.Invalid($"\"{text}\" is not a subject token (no dots, blanks, * or >)");

    /// <summary><paramref name="text"/>, refused at <paramref name="at"/> unless it is a subject without wildcards.</summary>
    public static string Subject(ConfigPath at, string text) =>
        text.Split('.').All(IsToken) ? text : throw at.Invalid($"\"{text}\" is not a subject without wildcards");

    private static bool IsToken(string text) =>
        text.Length > 0 && !text.Any(static c => c is '.' or '*' or '>' || char.IsWhiteSpace(c));

    // A list's devices in its order, each refused when another has its name or its pins.
    private static List<T> Devices<T>(
        List<DeviceSection>? sections, ConfigPath at, Func<DeviceSection, ConfigPath, T> read, Func<T, string> name,
        HashSet<string> names, Func<T, ReservationClash?> reserve)
    {
        var devices = new List<T>();
        for (var i = 0; i < sections?.Count; i++)
        {
            var item = at.Item(i);
            var device = read(sections[i], item);
            Unique(names, item, name(device));
            Refuse(item, reserve(device));
            devices.Add(device);
        }

        return devices;
    }

    private static TimeSpan Positive(ConfigPath at, TimeSpan duration) =>
        duration > TimeSpan.Zero ? duration : throw at.Invalid($"\"{GoDuration.Format(duration)}\" must be longer than zero");

    private static void Unique(HashSet<string> names, ConfigPath device, string name)
    {
        if (!names.Add(name))
        {
            throw device.Invalid($"a second device named \"{name}\" (give one a \"name\")");
        }
    }

    // Shown at the refused device's key that names the pin, address or channel, or at the device
    // itself when it kept its kind's default (two BME280s both left at 0x76).
    private static void Refuse(ConfigPath device, ReservationClash? clash)
    {
        if (clash is not null)
        {
            var key = device.Child(nameof(DeviceSection.Settings)).Child(clash.Resource.Key);
            throw (key.IsWritten ? key : device).Invalid(clash.Message);
        }
    }
}
