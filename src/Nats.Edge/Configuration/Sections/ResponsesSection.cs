using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary><c>allow_responses { max, expires }</c>; true is normalised to a block of defaults.</summary>
internal sealed class ResponsesSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add(nameof(Max), KeyShape.Number, "max", "max_msgs", "max_messages", "max_responses")
        .Add(nameof(Expires), KeyShape.Duration, "expires", "expiration", "ttl");

    public int? Max { get; set; }

    public TimeSpan? Expires { get; set; }

    // nats-server: zero means "use the default".
    public ResponsePermissionOptions ToOptions()
    {
        var defaults = new ResponsePermissionOptions();
        return new ResponsePermissionOptions
        {
            MaxMessages = Max is null or 0 ? defaults.MaxMessages : Max.Value,
            Expires = Expires is null || Expires == TimeSpan.Zero ? defaults.Expires : Expires.Value,
        };
    }
}
