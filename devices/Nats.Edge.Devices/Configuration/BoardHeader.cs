namespace Nats.Edge.Devices.Configuration;

/// <summary>The Raspberry Pi's 40-pin header: physical pin numbers to the BCM GPIO numbers the drivers take.</summary>
public static class BoardHeader
{
    // Index: physical pin; -1: power, ground or ID EEPROM pins, which no config may name.
    private static readonly int[] s_bcmByPhysical =
    [
        -1,
        -1, -1, 2, -1, 3, -1, 4, 14, -1, 15,
        17, 18, 27, -1, 22, 23, -1, 24, 10, -1,
        9, 25, 11, 8, -1, 7, -1, -1, 5, -1,
        6, 12, 13, -1, 19, 16, 26, 20, -1, 21,
    ];

    /// <summary>The BCM number of header pin <paramref name="physical"/>, or null when that pin is no GPIO.</summary>
    public static int? ToBcm(int physical) =>
        physical > 0 && physical < s_bcmByPhysical.Length && s_bcmByPhysical[physical] >= 0 ? s_bcmByPhysical[physical] : null;
}
