using System.Device.Gpio;
using System.Globalization;
using System.Text.Json;
using NATS.Client.Core;
using Nats.Edge.Devices.Actuators;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Sensors;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Devices;

/// <summary>The bridge on a simulated board, seen by a NATS.Net client on <c>devices.&gt;</c>.</summary>
public sealed class DeviceBridgeTests
{
    private static readonly TimeSpan Fast = TimeSpan.FromMilliseconds(200);

    private static DeviceBridgeOptions Board(params SensorOptions[] sensors) => new()
    {
        Board = "test",
        Model = BoardModel.Simulated,
        Sensors = sensors,
        StatusInterval = TimeSpan.FromHours(1),
    };

    private static SensorOptions Bme280 => new() { Type = SensorKinds.Named("bme280"), Name = "bme280", Address = 0x76, Interval = Fast };

    [Fact]
    public async Task Bme280_readings_carry_the_datasheet_values_with_units_and_a_utc_timestamp()
    {
        await using var board = await SimulatedBridge.StartAsync(Board(Bme280));

        var temperature = await board.NextAsync("devices.test.bme280.temperature");
        var pressure = await board.NextAsync("devices.test.bme280.pressure");
        var humidity = await board.NextAsync("devices.test.bme280.humidity");

        var (celsius, fine) = Bmx280Datasheet.Temperature(SimulatedBmx280.ExampleAdcTemperature);
        Assert.Equal(25.08, Math.Round(celsius, 2));
        Assert.Equal((25.08, "°C", "good"), (temperature.GetProperty("value").GetDouble(), temperature.GetProperty("unit").GetString(), temperature.GetProperty("quality").GetString()));
        Assert.Equal((1006.53, "hPa"), (pressure.GetProperty("value").GetDouble(), pressure.GetProperty("unit").GetString()));
        Assert.Equal(Math.Round(Bmx280Datasheet.Humidity(SimulatedBmx280.ExampleAdcHumidity, fine), 2), humidity.GetProperty("value").GetDouble());
        Assert.Equal("%RH", humidity.GetProperty("unit").GetString());
        var ts = temperature.GetProperty("ts").GetString()!;
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", ts);
        Assert.InRange(DateTime.Parse(ts, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal), DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task Payload_is_compact_json_with_the_unit_unescaped()
    {
        await using var board = await SimulatedBridge.StartAsync(Board(Bme280));
        var message = (await TestClients.NextOnAsync(board.Readings, "devices.test.bme280.temperature")).Data!;

        Assert.StartsWith("{\"value\":25.08,\"unit\":\"°C\",\"ts\":\"", message);
        Assert.EndsWith("Z\",\"quality\":\"good\"}", message);
    }

    [Fact]
    public async Task Readings_repeat_at_the_configured_interval()
    {
        await using var board = await SimulatedBridge.StartAsync(Board(Bme280));

        var times = new List<DateTime>();
        for (var i = 0; i < 3; i++)
        {
            var reading = await board.NextAsync("devices.test.bme280.temperature");
            times.Add(DateTime.Parse(reading.GetProperty("ts").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal));
        }

        Assert.All([times[1] - times[0], times[2] - times[1]], gap => Assert.InRange(gap, Fast * 0.9, Fast * 10));
    }

    [Fact]
    public async Task Every_sensor_type_publishes_its_quantities()
    {
        await using var board = await SimulatedBridge.StartAsync(Board(
            new SensorOptions { Type = SensorKinds.Named("bmp280"), Name = "outside", Address = 0x77, Interval = Fast },
            new SensorOptions { Type = SensorKinds.Named("sht3x"), Name = "sht", Address = 0x44, Interval = Fast },
            new SensorOptions { Type = SensorKinds.Named("ads1115"), Name = "adc", Address = 0x48, Channels = [0, 1], Interval = Fast },
            new SensorOptions { Type = SensorKinds.Named("dht22"), Name = "dht", Pin = 4, Interval = Fast },
            new SensorOptions { Type = SensorKinds.Named("ds18b20"), Name = "water", Interval = Fast },
            new SensorOptions { Type = SensorKinds.Named("cpu_temperature"), Name = "cpu", Interval = Fast }));

        Assert.Equal(25.08, (await board.NextAsync("devices.test.outside.temperature")).GetProperty("value").GetDouble());
        Assert.Equal(18.0, (await board.NextAsync("devices.test.sht.temperature")).GetProperty("value").GetDouble());
        Assert.Equal(45.0, (await board.NextAsync("devices.test.sht.humidity")).GetProperty("value").GetDouble());
        var ain1 = await board.NextAsync("devices.test.adc.ain1");
        Assert.Equal((3.3, "V"), (ain1.GetProperty("value").GetDouble(), ain1.GetProperty("unit").GetString()));
        Assert.Equal(48.1, (await board.NextAsync("devices.test.dht.humidity")).GetProperty("value").GetDouble());
        Assert.Equal(19.75, (await board.NextAsync("devices.test.water.temperature")).GetProperty("value").GetDouble());
        Assert.Equal(47.2, (await board.NextAsync("devices.test.cpu.temperature")).GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Button_press_with_contact_bounce_is_published_once_per_edge()
    {
        var options = Board(new SensorOptions
        {
            Type = SensorKinds.Named("input"), Name = "button", Pin = 17, Pull = PinPull.Up, ActiveLow = true, Debounce = TimeSpan.FromMilliseconds(30),
        });
        await using var board = await SimulatedBridge.StartAsync(options);
        var initial = await board.NextAsync("devices.test.button.state");
        Assert.Equal(0, initial.GetProperty("value").GetDouble());
        Assert.False(initial.TryGetProperty("edge", out _));

        foreach (var level in new[] { PinValue.Low, PinValue.High, PinValue.Low, PinValue.High, PinValue.Low })
        {
            board.Board.Pins.Drive(17, level);
        }

        var press = await board.NextAsync("devices.test.button.state");
        foreach (var level in new[] { PinValue.High, PinValue.Low, PinValue.High })
        {
            board.Board.Pins.Drive(17, level);
        }

        var release = await board.NextAsync("devices.test.button.state");

        Assert.Equal((1.0, "rising"), (press.GetProperty("value").GetDouble(), press.GetProperty("edge").GetString()));
        Assert.Equal((0.0, "falling"), (release.GetProperty("value").GetDouble(), release.GetProperty("edge").GetString()));
    }

    [Fact]
    public async Task Bounce_that_ends_where_it_started_publishes_nothing()
    {
        var options = Board(new SensorOptions { Type = SensorKinds.Named("input"), Name = "reed", Pin = 22, Debounce = TimeSpan.FromMilliseconds(20) });
        await using var board = await SimulatedBridge.StartAsync(options);
        await board.NextAsync("devices.test.reed.state");

        board.Board.Pins.Drive(22, PinValue.High);
        board.Board.Pins.Drive(22, PinValue.Low);
        board.Board.Pins.Drive(22, PinValue.High);

        var rising = await board.NextAsync("devices.test.reed.state");
        board.Board.Pins.Drive(22, PinValue.Low);
        board.Board.Pins.Drive(22, PinValue.High);
        board.Board.Pins.Drive(22, PinValue.Low);
        var falling = await board.NextAsync("devices.test.reed.state");

        Assert.Equal(("rising", "falling"), (rising.GetProperty("edge").GetString(), falling.GetProperty("edge").GetString()));
    }

    [Fact]
    public async Task Output_starts_at_its_default_and_a_set_request_drives_the_pin_and_answers_the_new_state()
    {
        var options = Board() with { Actuators = [new ActuatorOptions { Type = ActuatorKinds.Named("output"), Name = "relay", Pin = 27, ActiveLow = true }] };
        await using var board = await SimulatedBridge.StartAsync(options);
        var initial = await board.NextAsync("devices.test.relay.state");
        Assert.Equal(0, initial.GetProperty("value").GetDouble());
        Assert.Equal(PinValue.High, board.Board.Pins.Output(27));

        var reply = await board.Client.RequestAsync<string, string>("devices.test.relay.set", "on");
        var state = await board.NextAsync("devices.test.relay.state");

        Assert.Equal(1, JsonDocument.Parse(reply.Data!).RootElement.GetProperty("value").GetDouble());
        Assert.Equal(1, state.GetProperty("value").GetDouble());
        Assert.Equal(PinValue.Low, board.Board.Pins.Output(27));
    }

    [Theory]
    [InlineData("off", 0)]
    [InlineData("1", 1)]
    [InlineData("true", 1)]
    [InlineData("{\"value\":1}", 1)]
    [InlineData("\"on\"", 1)]
    [InlineData("toggle", 1)]
    public async Task Output_takes_a_value_as_json_or_plain_text(string request, double expected)
    {
        var options = Board() with { Actuators = [new ActuatorOptions { Type = ActuatorKinds.Named("output"), Name = "led", Pin = 5 }] };
        await using var board = await SimulatedBridge.StartAsync(options);

        var reply = await board.Client.RequestAsync<string, string>("devices.test.led.set", request);

        Assert.Equal(expected, JsonDocument.Parse(reply.Data!).RootElement.GetProperty("value").GetDouble());
        Assert.Equal(expected == 1 ? PinValue.High : PinValue.Low, board.Board.Pins.Output(5));
    }

    [Fact]
    public async Task Value_an_output_cannot_take_is_answered_with_an_error_and_changes_nothing()
    {
        var options = Board() with { Actuators = [new ActuatorOptions { Type = ActuatorKinds.Named("output"), Name = "led", Pin = 5, Default = 1 }] };
        await using var board = await SimulatedBridge.StartAsync(options);

        var reply = await board.Client.RequestAsync<string, string>("devices.test.led.set", "7");

        var answer = JsonDocument.Parse(reply.Data!).RootElement;
        Assert.Equal("error", answer.GetProperty("quality").GetString());
        Assert.Contains("0 or 1", answer.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(PinValue.High, board.Board.Pins.Output(5));
    }

    [Fact]
    public async Task Pwm_duty_request_sets_the_channel()
    {
        var options = Board() with { Actuators = [new ActuatorOptions { Type = ActuatorKinds.Named("pwm"), Name = "fan", Chip = 0, Channel = 1, Frequency = 25000, Default = 30 }] };
        await using var board = await SimulatedBridge.StartAsync(options);
        Assert.Equal(30, (await board.NextAsync("devices.test.fan.state")).GetProperty("value").GetDouble());

        var reply = await board.Client.RequestAsync<string, string>("devices.test.fan.set", "75.5");

        var answer = JsonDocument.Parse(reply.Data!).RootElement;
        Assert.Equal((75.5, "%"), (answer.GetProperty("value").GetDouble(), answer.GetProperty("unit").GetString()));
        var channel = board.Board.Pwm(0, 1);
        Assert.Equal((0.755, 25000, true), (channel.DutyCycle, channel.Frequency, channel.IsRunning));
    }

    [Fact]
    public async Task Failing_sensor_publishes_its_error_and_recovers_while_the_others_keep_publishing()
    {
        var options = Board(Bme280, new SensorOptions { Type = SensorKinds.Named("cpu_temperature"), Name = "cpu", Interval = TimeSpan.FromMilliseconds(50) })
            with { MaxBackoff = TimeSpan.FromMilliseconds(400), StatusInterval = TimeSpan.FromMilliseconds(100) };
        await using var board = await SimulatedBridge.StartAsync(options);
        await board.NextAsync("devices.test.bme280.temperature");
        var chip = board.Board.Chip(1, 0x76);

        chip.Faulted = true;
        var error = await board.NextAsync("devices.test.bme280.temperature", json => json.GetProperty("quality").GetString() == "error");
        var status = await board.NextAsync("devices.test.status", json => json.GetProperty("failing").GetArrayLength() > 0);
        await board.NextAsync("devices.test.cpu.temperature");
        await board.NextAsync("devices.test.cpu.temperature");
        chip.Faulted = false;
        var recovered = await board.NextAsync("devices.test.bme280.temperature", json => json.GetProperty("quality").GetString() == "good");

        Assert.Equal("no answer at 0x76", error.GetProperty("error").GetString());
        Assert.False(error.TryGetProperty("value", out _));
        Assert.Equal(("degraded", "bme280"), (status.GetProperty("quality").GetString(), status.GetProperty("failing")[0].GetString()));
        Assert.Equal(25.08, recovered.GetProperty("value").GetDouble());
        Assert.Contains("[WRN] Device bme280: no answer at 0x76; retrying in", board.Server.Log, StringComparison.Ordinal);
        Assert.Contains("[INF] Device bme280: answering again", board.Server.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sensor_missing_from_the_bus_is_an_error_reading_not_a_failed_start()
    {
        var options = Board(Bme280);
        await using var server = await EdgeServer.StartAsync(TestServers.Defaults);
        await using var client = await TestClients.ConnectAsync(server);
        await using var readings = await client.SubscribeCoreAsync<string>("devices.test.bme280.humidity");
        await client.PingAsync();
        // The board simulates nothing at 0x76: the configured chip is on a different address.
        using var empty = new Nats.Edge.Devices.Boards.SimulatedBoard(Board(Bme280 with { Address = 0x77 }));
        await using var bridge = Nats.Edge.Devices.Bridge.DeviceBridge.Start(server.Server, options, empty);

        var error = JsonDocument.Parse((await TestClients.NextAsync(readings)).Data!).RootElement;

        Assert.Equal("no answer at 0x76 on I2C bus 1", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Board_announces_its_inventory_at_start_and_on_request()
    {
        var options = Board(Bme280) with { Actuators = [new ActuatorOptions { Type = ActuatorKinds.Named("output"), Name = "relay", Pin = 27 }] };
        await using var board = await SimulatedBridge.StartAsync(options);

        var meta = await board.NextAsync("devices.test.meta");
        var reply = await board.Client.RequestAsync<string, string>("devices.test.meta", string.Empty);

        Assert.Equal(meta.GetProperty("sensors").GetRawText(), JsonDocument.Parse(reply.Data!).RootElement.GetProperty("sensors").GetRawText());
        Assert.Equal(("test", "simulated"), (meta.GetProperty("board").GetString(), meta.GetProperty("model").GetString()));
        var sensor = meta.GetProperty("sensors")[0];
        Assert.Equal(("bme280", "200ms"), (sensor.GetProperty("type").GetString(), sensor.GetProperty("interval").GetString()));
        Assert.Equal(["devices.test.bme280.temperature", "devices.test.bme280.pressure", "devices.test.bme280.humidity"],
            sensor.GetProperty("subjects").EnumerateArray().Select(subject => subject.GetString()));
        Assert.Equal("devices.test.relay.set", meta.GetProperty("actuators")[0].GetProperty("set").GetString());
        Assert.Contains("[INF] Device bridge: 1 sensor, 1 actuator on board test (simulated)", board.Server.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readings_go_to_the_configured_account_only()
    {
        var options = TestServers.Defaults with
        {
            Users = [new Nats.Edge.Server.Configuration.UserOptions { Username = "hub", Password = "h", Account = "DEVICES" }, new Nats.Edge.Server.Configuration.UserOptions { Username = "guest", Password = "g" }],
            Accounts = [new Nats.Edge.Server.Configuration.AccountOptions { Name = "DEVICES" }],
        };
        await using var server = await EdgeServer.StartAsync(options);
        await using var inAccount = await TestClients.ConnectAsync(server, new NatsAuthOpts { Username = "hub", Password = "h" });
        await using var outside = await TestClients.ConnectAsync(server, new NatsAuthOpts { Username = "guest", Password = "g" });
        await using var readings = await inAccount.SubscribeCoreAsync<string>("devices.test.bme280.temperature");
        await using var leaked = await outside.SubscribeCoreAsync<string>("devices.>");
        await inAccount.PingAsync();
        await outside.PingAsync();
        var devices = Board(Bme280) with { Account = "DEVICES" };
        using var simulated = new Nats.Edge.Devices.Boards.SimulatedBoard(devices);
        await using var bridge = Nats.Edge.Devices.Bridge.DeviceBridge.Start(server.Server, devices, simulated);

        await TestClients.NextAsync(readings);
        await outside.PingAsync();

        Assert.Empty(TestClients.Drain(leaked));
    }

    [Fact]
    public async Task Unknown_account_is_refused_at_start()
    {
        await using var server = await EdgeServer.StartAsync(TestServers.Defaults);

        var error = Assert.Throws<Nats.Edge.Server.Configuration.ServerOptionsException>(
            () => Nats.Edge.Devices.Bridge.DeviceBridge.Start(server.Server, Board(Bme280) with { Account = "NOPE" }));

        Assert.Contains("unknown account \"NOPE\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_devices_on_one_pin_are_refused_at_start_naming_both()
    {
        await using var server = await EdgeServer.StartAsync(TestServers.Defaults);
        var options = Board(new SensorOptions { Type = SensorKinds.Named("input"), Name = "door", Pin = 17 })
            with { Actuators = [new ActuatorOptions { Type = ActuatorKinds.Named("output"), Name = "heater", Pin = 17 }] };

        var error = Assert.Throws<Nats.Edge.Server.Configuration.ServerOptionsException>(
            () => Nats.Edge.Devices.Bridge.DeviceBridge.Start(server.Server, options));

        Assert.Equal("GPIO 17 is used by both sensor \"door\" (input) and actuator \"heater\" (output)", error.Message);
    }

    [Fact]
    public async Task Subject_override_replaces_the_board_and_device_tokens()
    {
        await using var board = await SimulatedBridge.StartAsync(Board(Bme280 with { Subject = "devices.test.kitchen.climate" }));

        Assert.Equal(25.08, (await board.NextAsync("devices.test.kitchen.climate.temperature")).GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Disposed_bridge_publishes_nothing_more()
    {
        await using var board = await SimulatedBridge.StartAsync(Board(Bme280 with { Interval = TimeSpan.FromMilliseconds(20) }));
        await board.NextAsync("devices.test.bme280.temperature");

        await board.Bridge.DisposeAsync();
        await board.Client.PingAsync();
        TestClients.Drain(board.Readings);
        var probe = new Nats.Edge.Server.Embedded.InProcessClient(board.Server.Server);
        probe.Publish("devices.test.probe"u8, default, "{}"u8);

        var next = await TestClients.NextAsync(board.Readings);
        Assert.Equal("devices.test.probe", next.Subject);
    }

}
