using Nats.Edge.Server.Configuration;
using Nats.Edge.Server.Links;

namespace Nats.Edge.Tests.Unit.Links;

/// <summary>nats-server 2.10's choice of a link's compression, for every pair of modes, and s2_auto's levels by RTT.</summary>
public sealed class LinkCompressionTests
{
    private const string None = "";

    // Own mode (one that negotiates), the peer's INFO field ("" = absent), what this side runs with.
    public static TheoryData<string, string, string> Pairs => new()
    {
        { CompressionModes.Accept, None, CompressionModes.NotSupported },
        { CompressionModes.Accept, CompressionModes.NotSupported, CompressionModes.NotSupported },
        { CompressionModes.Accept, CompressionModes.Off, CompressionModes.Off },
        { CompressionModes.Accept, CompressionModes.Accept, CompressionModes.Off },
        { CompressionModes.Accept, CompressionModes.S2Auto, CompressionModes.S2Fast },
        { CompressionModes.Accept, CompressionModes.S2Uncompressed, CompressionModes.S2Uncompressed },
        { CompressionModes.Accept, CompressionModes.S2Fast, CompressionModes.S2Fast },
        { CompressionModes.Accept, CompressionModes.S2Better, CompressionModes.S2Better },
        { CompressionModes.Accept, CompressionModes.S2Best, CompressionModes.S2Best },
        { CompressionModes.S2Fast, None, CompressionModes.NotSupported },
        { CompressionModes.S2Fast, CompressionModes.Off, CompressionModes.Off },
        { CompressionModes.S2Fast, CompressionModes.Accept, CompressionModes.S2Fast },
        { CompressionModes.S2Fast, CompressionModes.S2Auto, CompressionModes.S2Fast },
        { CompressionModes.S2Fast, CompressionModes.S2Best, CompressionModes.S2Fast },
        { CompressionModes.S2Better, CompressionModes.Accept, CompressionModes.S2Better },
        { CompressionModes.S2Better, CompressionModes.S2Fast, CompressionModes.S2Better },
        { CompressionModes.S2Best, CompressionModes.Accept, CompressionModes.S2Best },
        { CompressionModes.S2Best, CompressionModes.S2Uncompressed, CompressionModes.S2Best },
        { CompressionModes.S2Auto, None, CompressionModes.NotSupported },
        { CompressionModes.S2Auto, CompressionModes.Off, CompressionModes.Off },
        // 30 ms on the default thresholds: s2_fast.
        { CompressionModes.S2Auto, CompressionModes.Accept, CompressionModes.S2Fast },
        { CompressionModes.S2Auto, CompressionModes.S2Auto, CompressionModes.S2Fast },
        { CompressionModes.S2Auto, CompressionModes.S2Best, CompressionModes.S2Fast },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Each_pair_of_modes_gives_nats_servers_choice(string own, string theirs, string chosen) =>
        Assert.Equal(chosen, LinkCompression.Choose(new CompressionOptions { Mode = own }, theirs == None ? null : theirs, TimeSpan.FromMilliseconds(30)));

    [Fact]
    public void An_unknown_mode_from_the_peer_is_refused_with_nats_servers_text()
    {
        var error = Assert.Throws<InvalidDataException>(() => LinkCompression.Choose(new CompressionOptions { Mode = CompressionModes.S2Fast }, "zstd", TimeSpan.Zero));

        Assert.Equal("unsupported route compression mode \"zstd\"", error.Message);
    }

    [Theory]
    [InlineData(0, CompressionModes.S2Uncompressed)]
    [InlineData(10, CompressionModes.S2Uncompressed)]
    [InlineData(11, CompressionModes.S2Fast)]
    [InlineData(50, CompressionModes.S2Fast)]
    [InlineData(100, CompressionModes.S2Better)]
    [InlineData(101, CompressionModes.S2Best)]
    [InlineData(600, CompressionModes.S2Best)]
    public void Auto_follows_the_rtt_over_the_default_thresholds(int rttMilliseconds, string level) =>
        Assert.Equal(level, LinkCompression.ByRtt(TimeSpan.FromMilliseconds(rttMilliseconds), CompressionOptions.DefaultRttThresholds));

    [Theory]
    [InlineData(5, CompressionModes.S2Better)]
    [InlineData(25, CompressionModes.S2Better)]
    [InlineData(26, CompressionModes.S2Best)]
    public void A_zero_threshold_skips_its_level_and_past_three_thresholds_best_holds(int rttMilliseconds, string level) =>
        Assert.Equal(level, LinkCompression.ByRtt(TimeSpan.FromMilliseconds(rttMilliseconds), [TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromMilliseconds(25)]));

    [Fact]
    public void Info_says_s2_auto_for_an_auto_side_and_the_chosen_mode_otherwise()
    {
        Assert.Equal(CompressionModes.S2Auto, LinkCompression.ForInfo(new CompressionOptions { Mode = CompressionModes.S2Auto }, CompressionModes.S2Better));
        Assert.Equal(CompressionModes.S2Fast, LinkCompression.ForInfo(new CompressionOptions { Mode = CompressionModes.Accept }, CompressionModes.S2Fast));
    }
}
