using System.Globalization;

namespace Nats.Edge.Devices.Sensors;

/// <summary>
/// The SoC's temperature from the kernel's first thermal zone, in millidegrees. Read directly rather
/// than through Iot.Device.Bindings' CpuTemperature, whose Windows fallback (an OpenHardwareMonitor
/// HTTP client deserializing JSON by reflection) would be linked into the binary and break the
/// warning-free AOT build.
/// </summary>
internal sealed class CpuTemperatureSensor : ISensor
{
    private const string ThermalZone = "/sys/class/thermal/thermal_zone0/temp";

    public void Read(Span<double> values)
    {
        string text;
        try
        {
            text = File.ReadAllText(ThermalZone);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new IOException("the CPU temperature is not available on this system", ex);
        }

        if (!int.TryParse(text.AsSpan().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var millidegrees))
        {
            throw new IOException($"{ThermalZone} holds \"{text.Trim()}\", not millidegrees");
        }

        values[0] = millidegrees / 1000.0;
    }

    // Nothing to release: every reading opens and closes the sysfs file.
    public void Dispose()
    {
    }
}
