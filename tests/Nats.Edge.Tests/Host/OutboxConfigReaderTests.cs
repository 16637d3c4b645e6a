using Nats.Edge.Configuration;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Server.Outbox;

namespace Nats.Edge.Tests.Host;

/// <summary>A remote's <c>outbox</c> block, in JSON and in nats conf syntax, with the limits spelled as a stream's.</summary>
public sealed class OutboxConfigReaderTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("nats-edge-outbox-conf-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Json_outbox_reads_every_setting_with_the_directory_beside_the_config()
    {
        var outbox = Load("server.json", """
            { "leafnodes": { "remotes": [ { "url": "nats-leaf://hub:7422",
              "outbox": { "subjects": ["devices.pi-kitchen.>"], "dir": "outbox", "max_bytes": "256MB",
                          "max_msgs": 1000000, "max_age": "7d", "discard": "new", "sync": "always",
                          "ack": "none", "ack_wait": "2s", "max_in_flight": 64 } } ] } }
            """);

        Assert.Equal(["devices.pi-kitchen.>"], outbox.Subjects);
        Assert.Equal(Path.Combine(_directory.FullName, "outbox"), outbox.Log.Directory);
        Assert.Equal((256L * 1024 * 1024, 1_000_000L), (outbox.Log.MaxBytes, outbox.Log.MaxMessages));
        Assert.Equal(TimeSpan.FromDays(7), outbox.Log.MaxAge);
        Assert.Equal((OutboxDiscard.New, TimeSpan.Zero), (outbox.Log.Discard, outbox.Log.SyncInterval));
        Assert.Equal((OutboxAck.None, TimeSpan.FromSeconds(2), 64), (outbox.Ack, outbox.AckWait, outbox.MaxInFlight));
    }

    [Fact]
    public void Conf_outbox_takes_the_same_keys_and_defaults_the_rest()
    {
        var outbox = Load("server.conf", """
            leafnodes {
              remotes = [ {
                url: "nats-leaf://hub:7422"
                outbox { subjects: "devices.>", dir: "/var/lib/nats-edge/outbox", max_age: "12h" }
              } ]
            }
            """);

        Assert.Equal(["devices.>"], outbox.Subjects);
        Assert.Equal("/var/lib/nats-edge/outbox", outbox.Log.Directory);
        Assert.Equal((-1L, -1L, TimeSpan.FromHours(12)), (outbox.Log.MaxBytes, outbox.Log.MaxMessages, outbox.Log.MaxAge));
        Assert.Equal((OutboxDiscard.Old, TimeSpan.FromSeconds(1)), (outbox.Log.Discard, outbox.Log.SyncInterval));
        Assert.Equal((OutboxAck.Stream, TimeSpan.FromSeconds(5), 1024), (outbox.Ack, outbox.AckWait, outbox.MaxInFlight));
    }

    [Theory]
    [InlineData("""{ "dir": "o" }""", "an outbox needs \"subjects\"")]
    [InlineData("""{ "subjects": "a.>" }""", "an outbox needs \"dir\"")]
    [InlineData("""{ "subjects": "a", "dir": "o", "discard": "oldest" }""", "is not old or new")]
    [InlineData("""{ "subjects": "a", "dir": "o", "sync": "often" }""", "is not \"always\" or a duration")]
    [InlineData("""{ "subjects": "a", "dir": "o", "max_age": "a week" }""", "is not a duration")]
    [InlineData("""{ "subjects": "a", "dir": "o", "ack": "maybe" }""", "is not stream or none")]
    [InlineData("""{ "subjects": "a", "dir": "o", "max_in_flight": 0 }""", "must be above zero")]
    [InlineData("""{ "subjects": "a", "dir": "o", "colour": "red" }""", "unknown configuration key")]
    public void Bad_outbox_settings_name_the_key(string outbox, string message)
    {
        var error = Assert.Throws<ConfigException>(() => Load("server.json", $$"""{ "leafnodes": { "remotes": [ { "url": "hub", "outbox": {{outbox}} } ] } }"""));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private OutboxOptions Load(string name, string text)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, text);
        return ConfigFileLoader.Load(path, []).Options.Leafnodes!.Remotes[0].Outbox!;
    }
}
