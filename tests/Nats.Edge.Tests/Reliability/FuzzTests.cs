using System.Diagnostics;
using Nats.Edge.Tests.Infrastructure;
using Nats.Edge.Tests.Performance;
using Xunit.Abstractions;

namespace Nats.Edge.Tests.Reliability;

/// <summary>
/// The fuzz harness (tests/Nats.Edge.Fuzz) in the suite: every saved input (the starting corpus and
/// each crash a fuzzer found, kept as a regression) passes through its target, and a short afl-fuzz
/// run with a fixed seed finds nothing new. The long runs are <c>tests/Nats.Edge.Fuzz/fuzz.sh --execs N all</c>.
/// </summary>
[Collection(MeasuredAlone.Name)]
public sealed class FuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Names =
        ["client-reader", "leaf-reader", "route-reader", "wire-json", "subject", "conf-file", "json-file", "s2", "websocket", "outbox-log"];

    public static TheoryData<string> Targets => new(Names);

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Every_saved_input_passes_its_target(string target)
    {
        var folders = new List<string> { RepositoryFiles.Path("tests", "Nats.Edge.Fuzz", "Corpus", target) };
        var crashes = RepositoryFiles.Path("tests", "Nats.Edge.Fuzz", "Crashes", target);
        if (Directory.Exists(crashes))
        {
            folders.Add(crashes);
        }

        var (exit, text) = await RunAsync("dotnet", [Harness(), target, .. folders], TimeSpan.FromMinutes(1));

        output.WriteLine(text);
        Assert.True(exit == 0, text);
    }

    [Fact]
    public void Every_target_is_listed_here()
    {
        var listed = Process.Start(new ProcessStartInfo("dotnet", [Harness(), "list"]) { RedirectStandardOutput = true })!;
        var names = listed.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        listed.WaitForExit();

        Assert.Equal(Names, names);
    }

    [FuzzerFact]
    public async Task A_short_fixed_seed_fuzz_run_finds_nothing()
    {
        var (exit, text) = await RunAsync(
            "bash", [RepositoryFiles.Path("tests", "Nats.Edge.Fuzz", "fuzz.sh"), "--no-build", "--seconds", "3", "--seed", "22", "all"], TimeSpan.FromMinutes(4));

        output.WriteLine(text);
        Assert.True(exit == 0, "afl-fuzz found inputs that fail (now in tests/Nats.Edge.Fuzz/Crashes):\n" + text);
    }

    // The harness as the test project's build left it, in the same configuration.
    private static string Harness()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        return RepositoryFiles.Path("tests", "Nats.Edge.Fuzz", "bin", configuration, "net10.0", "nats-edge-fuzz.dll");
    }

    private static async Task<(int Exit, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
