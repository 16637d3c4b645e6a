using Nats.Edge.Configuration;
using Nats.Edge.Devices.Actuators;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Sensors;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Devices;

/// <summary>The <c>devices</c> block: every key read, every wrong one refused at its line, the shipped profiles valid.</summary>
public sealed class DevicesConfigTests : IDisposable
{
    private readonly TempConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Profiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryFiles.Path("devices", "profiles")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Shipped_profile_loads_with_sensors_and_actuators(string profile)
    {
        var devices = TempConfigFolder.Load(RepositoryFiles.Path("devices", "profiles", profile)).Devices;

        Assert.NotNull(devices);
        Assert.NotEmpty(devices.Sensors);
        Assert.NotEmpty(devices.Actuators);
    }

    [Fact]
    public void Simulated_profile_runs_the_simulated_board()
    {
        var devices = TempConfigFolder.Load(RepositoryFiles.Path("devices", "profiles", "simulated.json")).Devices!;

        Assert.Equal(("pi-sim", BoardModel.Simulated), (devices.Board, devices.Model));
    }

    [Fact]
    public void Every_key_is_read_in_json()
    {
        var devices = Load("""
            { "devices": {
                "board": { "name": "pi-kitchen", "model": "simulated", "numbering": "bcm" },
                "prefix": "sensors", "account": "DEVICES", "status_interval": "1m", "max_backoff": "5m",
                "sensors": [
                  { "type": "bme280", "name": "climate", "subject": "home.kitchen.climate", "bus": 3, "address": "0x77",
                    "interval": "2s", "on_change": true, "dead_band": 0.2 },
                  { "type": "ads1115", "address": 73, "channels": [1, 3], "full_scale": 2.048 },
                  { "type": "ds18b20", "device_id": "28-0000071fa4b1" },
                  { "type": "button", "pin": 17, "debounce": "20ms", "pull": "down", "active_low": false }
                ],
                "actuators": [
                  { "type": "relay", "name": "heater", "pin": 27, "active_low": true, "default": "on" },
                  { "type": "pwm", "name": "fan", "chip": 2, "channel": 1, "frequency": 25000, "default": 40 }
                ] } }
            """);

        Assert.Equal(("pi-kitchen", BoardModel.Simulated, "sensors", "DEVICES"), (devices.Board, devices.Model, devices.Prefix, devices.Account));
        Assert.Equal((TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)), (devices.StatusInterval, devices.MaxBackoff));
        var climate = new SensorOptions { Type = SensorKinds.Named("bme280"), Name = "climate", Subject = "home.kitchen.climate", Bus = 3, Address = 0x77, Interval = TimeSpan.FromSeconds(2), OnChange = true, DeadBand = 0.2 };
        Assert.Equal(climate, devices.Sensors[0] with { Channels = climate.Channels });
        Assert.Equal(("ads1115", 73, 2.048), (devices.Sensors[1].Name, devices.Sensors[1].Address, devices.Sensors[1].FullScale));
        Assert.Equal([1, 3], devices.Sensors[1].Channels);
        Assert.Equal("28-0000071fa4b1", devices.Sensors[2].DeviceId);
        Assert.Equal((SensorKinds.Named("input"), 17, TimeSpan.FromMilliseconds(20), PinPull.Down, false),
            (devices.Sensors[3].Type, devices.Sensors[3].Pin, devices.Sensors[3].Debounce, devices.Sensors[3].Pull, devices.Sensors[3].ActiveLow));
        Assert.Equal(new ActuatorOptions { Type = ActuatorKinds.Named("output"), Name = "heater", Pin = 27, ActiveLow = true, Default = 1 }, devices.Actuators[0]);
        Assert.Equal(new ActuatorOptions { Type = ActuatorKinds.Named("pwm"), Name = "fan", Chip = 2, Channel = 1, Frequency = 25000, Default = 40 }, devices.Actuators[1]);
    }

    [Fact]
    public void Same_block_in_nats_conf_reads_the_same()
    {
        var path = _folder.Write("board.conf", """
            devices {
              board: simulated
              sensors: [ { type: sht31, address: "0x45", interval: "500ms" }, { type: pir, pin: 23 } ]
              actuators: [ { type: led, pin: 5 } ]
            }
            """);

        var devices = TempConfigFolder.Load(path).Devices!;

        Assert.Equal(BoardModel.Simulated, devices.Model);
        Assert.Equal((SensorKinds.Named("sht3x"), "sht31", 0x45, TimeSpan.FromMilliseconds(500)), (devices.Sensors[0].Type, devices.Sensors[0].Name, devices.Sensors[0].Address, devices.Sensors[0].Interval));
        Assert.Equal((SensorKinds.Named("input"), PinPull.None, false), (devices.Sensors[1].Type, devices.Sensors[1].Pull, devices.Sensors[1].ActiveLow));
        Assert.Equal((ActuatorKinds.Named("output"), "led", 5), (devices.Actuators[0].Type, devices.Actuators[0].Name, devices.Actuators[0].Pin));
    }

    [Fact]
    public void Board_is_named_after_the_server_when_the_block_does_not_name_it()
    {
        var devices = Load("""{ "server_name": "Pi.Kitchen", "devices": { "board": "simulated" } }""");

        Assert.Equal("pi-kitchen", devices.Board);
    }

    [Fact]
    public void Button_defaults_to_pull_up_and_active_low()
    {
        var button = Load("""{ "devices": { "sensors": [ { "type": "button", "pin": 17 } ] } }""").Sensors[0];

        Assert.Equal((PinPull.Up, true, TimeSpan.FromMilliseconds(50)), (button.Pull, button.ActiveLow, button.Debounce));
    }

    [Fact]
    public void Header_numbering_turns_physical_pins_into_bcm_numbers()
    {
        var devices = Load("""
            { "devices": { "board": { "numbering": "board" },
              "sensors": [ { "type": "dht22", "pin": 7 } ], "actuators": [ { "type": "relay", "pin": 11 } ] } }
            """);

        Assert.Equal((4, 17), (devices.Sensors[0].Pin, devices.Actuators[0].Pin));
    }

    [Theory]
    [InlineData("""{ "type": "bme280", "colour": "red" }""", "unknown configuration key 'devices.sensors.0.colour'")]
    [InlineData("""{ "type": "bme280", "pin": 4 }""", "unknown configuration key 'devices.sensors.0.pin'")]
    [InlineData("""{ "type": "thermostat" }""", "\"thermostat\" is not a sensor type")]
    [InlineData("""{ "name": "x" }""", "a sensor needs \"type\"")]
    [InlineData("""{ "type": "bme280", "address": "0x80" }""", "is not a 7-bit I2C address")]
    [InlineData("""{ "type": "bme280", "interval": "soon" }""", "\"soon\" is not a duration")]
    [InlineData("""{ "type": "bme280", "interval": "0s" }""", "must be longer than zero")]
    [InlineData("""{ "type": "bme280", "name": "kitchen.temp" }""", "is not a subject token")]
    [InlineData("""{ "type": "bme280", "subject": "devices.*.x" }""", "is not a subject without wildcards")]
    [InlineData("""{ "type": "dht22" }""", "a dht22 needs \"pin\"")]
    [InlineData("""{ "type": "button", "pin": 28 }""", "is not a BCM GPIO number")]
    [InlineData("""{ "type": "ads1115", "channels": [0, 4] }""", "lists channels 0 to 3")]
    [InlineData("""{ "type": "ads1115", "full_scale": 5 }""", "is not 6.144, 4.096")]
    public void Wrong_sensor_is_refused_with_its_location(string sensor, string message)
    {
        var path = _folder.Write("board.json", $$"""
            {
              "devices": {
                "sensors": [ {{sensor}} ]
              }
            }
            """);

        var error = Assert.Throws<ConfigException>(() => TempConfigFolder.Load(path));

        Assert.StartsWith(path + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "type": "relay" }""", "a relay needs \"pin\"")]
    [InlineData("""{ "type": "relay", "pin": 5, "default": "half" }""", "is not on or off")]
    [InlineData("""{ "type": "pwm", "default": 150 }""", "is not a number from 0 to 100")]
    [InlineData("""{ "type": "pwm", "pin": 12 }""", "unknown configuration key 'devices.actuators.0.pin'")]
    [InlineData("""{ "type": "servo" }""", "is not an actuator type")]
    public void Wrong_actuator_is_refused_with_its_location(string actuator, string message)
    {
        var path = _folder.Write("board.json", $$"""{ "devices": { "actuators": [ {{actuator}} ] } }""");

        var error = Assert.Throws<ConfigException>(() => TempConfigFolder.Load(path));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_devices_of_one_name_are_refused()
    {
        var error = Assert.Throws<ConfigException>(() => Load("""
            { "devices": { "sensors": [ { "type": "bme280" }, { "type": "bme280", "address": "0x77" } ] } }
            """));

        Assert.Contains("a second device named \"bme280\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_and_relay_on_one_pin_are_refused_at_the_second_pin_naming_both()
    {
        var path = _folder.Write("board.json", """
            {
              "devices": {
                "sensors": [ { "type": "reed", "name": "door", "pin": 17 } ],
                "actuators": [
                  { "type": "relay", "name": "heater",
                    "pin": 17 }
                ]
              }
            }
            """);

        var error = Assert.Throws<ConfigException>(() => TempConfigFolder.Load(path));

        Assert.Equal($"{path}:6: key \"devices.actuators.0.pin\": GPIO 17 is used by both sensor \"door\" (input) and actuator \"heater\" (output)", error.Message);
    }

    [Fact]
    public void Pins_clash_by_their_gpio_whichever_numbering_names_them()
    {
        var error = Assert.Throws<ConfigException>(() => Load("""
            { "devices": { "board": { "numbering": "board" },
              "sensors": [ { "type": "dht22", "name": "air", "pin": 7 } ], "actuators": [ { "type": "led", "name": "lamp", "pin": 7 } ] } }
            """));

        Assert.Contains("key \"devices.actuators.0.pin\": GPIO 4 is used by both sensor \"air\" (dht22) and actuator \"lamp\" (output)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_chips_left_at_one_default_address_are_refused_at_the_second_device()
    {
        var error = Assert.Throws<ConfigException>(() => Load("""
            { "devices": { "sensors": [ { "type": "bme280" }, { "type": "bmp280" } ] } }
            """));

        Assert.Contains("key \"devices.sensors.1\": address 0x76 on I2C bus 1 is used by both sensor \"bme280\" (bme280) and sensor \"bmp280\" (bmp280)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_block_in_nats_conf_refuses_a_shared_pwm_channel()
    {
        var path = _folder.Write("board.conf", """
            devices {
              actuators: [
                { type: pwm, name: fan, chip: 0, channel: 1 }
                { type: pwm, name: vent, chip: 0, channel: 1 }
              ]
            }
            """);

        var error = Assert.Throws<ConfigException>(() => TempConfigFolder.Load(path));

        Assert.Equal($"{path}:4: key \"devices.actuators.1.channel\": PWM channel 1 of chip 0 is used by both actuator \"fan\" (pwm) and actuator \"vent\" (pwm)", error.Message);
    }

    [Fact]
    public void Header_pin_that_is_no_gpio_is_refused()
    {
        var error = Assert.Throws<ConfigException>(() => Load("""
            { "devices": { "board": { "numbering": "board" }, "sensors": [ { "type": "button", "pin": 6 } ] } }
            """));

        Assert.Contains("is not a GPIO pin of the 40-pin header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_line_points_into_the_block()
    {
        var path = _folder.Write("board.json", "{\n  \"devices\": {\n    \"board\": \"simulated\",\n    \"bogus\": 1\n  }\n}\n");

        var error = Assert.Throws<ConfigException>(() => TempConfigFolder.Load(path));

        Assert.StartsWith($"{path}:4", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("board.conf", "devices {\n  board: abacus\n}\n", ":2: key \"devices.board\": \"abacus\" is not raspberry-pi or simulated")]
    [InlineData(
        "board.json", "{ \"devices\": { \"sensors\": [\n  { \"type\": \"dht22\", \"pin\": 4,\n    \"colour\": \"red\" } ] } }",
        ":3: unknown configuration key 'devices.sensors.0.colour'")]
    [InlineData("board.json", "{ \"devices\": { \"sensors\": [\n  { \"type\": \"dht22\", \"pin\": \"\" } ] } }", ":2: key \"devices.sensors.0.pin\": \"\" is not a number")]
    [InlineData("board.json", "{ \"devices\": {\n  \"status_interval\": \"0s\" } }", ":2: key \"devices.status_interval\": \"0s\" must be longer than zero")]
    [InlineData("board.json", "{ \"devices\": { \"actuators\": [\n  { \"type\": \"relay\", \"pin\": [5, 6] } ] } }", ":2: key \"devices.actuators.0.pin\" needs a value")]
    public void Error_names_the_file_line_and_key_as_written(string name, string text, string message)
    {
        var path = _folder.Write(name, text);

        Assert.Equal(path + message, Assert.Throws<ConfigException>(() => TempConfigFolder.Load(path)).Message);
    }

    [Fact]
    public void Kind_key_from_the_environment_that_no_kind_takes_is_a_warning()
    {
        var path = _folder.Write("board.json", """{ "devices": { "sensors": [ { "type": "dht22", "pin": 4 } ] } }""");

        var loaded = TempConfigFolder.Load(path, [new("DEVICES:SENSORS:0:COLOUR", "red")]);

        Assert.Equal(4, loaded.Devices!.Sensors[0].Pin);
        Assert.Equal(["environment variable NATS_EDGE_DEVICES__SENSORS__0__COLOUR: unknown configuration key 'devices.sensors.0.colour', ignored"], loaded.Warnings);
    }

    private DeviceBridgeOptions Load(string json) => TempConfigFolder.Load(_folder.Write("board.json", json)).Devices!;
}
