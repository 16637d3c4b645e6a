using Microsoft.Extensions.Configuration;

namespace Nats.Edge.Configuration;

/// <summary>
/// The <c>NATS_EDGE_*</c> layer, copied out of its source so that a key no option knows can be
/// dropped: the environment is shared with every other program of the service, the container or the
/// shell, so a stray variable is warned about, not a reason to refuse to start.
/// </summary>
internal sealed class OverrideProvider : ConfigurationProvider
{
    public OverrideProvider(IConfigurationProvider source)
    {
        source.Load();
        Copy(source, null);
    }

    /// <summary>Drops <paramref name="key"/> and everything under it; false when it has none of them.</summary>
    public bool Forget(string key)
    {
        var dropped = false;
        foreach (var path in Data.Keys.ToList())
        {
            if (path.Equals(key, StringComparison.OrdinalIgnoreCase) || path.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase))
            {
                dropped |= Data.Remove(path);
            }
        }

        return dropped;
    }

    private void Copy(IConfigurationProvider source, string? parent)
    {
        // A parent with several children is named once per child.
        foreach (var child in source.GetChildKeys([], parent).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var path = parent is null ? child : $"{parent}:{child}";
            if (source.TryGet(path, out var value))
            {
                Data[path] = value;
            }

            Copy(source, path);
        }
    }
}
