namespace Nats.Edge.Server.Monitoring;

/// <summary>
/// <c>{}</c>: what nats-server shows for a feature that is not configured (<c>"cluster": {}</c>),
/// and the element type of lists that stay empty here because the feature does not exist yet.
/// </summary>
internal sealed class EmptyObject
{
    public static EmptyObject Instance { get; } = new();
}
