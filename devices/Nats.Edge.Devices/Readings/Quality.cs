namespace Nats.Edge.Devices.Readings;

/// <summary>The <c>quality</c> field's values.</summary>
internal static class Quality
{
    public const string Good = "good";

    public const string Error = "error";
}
