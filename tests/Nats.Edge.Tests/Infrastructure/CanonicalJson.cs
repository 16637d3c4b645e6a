using System.Text.Json;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>
/// Options records hold lists, which records compare by reference; their JSON compares every field
/// and shows the difference when it fails.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Of<T>(T value) => JsonSerializer.Serialize(value, Indented);
}
