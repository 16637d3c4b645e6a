using Nats.Edge.Configuration.Schema;
using Nats.Edge.Devices.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary><c>devices.board</c>: the board's name, its model and how its pins are numbered; a model alone is the block's shorthand.</summary>
internal sealed class BoardSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add(nameof(Name), KeyShape.Text, "name")
        .Add(nameof(Model), KeyShape.Text, "model")
        .Add(nameof(Numbering), KeyShape.Text, "numbering");

    public string? Name { get; set; }

    public string? Model { get; set; }

    public string? Numbering { get; set; }

    public BoardModel? ToModel(ConfigPath at) => Model?.ToLowerInvariant() switch
    {
        null => null,
        "simulated" => BoardModel.Simulated,
        "raspberry-pi" or "raspberrypi" or "pi" => BoardModel.RaspberryPi,
        _ => throw at.Child(nameof(Model)).Invalid($"\"{Model}\" is not raspberry-pi or simulated"),
    };

    /// <summary>Whether pins are the 40-pin header's physical numbers rather than BCM GPIO numbers.</summary>
    public bool IsHeaderNumbering(ConfigPath at) => Numbering?.ToLowerInvariant() switch
    {
        null or "bcm" or "gpio" => false,
        "board" or "physical" => true,
        _ => throw at.Child(nameof(Numbering)).Invalid($"\"{Numbering}\" is not bcm or board"),
    };
}
