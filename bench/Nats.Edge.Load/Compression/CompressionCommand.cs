using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Nats.Edge.Load.Cli;
using Nats.Edge.Load.Compare;

namespace Nats.Edge.Load.Compression;

/// <summary>
/// What leafnode compression does to a board's uplink: JSON sensor readings published on a nats-edge
/// board cross to a nats-edge hub once per compression mode, and the board's <c>/leafz</c> gives the
/// bytes before and after S2. Prints per mode the wire bytes, their share of the uncompressed bytes,
/// and both servers' CPU per message.
/// </summary>
internal static class CompressionCommand
{
    // Each mode as the board's remote and the hub's port both set it. Loopback's RTT makes s2_auto
    // pick s2_uncompressed: the S2 framing with the data stored, the protocol bytes as they are.
    private static readonly string[] Modes = ["off", "s2_auto", "s2_fast", "s2_better", "s2_best"];

    public static int Run(Arguments arguments)
    {
        var edge = ServerCommand.FromPath("nats-edge", arguments.Text("edge", Defaults.Edge));
        long messages = arguments.Number("msgs", 200_000, 1, int.MaxValue);
        int batch = (int)arguments.Number("batch", 100, 1, 10_000);
        var timeout = TimeSpan.FromSeconds(arguments.Number("timeout", Defaults.TimeoutSeconds, 1, 3600));
        Console.WriteLine($"## Leafnode compression, {messages:N0} JSON readings, {batch} per write ({DateTime.UtcNow:yyyy-MM-dd}, {MachineInfo.Describe()})");
        Console.WriteLine();
        Console.WriteLine("| mode (both sides) | board runs | protocol bytes out | wire bytes out | wire / protocol | CPU s/M board | CPU s/M hub |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var mode in arguments.Text("modes", string.Join(',', Modes)).Split(','))
        {
            try
            {
                Console.WriteLine(Measure(edge, mode, messages, batch, timeout));
            }
            catch (Exception e) when (e is IOException or SocketException or TimeoutException or HttpRequestException)
            {
                Console.WriteLine($"| {mode} | failed: {e.Message} | | | | | |");
                Console.Error.WriteLine(e);
            }
        }

        return 0;
    }

    private static string Measure(ServerCommand edge, string mode, long messages, int batch, TimeSpan timeout)
    {
        string folder = Directory.CreateTempSubdirectory("nats-edge-load-").FullName;
        try
        {
            int leafPort = ServerProcess.FreePort();
            int hubHttp = ServerProcess.FreePort();
            int boardHttp = ServerProcess.FreePort();
            using var hub = AlternatingCompare.Start(
                (edge, "hub", $$"""{ "http": "127.0.0.1:{{hubHttp}}", "leafnodes": { "listen": "127.0.0.1:{{leafPort}}", "compression": "{{mode}}" } }"""),
                folder,
                out string? failure) ?? throw new IOException(failure);
            using var board = AlternatingCompare.Start(
                (edge, "board", $$"""{ "http": "127.0.0.1:{{boardHttp}}", "leafnodes": { "remotes": [ { "url": "nats-leaf://127.0.0.1:{{leafPort}}", "compression": "{{mode}}" } ] } }"""),
                folder,
                out failure) ?? throw new IOException(failure);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            WaitFor(() => Leaf(http, boardHttp) is not null, timeout, "the link");

            using var subscriber = Connect(hub.Endpoint.Port, "SUB sensors.> 1\r\nPING\r\n");
            WaitFor(() => SubscriptionArrived(http, boardHttp), timeout, "the hub's interest");
            double boardBefore = ProcFs.CpuSeconds(board.Pid);
            double hubBefore = ProcFs.CpuSeconds(hub.Pid);
            var counting = Task.Run(() => Count(subscriber, messages, timeout));
            using (var publisher = Connect(board.Endpoint.Port, string.Empty))
            {
                Publish(publisher, messages, batch);
            }

            counting.GetAwaiter().GetResult();
            double boardCpu = ProcFs.CpuSeconds(board.Pid) - boardBefore;
            double hubCpu = ProcFs.CpuSeconds(hub.Pid) - hubBefore;
            var link = Leaf(http, boardHttp)!.Value;
            string runs = link.TryGetProperty("compression", out var chosen) ? chosen.GetString()! : "-";
            long protocol = link.TryGetProperty("uncompressed_out_bytes", out var before) ? before.GetInt64() : -1;
            long wire = link.TryGetProperty("compressed_out_bytes", out var after) ? after.GetInt64() : -1;
            double perMillion = 1_000_000.0 / messages;
            return protocol < 0
                ? $"| {mode} | {runs} | (not counted without S2) | | 1.00 | {boardCpu * perMillion:F2} | {hubCpu * perMillion:F2} |"
                : $"| {mode} | {runs} | {protocol:N0} | {wire:N0} | {(double)wire / protocol:F2} | {boardCpu * perMillion:F2} | {hubCpu * perMillion:F2} |";
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The readings a Pi's sensors give: a few fields, the value and time changing each time.
    private static void Publish(Socket publisher, long messages, int batch)
    {
        var text = new StringBuilder();
        long sent = 0;
        while (sent < messages)
        {
            text.Clear();
            for (int i = 0; i < batch && sent < messages; i++, sent++)
            {
                string sensor = (sent % 4) switch { 0 => "temp", 1 => "humidity", 2 => "pressure", _ => "light" };
                string reading = string.Create(
                    CultureInfo.InvariantCulture,
                    $$"""{"sensor":"pi-07/{{sensor}}","value":{{20 + (sent * 37 % 1000 / 100.0):F2}},"unit":"{{(sent % 4 == 1 ? "%" : "C")}}","ts":{{1733616000123 + (sent * 250)}}}""");
                text.Append(CultureInfo.InvariantCulture, $"PUB sensors.pi-07.{sensor} {Encoding.UTF8.GetByteCount(reading)}\r\n{reading}\r\n");
            }

            publisher.Send(Encoding.UTF8.GetBytes(text.ToString()));
        }

        // The PONG says the board has read every reading: closing before it would reset the
        // connection and drop what the board had not read yet.
        publisher.Send("PING\r\n"u8);
        ReadUntil(publisher, "PONG\r\n"u8);
    }

    private static void ReadUntil(Socket socket, ReadOnlySpan<byte> ending)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (received.Count < ending.Length || !System.Runtime.InteropServices.CollectionsMarshal.AsSpan(received)[^ending.Length..].SequenceEqual(ending))
        {
            int read = socket.Receive(buffer);
            if (read == 0)
            {
                throw new IOException("the server closed the connection");
            }

            received.AddRange(buffer.AsSpan(0, read));
        }
    }

    private static Socket Connect(int port, string then)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect("127.0.0.1", port);
        ReadUntil(socket, "\r\n"u8);
        socket.Send(Encoding.ASCII.GetBytes("CONNECT {\"verbose\":false,\"pedantic\":false}\r\n" + then));
        return socket;
    }

    // Counts MSG lines until all arrived: each reading is one "MSG " at the start of a line.
    private static void Count(Socket subscriber, long messages, TimeSpan timeout)
    {
        var buffer = new byte[64 * 1024];
        long seen = 0;
        int matched = 0;
        var deadline = Stopwatch.StartNew();
        subscriber.ReceiveTimeout = (int)timeout.TotalMilliseconds;
        ReadOnlySpan<byte> marker = "\nMSG "u8;
        while (seen < messages)
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{seen:N0} of {messages:N0} readings arrived");
            }

            int read = subscriber.Receive(buffer);
            if (read == 0)
            {
                throw new IOException("the hub closed the subscriber");
            }

            foreach (byte b in buffer.AsSpan(0, read))
            {
                matched = b == marker[matched] ? matched + 1 : b == marker[0] ? 1 : 0;
                if (matched == marker.Length)
                {
                    seen++;
                    matched = 0;
                }
            }
        }
    }

    private static JsonElement? Leaf(HttpClient http, int port)
    {
        using var page = JsonDocument.Parse(http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/leafz")).GetAwaiter().GetResult());
        var leafs = page.RootElement.GetProperty("leafs");
        return leafs.GetArrayLength() == 1 ? leafs[0].Clone() : null;
    }

    private static bool SubscriptionArrived(HttpClient http, int port) => Leaf(http, port) is { } link && link.GetProperty("subscriptions").GetInt32() > 0;

    private static void WaitFor(Func<bool> condition, TimeSpan timeout, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"timed out waiting for {what}");
            }

            Thread.Sleep(20);
        }
    }
}
