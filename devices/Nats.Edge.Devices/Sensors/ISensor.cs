namespace Nats.Edge.Devices.Sensors;

/// <summary>An opened sensor. A fault (no answer, a bad checksum, a missing file) is thrown, never returned as a value.</summary>
internal interface ISensor : IDisposable
{
    /// <summary>Reads every quantity, in the order its kind's <see cref="SensorKind.Quantities"/> lists them.</summary>
    void Read(Span<double> values);
}
