using System.Device.Gpio;
using System.Device.Gpio.Drivers;
using System.Device.I2c;
using System.Device.Pwm;
using Nats.Edge.Devices.Configuration;

namespace Nats.Edge.Devices.Boards;

/// <summary>
/// Real hardware through the library's drivers, picked as its default controller picks them:
/// RaspberryPi3Driver (registers through <c>/dev/gpiomem</c>) on a Pi 3/4, libgpiod on a Pi 5, whose
/// GPIO sits behind the RP1 chip. I2C is <c>/dev/i2c-N</c>, PWM <c>/sys/class/pwm</c>.
/// </summary>
internal sealed class RaspberryPiBoard : Board
{
    // Where the kernel names the board: "Raspberry Pi 5 Model B Rev 1.0".
    private const string ModelFile = "/proc/device-tree/model";

    // Opened on first use: a board with only I2C sensors works where no GPIO driver can load.
    // Chosen here rather than by new GpioController(), whose probing links in libgpiod v2 bindings
    // that are not trim-safe; Raspberry Pi OS ships libgpiod v1 anyway.
    private readonly Lazy<GpioController> _gpio = new(() => new GpioController(OpenDriver()));

    public override BoardModel Model => BoardModel.RaspberryPi;

    public override GpioController Gpio => _gpio.Value;

    public override PwmChannel OpenPwm(int chip, int channel, int frequency, double dutyCycle) =>
        PwmChannel.Create(chip, channel, frequency, dutyCycle);

    public override I2cDevice OpenI2c(int bus, int address) => I2cDevice.Create(new I2cConnectionSettings(bus, address));

    private static GpioDriver OpenDriver()
    {
        var model = File.Exists(ModelFile) ? File.ReadAllText(ModelFile) : string.Empty;
        if (!model.Contains("Raspberry Pi 5", StringComparison.Ordinal))
        {
            return new RaspberryPi3Driver();
        }

        // The header's pins are the RP1's chip: gpiochip4 on older kernels, gpiochip0 on newer ones.
        foreach (var chip in LibGpiodDriver.GetAvailableChips())
        {
            if (chip.Label == "pinctrl-rp1")
            {
                return new LibGpiodDriver(chip.Id);
            }
        }

        return new LibGpiodDriver(0);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _gpio.IsValueCreated)
        {
            _gpio.Value.Dispose();
        }
    }
}
