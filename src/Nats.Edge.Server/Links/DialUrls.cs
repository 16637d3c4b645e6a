namespace Nats.Edge.Server.Links;

/// <summary>
/// The URLs a dialler tries in turn: the configured ones, then those the peer's cluster told of
/// (a hub's <c>leafnode_urls</c>), so a link can move to another member when the one it knew is gone.
/// The turn starts at a random configured URL, so servers sharing one config do not all crowd the first.
/// </summary>
internal sealed class DialUrls
{
    private readonly Lock _sync = new();
    private readonly IReadOnlyList<Uri> _configured;
    private readonly int _defaultPort;
    private readonly List<Uri> _learned = [];
    private int _next;

    /// <param name="configured">At least one URL.</param>
    /// <param name="defaultPort">The port dialled for a URL that names none.</param>
    public DialUrls(IReadOnlyList<Uri> configured, int defaultPort)
    {
        _configured = configured;
        _defaultPort = defaultPort;
        _next = Random.Shared.Next(configured.Count);
    }

    /// <summary>The port <paramref name="url"/> is dialled on.</summary>
    public int PortOf(Uri url) => url.Port > 0 ? url.Port : _defaultPort;

    /// <summary>The URL to dial next; each is dialled once before any is dialled again.</summary>
    public Uri Next()
    {
        lock (_sync)
        {
            var index = _next++ % (_configured.Count + _learned.Count);
            return index < _configured.Count ? _configured[index] : _learned[index - _configured.Count];
        }
    }

    /// <summary>Replaces the learned URLs with <paramref name="urls"/>, less those configured already.</summary>
    public void Learn(List<Uri> urls)
    {
        lock (_sync)
        {
            _learned.Clear();
            foreach (var url in urls)
            {
                if (!IsConfigured(url))
                {
                    _learned.Add(url);
                }
            }
        }
    }

    /// <summary>Every URL, configured then learned, as <c>host:port</c>.</summary>
    public IReadOnlyList<string> HostPorts()
    {
        lock (_sync)
        {
            var hostPorts = new List<string>(_configured.Count + _learned.Count);
            foreach (var url in _configured)
            {
                hostPorts.Add($"{url.Host}:{PortOf(url)}");
            }

            foreach (var url in _learned)
            {
                hostPorts.Add($"{url.Host}:{PortOf(url)}");
            }

            return hostPorts;
        }
    }

    private bool IsConfigured(Uri url)
    {
        foreach (var configured in _configured)
        {
            if (string.Equals(configured.Host, url.Host, StringComparison.OrdinalIgnoreCase) && PortOf(configured) == PortOf(url))
            {
                return true;
            }
        }

        return false;
    }
}
