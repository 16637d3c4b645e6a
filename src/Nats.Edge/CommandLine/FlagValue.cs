namespace Nats.Edge.CommandLine;

/// <summary>How a flag's text is read and checked; see <see cref="FlagValues"/> for each way.</summary>
/// <typeparam name="T">What the text is read as.</typeparam>
/// <param name="isSwitch">See <see cref="IsSwitch"/>.</param>
/// <param name="read">Reads the text of the flag named first, or refuses it naming the flag.</param>
internal sealed class FlagValue<T>(bool isSwitch, Func<string, string, T> read)
{
    /// <summary>
    /// A switch is given alone (<c>-D</c>, read as <c>true</c>) or with its value inline
    /// (<c>-D=false</c>); any other flag takes the next argument when none is inline.
    /// </summary>
    public bool IsSwitch => isSwitch;

    /// <param name="name">The flag as it was given, without its dashes, for the error.</param>
    /// <param name="text">The flag's value.</param>
    public T Read(string name, string text) => read(name, text);
}
