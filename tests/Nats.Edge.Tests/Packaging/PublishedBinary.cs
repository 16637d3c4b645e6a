using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Packaging;

/// <summary>
/// A native nats-edge that <c>packaging/publish.sh RID</c> leaves in artifacts/: linux-x64 as it runs
/// on this host, linux-arm64 (the binary a Raspberry Pi runs) under qemu-aarch64. User-mode qemu runs
/// the guest in its own process, so the process id the tests signal is the server's either way.
/// </summary>
public sealed class PublishedBinary
{
    // The arm64 binary's ELF interpreter; Debian's libc6:arm64 puts it there (multiarch).
    private const string Arm64Loader = "/lib/ld-linux-aarch64.so.1";

    private readonly string? _emulator;
    private readonly TimeSpan _startup;

    private PublishedBinary(string rid, string? emulator, TimeSpan startup)
    {
        Rid = rid;
        BinaryPath = RepositoryFiles.Path("artifacts", rid, "nats-edge");
        _emulator = emulator;
        _startup = startup;
        SkipReason = ReferenceServer.IsCi ? null : Missing();
    }

    /// <summary>The host's own architecture, run directly.</summary>
    public static PublishedBinary X64 { get; } = new("linux-x64", null, TestTimeouts.Startup);

    // qemu translates the runtime's startup path before it runs: a second or two idle, more while the
    // rest of the suite competes for the same two cores.
    public static PublishedBinary Arm64 { get; } = new("linux-arm64", FindOnPath("qemu-aarch64") ?? "qemu-aarch64", TimeSpan.FromSeconds(30));

    public string Rid { get; }

    public string BinaryPath { get; }

    /// <summary>
    /// Why the tests of this binary are skipped, or null when they run. With CI=true nothing is
    /// skipped: a missing piece fails the tests in <see cref="StartReadyAsync"/>, naming what to
    /// install or build.
    /// </summary>
    public string? SkipReason { get; }

    /// <summary>Starts the binary and waits for "Server is ready".</summary>
    public Task<EdgeProcess> StartReadyAsync(params string[] arguments) => StartAsReadyAsync(BinaryPath, null, arguments);

    /// <summary>
    /// Starts the binary as <paramref name="program"/> (the binary itself, or a link to it under
    /// another name) with variables added to the test's environment, and waits for "Server is ready".
    /// </summary>
    public async Task<EdgeProcess> StartAsReadyAsync(string program, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        if (Missing() is { } missing)
        {
            throw new InvalidOperationException($"The {Rid} binary's tests cannot run (CI={ReferenceServer.IsCi}): {missing}");
        }

        return _emulator is null
            ? await EdgeProcess.StartExecutableReadyAsync(program, arguments, environment, _startup)
            : await EdgeProcess.StartExecutableReadyAsync(_emulator, [program, .. arguments], environment, _startup);
    }

    private string? Missing()
    {
        if (!File.Exists(BinaryPath))
        {
            return $"{BinaryPath} not found (packaging/publish.sh {Rid} builds it)";
        }

        if (_emulator is not null && !File.Exists(_emulator))
        {
            return "qemu-aarch64 not found (apt-get install qemu-user)";
        }

        return _emulator is null || File.Exists(Arm64Loader)
            ? null
            : $"{Arm64Loader} not found (dpkg --add-architecture arm64, then apt-get install libc6:arm64 libssl3:arm64)";
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
