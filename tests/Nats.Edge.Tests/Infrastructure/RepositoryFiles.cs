namespace Nats.Edge.Tests.Infrastructure;

/// <summary>Files that ship in the repository (profiles, examples), found from the test binaries' folder.</summary>
public static class RepositoryFiles
{
    /// <summary>The full path of <paramref name="relative"/> under the repository root.</summary>
    public static string Path(params string[] relative)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(System.IO.Path.Combine(directory.FullName, "Nats.Edge.sln")))
        {
            directory = directory.Parent ?? throw new InvalidOperationException("Nats.Edge.sln not found above the test folder");
        }

        return System.IO.Path.Combine([directory.FullName, .. relative]);
    }
}
