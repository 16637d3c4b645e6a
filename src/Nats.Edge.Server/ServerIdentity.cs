using System.Buffers.Binary;

namespace Nats.Edge.Server;

/// <summary>
/// Makes the server's id: a public nkey (prefix 'N', 32 key bytes, CRC-16, base32), as nats-server
/// uses for <c>server_id</c>. Only the public form is needed to name the server, and building it here
/// keeps OpenSSL unloaded (NATS.NKeys derives keys with SHA-512 and .NET's secure random comes from
/// OpenSSL): a board that never does TLS or nkey auth does not carry libssl in memory.
/// </summary>
internal static class ServerIdentity
{
    // nkey prefix byte for servers: 13 << 3, which base32-encodes to a leading 'N'.
    private const byte ServerPrefix = 13 << 3;
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string NewServerId()
    {
        Span<byte> raw = stackalloc byte[1 + 32 + 2];
        raw[0] = ServerPrefix;
        // Uniqueness, not secrecy: no private key exists behind this id, so nothing is ever signed with
        // it, and System.Random draws its seed from the OS without going through OpenSSL.
        Random.Shared.NextBytes(raw.Slice(1, 32));
        BinaryPrimitives.WriteUInt16LittleEndian(raw[33..], Crc16(raw[..33]));
        return Base32(raw);
    }

    /// <summary>A 22-character random token of letters and digits, like nats-server's NUIDs.</summary>
    public static string NewNuid()
    {
        const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        Span<char> token = stackalloc char[22];
        for (var i = 0; i < token.Length; i++)
        {
            token[i] = Alphabet[Random.Shared.Next(Alphabet.Length)];
        }

        return new string(token);
    }

    // CRC-16/XMODEM (polynomial 0x1021, initial 0), the checksum nkeys carry.
    private static ushort Crc16(ReadOnlySpan<byte> data)
    {
        var crc = 0;
        foreach (var b in data)
        {
            crc ^= b << 8;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }

        return (ushort)crc;
    }

    // RFC 4648 base32 without padding.
    private static string Base32(ReadOnlySpan<byte> data)
    {
        var chars = new char[((data.Length * 8) + 4) / 5];
        var buffer = 0;
        var bits = 0;
        var at = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                chars[at++] = Base32Alphabet[(buffer >> bits) & 31];
            }
        }

        if (bits > 0)
        {
            chars[at++] = Base32Alphabet[(buffer << (5 - bits)) & 31];
        }

        return new string(chars, 0, at);
    }
}
