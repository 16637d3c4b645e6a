namespace Nats.Edge.Configuration;

/// <summary>The file and line a configuration key was written on, shown as <c>file:line</c> like a compiler.</summary>
internal readonly record struct KeyLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
