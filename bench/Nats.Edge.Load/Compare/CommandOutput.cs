using System.Diagnostics;

namespace Nats.Edge.Load.Compare;

/// <summary>Runs a short helper command (version, commit) for the report header.</summary>
internal static class CommandOutput
{
    // 5 s: a version or commit query answers at once; anything slower is not worth waiting for.
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    /// <summary>First line the command prints on stdout or stderr, or null if it fails or hangs.</summary>
    public static string? FirstLine(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using Process process = Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Limit))
            {
                process.Kill();
                return null;
            }

            string text = stdout.Result.Length > 0 ? stdout.Result : stderr.Result;
            return process.ExitCode == 0 ? text.Split('\n')[0].Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
