namespace Nats.Edge.Fuzz;

/// <summary>Runs saved inputs (a corpus, crashes a fuzzer found) through a target, outside the fuzzer.</summary>
internal static class Replay
{
    public static int Run(IFuzzTarget target, IEnumerable<string> paths)
    {
        var failed = 0;
        var count = 0;
        foreach (var file in Files(paths))
        {
            count++;
            try
            {
                target.Run(File.ReadAllBytes(file));
            }
            catch (Exception e)
            {
                failed++;
                Console.Error.WriteLine($"{file}: {e}");
            }
        }

        Console.WriteLine($"{target.Name}: {count} inputs, {failed} failed");
        return failed == 0 ? 0 : 1;
    }

    private static IEnumerable<string> Files(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
                {
                    yield return file;
                }
            }
            else
            {
                yield return path;
            }
        }
    }
}
