namespace Nats.Edge.Devices.Sensors;

/// <summary>The SoC's temperature from the kernel's thermal zone, via Iot.Device.Bindings.</summary>
internal sealed class CpuTemperatureSensor : ISensor
{
    private readonly Iot.Device.CpuTemperature.CpuTemperature _source = new();

    public void Read(Span<double> values)
    {
        if (!_source.IsAvailable)
        {
            throw new IOException("the CPU temperature is not available on this system");
        }

        values[0] = _source.Temperature.DegreesCelsius;
    }

    public void Dispose() => _source.Dispose();
}
