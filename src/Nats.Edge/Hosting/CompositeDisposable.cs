namespace Nats.Edge.Hosting;

/// <summary>Disposes several registrations as one.</summary>
internal sealed class CompositeDisposable(params IDisposable[] items) : IDisposable
{
    public void Dispose()
    {
        foreach (var item in items)
        {
            item.Dispose();
        }
    }
}
