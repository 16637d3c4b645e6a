using Nats.Edge.Devices.Actuators;
using Nats.Edge.Devices.Boards;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Sensors;

namespace Nats.Edge.Tests.Devices;

/// <summary>One device per pin, I2C address and PWM channel: the second is refused, naming both.</summary>
public sealed class BoardReservationsTests
{
    private readonly BoardReservations _reservations = new();

    [Fact]
    public void Second_device_on_a_gpio_pin_is_refused_naming_both()
    {
        Assert.Null(_reservations.Reserve(new SensorOptions { Type = SensorKinds.Named("input"), Name = "door", Pin = 17 }));

        var clash = _reservations.Reserve(new ActuatorOptions { Type = ActuatorKinds.Named("output"), Name = "heater", Pin = 17 });

        Assert.NotNull(clash);
        Assert.Equal(new GpioPinResource(17), clash.Resource);
        Assert.Equal("GPIO 17 is used by both sensor \"door\" (input) and actuator \"heater\" (output)", clash.Message);
    }

    [Fact]
    public void Two_chips_at_one_address_of_one_bus_clash()
    {
        _reservations.Reserve(new SensorOptions { Type = SensorKinds.Named("bme280"), Name = "inside", Address = 0x76 });

        var clash = _reservations.Reserve(new SensorOptions { Type = SensorKinds.Named("bmp280"), Name = "outside", Address = 0x76 });

        Assert.Equal("address 0x76 on I2C bus 1 is used by both sensor \"inside\" (bme280) and sensor \"outside\" (bmp280)", clash?.Message);
    }

    [Fact]
    public void Same_address_on_another_bus_is_another_chip()
    {
        _reservations.Reserve(new SensorOptions { Type = SensorKinds.Named("bme280"), Name = "inside", Bus = 1, Address = 0x76 });

        Assert.Null(_reservations.Reserve(new SensorOptions { Type = SensorKinds.Named("bme280"), Name = "outside", Bus = 3, Address = 0x76 }));
    }

    [Fact]
    public void Dht22_and_a_relay_on_one_pin_clash()
    {
        _reservations.Reserve(new SensorOptions { Type = SensorKinds.Named("dht22"), Name = "air", Pin = 4 });

        var clash = _reservations.Reserve(new ActuatorOptions { Type = ActuatorKinds.Named("relay"), Name = "pump", Pin = 4 });

        Assert.Equal("GPIO 4 is used by both sensor \"air\" (dht22) and actuator \"pump\" (output)", clash?.Message);
    }

    [Fact]
    public void Two_fans_on_one_pwm_channel_clash_and_on_two_channels_do_not()
    {
        _reservations.Reserve(new ActuatorOptions { Type = ActuatorKinds.Named("pwm"), Name = "fan", Chip = 0, Channel = 1 });

        var other = _reservations.Reserve(new ActuatorOptions { Type = ActuatorKinds.Named("pwm"), Name = "cooler", Chip = 0, Channel = 0 });
        var clash = _reservations.Reserve(new ActuatorOptions { Type = ActuatorKinds.Named("pwm"), Name = "vent", Chip = 0, Channel = 1 });

        Assert.Null(other);
        Assert.Equal("PWM channel 1 of chip 0 is used by both actuator \"fan\" (pwm) and actuator \"vent\" (pwm)", clash?.Message);
    }

    [Fact]
    public void Sensors_wired_to_nothing_the_config_names_never_clash()
    {
        // The CPU's own sensor, and thermometers sharing the 1-Wire bus the device tree sets up.
        Assert.Null(_reservations.Reserve(new SensorOptions { Type = SensorKinds.Named("cpu_temperature"), Name = "cpu" }));
        Assert.Null(_reservations.Reserve(new SensorOptions { Type = SensorKinds.Named("ds18b20"), Name = "pipe" }));
        Assert.Null(_reservations.Reserve(new SensorOptions { Type = SensorKinds.Named("ds18b20"), Name = "tank" }));
    }
}
