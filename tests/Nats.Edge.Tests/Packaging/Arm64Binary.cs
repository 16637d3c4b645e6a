using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Packaging;

/// <summary>
/// The linux-arm64 nats-edge that <c>packaging/publish.sh linux-arm64</c> leaves in artifacts/, run on
/// this x64 host by qemu-aarch64. User-mode qemu runs the guest in its own process, so the process id
/// the tests signal is the server's.
/// </summary>
public static class Arm64Binary
{
    // The binary's ELF interpreter; Debian's libc6:arm64 puts it there (multiarch).
    private const string Loader = "/lib/ld-linux-aarch64.so.1";

    // qemu translates the runtime's startup path before it runs: a second or two idle, more while the
    // rest of the suite competes for the same two cores.
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(30);

    public static string BinaryPath { get; } = RepositoryFiles.Path("artifacts", "linux-arm64", "nats-edge");

    /// <summary>qemu-aarch64 from PATH, or null.</summary>
    public static string? Qemu { get; } = FindOnPath("qemu-aarch64");

    /// <summary>
    /// Why the arm64 tests are skipped, or null when they run. With CI=true nothing is skipped: a
    /// missing piece fails the tests in <see cref="StartReadyAsync"/>, naming what to install or build.
    /// </summary>
    public static string? SkipReason { get; } = ReferenceServer.IsCi ? null : Missing();

    /// <summary>Starts the arm64 binary under qemu and waits for "Server is ready".</summary>
    public static async Task<EdgeProcess> StartReadyAsync(params string[] arguments)
    {
        if (Missing() is { } missing)
        {
            throw new InvalidOperationException($"The arm64 smoke test cannot run (CI={ReferenceServer.IsCi}): {missing}");
        }

        return await EdgeProcess.StartExecutableReadyAsync(Qemu!, [BinaryPath, .. arguments], Startup);
    }

    private static string? Missing()
    {
        if (!File.Exists(BinaryPath))
        {
            return $"{BinaryPath} not found (packaging/publish.sh linux-arm64 builds it)";
        }

        if (Qemu is null)
        {
            return "qemu-aarch64 not found (apt-get install qemu-user)";
        }

        return File.Exists(Loader)
            ? null
            : $"{Loader} not found (dpkg --add-architecture arm64, then apt-get install libc6:arm64 libssl3:arm64)";
    }

    private static string? FindOnPath(string name)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
