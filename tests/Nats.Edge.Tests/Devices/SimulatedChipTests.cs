using Iot.Device.Ads1115;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.PowerMode;
using Iot.Device.Sht3x;
using Nats.Edge.Devices.Sensors;

namespace Nats.Edge.Tests.Devices;

/// <summary>The Iot.Device.Bindings drivers, unchanged, against the simulated chips' register maps.</summary>
public sealed class SimulatedChipTests
{
    [Fact]
    public void Bmp280_binding_decodes_the_datasheet_example_to_25_08_celsius_and_100653_27_pascal()
    {
        using var sensor = new Bmp280(SimulatedBmx280.Bmp280(1, 0x76));
        sensor.SetPowerMode(Bmx280PowerMode.Normal);

        sensor.TryReadTemperature(out var temperature);
        sensor.TryReadPressure(out var pressure);

        Assert.Equal(25.08, temperature.DegreesCelsius, 2);
        Assert.Equal(100653.27, pressure.Pascals, 2);
    }

    [Fact]
    public void Bme280_binding_decodes_humidity_as_the_datasheet_formula_does()
    {
        var chip = SimulatedBmx280.Bme280(1, 0x77);
        using var sensor = new Bme280(chip);
        chip.SetRaw(SimulatedBmx280.ExampleAdcTemperature, SimulatedBmx280.ExampleAdcPressure, 0x7A12);

        sensor.TryReadHumidity(out var humidity);

        // The binding carries t_fine as a double where the datasheet truncates it to an integer: they
        // differ in the sixth decimal, far below the two decimals published.
        var (_, fine) = Bmx280Datasheet.Temperature(SimulatedBmx280.ExampleAdcTemperature);
        Assert.Equal(Bmx280Datasheet.Humidity(0x7A12, fine), humidity.Percent, 4);
    }

    [Fact]
    public void Calibration_word_dig_P1_is_the_unsigned_datasheet_value()
    {
        Assert.Equal(Bmx280Datasheet.DigP1, (ushort)SimulatedBmx280.Calibration[3]);
    }

    [Fact]
    public void Bme280_binding_refuses_a_chip_with_the_bmp280_id()
    {
        Assert.Throws<IOException>(() => new Bme280(SimulatedBmx280.Bmp280(1, 0x76)));
    }

    [Fact]
    public void Faulted_chip_fails_the_binding_like_a_missing_acknowledge()
    {
        var chip = SimulatedBmx280.Bme280(1, 0x76);
        using var sensor = new Bme280(chip);
        chip.Faulted = true;

        var error = Assert.Throws<IOException>(() => sensor.TryReadTemperature(out _));
        Assert.Equal("no answer at 0x76", error.Message);
    }

    [Fact]
    public void Sht3x_binding_reads_the_raw_words_through_their_checksums()
    {
        var chip = new SimulatedSht3x(1, 0x44);
        chip.SetRaw(0x6666, 0x8000);
        using var sensor = new Sht3x(chip);

        // Datasheet §4.13: T = -45 + 175 · 0x6666 / 65535, RH = 100 · 0x8000 / 65535; the binding keeps one decimal.
        Assert.Equal(25.0, sensor.Temperature.DegreesCelsius, 1);
        Assert.Equal(50.0, sensor.Humidity.Percent, 1);
    }

    [Fact]
    public void Sht3x_checksum_is_the_datasheet_example()
    {
        // Datasheet §4.12: CRC-8 of 0xBEEF is 0x92.
        Assert.Equal(0x92, SimulatedSht3x.Crc8([0xBE, 0xEF]));
    }

    [Fact]
    public void Ads1115_binding_reads_each_input_in_steps_of_full_scale()
    {
        var chip = new SimulatedAds1115(1, 0x48);
        chip.SetVoltage(2, 1.234);
        using var adc = new Ads1115(chip, InputMultiplexer.AIN0, MeasuringRange.FS4096, DataRate.SPS128, DeviceMode.PowerDown);

        Assert.Equal(1.65, adc.ReadVoltage(InputMultiplexer.AIN0).Volts, 4);
        Assert.Equal(1.234, adc.ReadVoltage(InputMultiplexer.AIN2).Volts, 3);
    }
}
