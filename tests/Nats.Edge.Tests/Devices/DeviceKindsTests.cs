using Nats.Edge.Devices.Actuators;
using Nats.Edge.Devices.Sensors;

namespace Nats.Edge.Tests.Devices;

/// <summary>The registries of sensor and actuator kinds: what a config file's <c>type</c> finds.</summary>
public sealed class DeviceKindsTests
{
    [Fact]
    public void No_two_sensor_kinds_answer_to_one_type_name()
    {
        var names = SensorKinds.All.SelectMany(kind => kind.TypeNames).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void No_two_actuator_kinds_answer_to_one_type_name()
    {
        var names = ActuatorKinds.All.SelectMany(kind => kind.TypeNames).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Sold_names_find_the_part_they_are_sold_as()
    {
        Assert.Equal(("sht3x", "dht22", "input", "output"),
            (SensorKinds.Named("sht31").Name, SensorKinds.Named("am2302").Name, SensorKinds.Named("reed").Name, ActuatorKinds.Named("relay").Name));
    }

    [Fact]
    public void Unknown_name_is_refused_when_options_are_built_in_code()
    {
        var error = Assert.Throws<ArgumentException>(() => SensorKinds.Named("thermostat"));

        Assert.Contains("no sensor kind is named \"thermostat\"", error.Message, StringComparison.Ordinal);
    }
}
