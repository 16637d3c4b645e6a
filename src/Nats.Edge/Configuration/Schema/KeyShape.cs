namespace Nats.Edge.Configuration.Schema;

/// <summary>
/// The forms one key takes in a config file. The normaliser turns each into the one form the
/// section's bound type declares, so the binder meets a single shape per key.
/// </summary>
internal enum KeyShape
{
    /// <summary>A value, kept as written.</summary>
    Text,

    /// <summary>A whole number.</summary>
    Number,

    /// <summary>true or false.</summary>
    Flag,

    /// <summary>A byte count, <c>1048576</c> or <c>1MB</c>, that fits an int.</summary>
    Size,

    /// <summary>A byte count that fits a long.</summary>
    LongSize,

    /// <summary><c>2m</c>, <c>500ms</c> or a number of seconds; bound as a TimeSpan.</summary>
    Duration,

    /// <summary>
    /// A TLS block's <c>handshake_first</c>: true or on, false or off, <c>auto</c> (a 50 ms fallback)
    /// or a duration (that fallback); bound as "true", "false" or a TimeSpan.
    /// </summary>
    HandshakeFirst,

    /// <summary>A value or a list of values; a value alone is a one-item list.</summary>
    Strings,

    /// <summary>
    /// An allow list, as <see cref="Strings"/> but never empty: nats-server reads an empty allow list
    /// as none at all, which allows everything, while its writer most likely meant "nothing".
    /// </summary>
    AllowList,

    /// <summary>A subject permission: an allow list alone, or a block with allow and deny.</summary>
    Permission,

    /// <summary>Responses to a request: true (the defaults), false (none) or a block with max and expires.</summary>
    Responses,

    /// <summary>A block of the keys <see cref="ConfigKey.Block"/> lists.</summary>
    Block,

    /// <summary>
    /// Such a block, or a value alone that stands for its <see cref="ConfigKey.Shorthand"/> key:
    /// <c>board: simulated</c> is <c>board: { model: simulated }</c>.
    /// </summary>
    BlockOrValue,

    /// <summary>A list of such blocks.</summary>
    Blocks,

    /// <summary>Such blocks under names the file chooses, as accounts are.</summary>
    NamedBlocks,

    /// <summary>A nats-server key nats-edge refuses by name rather than as unknown.</summary>
    Unsupported,
}
