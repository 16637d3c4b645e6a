using System.Globalization;
using System.Text.Json;
using Nats.Edge.Load.Compare;

namespace Nats.Edge.Load.Soak;

/// <summary>One look at the board's process: from <c>/proc</c> its memory, threads and open handles, from <c>/varz</c> its collections and heap.</summary>
internal sealed record SoakSample(double Seconds, long RssKiB, int Threads, int Handles, int Gen0, int Gen1, int Gen2, long HeapKiB, long[] Delivered)
{
    public static string CsvHeader => "seconds,rss_kib,threads,handles,gen0,gen1,gen2,heap_kib," + string.Join(',', SoakTraffic.Streams);

    public static async Task<SoakSample> TakeAsync(double seconds, int pid, HttpClient http, int monitorPort, long[] delivered)
    {
        var handles = Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length;
        using var varz = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{monitorPort}/varz")));
        var runtime = varz.RootElement.GetProperty("runtime");
        return new SoakSample(
            seconds,
            ProcFs.RssKiB(pid),
            ProcFs.Threads(pid),
            handles,
            runtime.GetProperty("gen0_collections").GetInt32(),
            runtime.GetProperty("gen1_collections").GetInt32(),
            runtime.GetProperty("gen2_collections").GetInt32(),
            runtime.GetProperty("heap_bytes").GetInt64() / 1024,
            delivered);
    }

    public string ToCsv() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Seconds:F0},{RssKiB},{Threads},{Handles},{Gen0},{Gen1},{Gen2},{HeapKiB},{string.Join(',', Delivered)}");
}
