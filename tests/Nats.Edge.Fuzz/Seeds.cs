using System.Buffers;
using System.Text;
using Nats.Edge.Server.Compression;
using Nats.Edge.Server.Outbox;
using Nats.Edge.Server.WebSockets;

namespace Nats.Edge.Fuzz;

/// <summary>
/// Writes the starting corpus (<c>nats-edge-fuzz seed DIR</c>): a few well-formed inputs per target,
/// the binary ones made by nats-edge's own writers, so the fuzzer starts from what peers really send.
/// </summary>
internal static class Seeds
{
    private const string ClientSession =
        "CONNECT {\"verbose\":false,\"pedantic\":false,\"headers\":true,\"no_responders\":true,\"protocol\":1}\r\n"
        + "SUB sensors.> 1\r\nSUB work q 2\r\nPUB sensors.kitchen 5\r\nhello\r\n"
        + "HPUB sensors.kitchen _INBOX.x 22 27\r\nNATS/1.0\r\nA: b\r\n\r\nhello\r\nUNSUB 1 5\r\nPING\r\nPONG\r\n";

    private const string LeafSession =
        "CONNECT {\"name\":\"NLEAF\",\"headers\":true}\r\nLS+ $G sensors.>\r\nLS+ $G work q 1\r\nLMSG sensors.x 5\r\nhello\r\n"
        + "LMSG work + _R_.x q 5\r\nhello\r\nLS- $G sensors.>\r\nPING\r\n";

    private const string RouteSession =
        "CONNECT {\"name\":\"NROUTE\",\"cluster\":\"c\",\"headers\":true}\r\nINFO {\"server_id\":\"NROUTE\",\"cluster\":\"c\"}\r\n"
        + "RS+ $G sensors.>\r\nRS+ $G work q 1\r\nRMSG $G sensors.x 5\r\nhello\r\nHMSG $G sensors.x 12 17\r\nNATS/1.0\r\n\r\nhello\r\nRS- $G sensors.>\r\n";

    public static int Write(string folder)
    {
        Save(folder, "client-reader", "session", [0, .. Encoding.ASCII.GetBytes(ClientSession)]);
        Save(folder, "client-reader", "session-split", [29, .. Encoding.ASCII.GetBytes(ClientSession)]);
        Save(folder, "leaf-reader", "session", [0, .. Encoding.ASCII.GetBytes(LeafSession)]);
        Save(folder, "route-reader", "session", [5, .. Encoding.ASCII.GetBytes(RouteSession)]);
        Save(folder, "wire-json", "connect", Encoding.UTF8.GetBytes("{\"verbose\":false,\"user\":\"pi\",\"pass\":\"x\",\"name\":\"board\",\"lang\":\"go\",\"version\":\"2.9.10\",\"headers\":true,\"sig\":\"abc\",\"jwt\":\"e30\"}"));
        Save(folder, "wire-json", "info", Encoding.UTF8.GetBytes("{\"server_id\":\"N1\",\"server_name\":\"hub\",\"version\":\"2.10.0\",\"proto\":1,\"headers\":true,\"max_payload\":1048576,\"nonce\":\"n\",\"cluster\":\"c\",\"connect_urls\":[\"a:1\"],\"leafnode_urls\":[\"b:2\"],\"compression\":\"s2_auto\",\"import\":{\"allow\":[\"a\"]},\"export\":{\"deny\":[\"b\"]}}"));
        Save(folder, "subject", "literal", "sensors.kitchen.temperature"u8.ToArray());
        Save(folder, "subject", "wildcards", "sensors.*.temperature.>"u8.ToArray());
        Save(folder, "conf-file", "server", Encoding.UTF8.GetBytes(
            "port: 4222\nserver_name: pi\nleafnodes { remotes [ { url: \"nats-leaf://hub:7422\", compression: s2_fast, deny_imports: [\"a.>\"] } ] }\n"
            + "cluster { name: c, port: 6222, routes [ nats-route://a:6222 ] }\naccounts { A { users [ { user: a, password: b } ] } }\nmax_payload: 1MB\nping_interval: \"2m\"\n"));
        Save(folder, "json-file", "server", Encoding.UTF8.GetBytes(
            "{ \"port\": 4222, \"server_name\": \"pi\", \"leafnodes\": { \"remotes\": [ { \"url\": \"nats-leaf://hub:7422\", \"outbox\": { \"subjects\": [\"devices.>\"], \"dir\": \"/tmp/x\", \"max_bytes\": \"1MB\" } } ] },"
            + " \"websocket\": { \"port\": 8080, \"no_tls\": true, \"compression\": true }, \"authorization\": { \"users\": [ { \"user\": \"a\", \"password\": \"b\", \"permissions\": { \"publish\": [\"x\"] } } ] } }"));
        Save(folder, "s2", "readings", S2(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{\"sensor\":\"bme280\",\"temperature\":21.5}\n", 40)))));
        Save(folder, "websocket", "frames", [0, .. WebSocketFrames(ClientSession, deflate: false)]);
        Save(folder, "websocket", "frames-deflate", [1, .. WebSocketFrames(ClientSession + new string('x', 300), deflate: true)]);
        Save(folder, "outbox-log", "records", [1, .. OutboxRecords()]);
        return 0;
    }

    private static void Save(string folder, string target, string name, byte[] bytes)
    {
        var directory = Directory.CreateDirectory(Path.Combine(folder, target));
        File.WriteAllBytes(Path.Combine(directory.FullName, name), bytes);
    }

    private static byte[] S2(byte[] data)
    {
        using var output = new MemoryStream();
        using (var s2 = new S2Stream(output, leaveOpen: true))
        {
            s2.Write(data);
            s2.Flush();
        }

        return output.ToArray();
    }

    private static byte[] WebSocketFrames(string text, bool deflate)
    {
        using var output = new MemoryStream();
        var client = new WebSocketFrameStream(output, isClient: true, deflate: deflate);
        client.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask().GetAwaiter().GetResult();
        client.FlushAsync().GetAwaiter().GetResult();
        return output.ToArray();
    }

    private static byte[] OutboxRecords()
    {
        using var output = new MemoryStream();
        for (var sequence = 1; sequence <= 3; sequence++)
        {
            var payload = new ReadOnlySequence<byte>("{\"temperature\":21.5}"u8.ToArray());
            var record = new byte[OutboxRecordFormat.SizeOf("devices.pi.bme280".Length, 0, payload.Length)];
            OutboxRecordFormat.Write(record, sequence, 1_700_000_000_000_000_000 + sequence, "devices.pi.bme280"u8, [], payload);
            output.Write(record);
        }

        return output.ToArray();
    }
}
