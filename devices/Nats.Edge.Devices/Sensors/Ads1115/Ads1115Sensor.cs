using Iot.Device.Ads1115;

namespace Nats.Edge.Devices.Sensors;

/// <summary>An ADS1115 through Iot.Device.Bindings: one single-shot conversion per configured input, each against ground.</summary>
internal sealed class Ads1115Sensor(Ads1115 device, IReadOnlyList<int> channels) : ISensor
{
    public void Read(Span<double> values)
    {
        for (var i = 0; i < channels.Count; i++)
        {
            values[i] = device.ReadVoltage(InputMultiplexer.AIN0 + channels[i]).Volts;
        }
    }

    public void Dispose() => device.Dispose();
}
