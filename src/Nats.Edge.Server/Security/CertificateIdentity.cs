using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace Nats.Edge.Server.Security;

/// <summary>
/// The names a client certificate can log in as under <c>verify_and_map</c>, in nats-server's order:
/// e-mail addresses, DNS names and URIs of the subject alternative names, then the subject itself
/// written as an RFC 2253 string ("CN=sensor-7,OU=boards,O=acme").
/// </summary>
internal static class CertificateIdentity
{
    // The attribute names Go prints; others appear as dotted OIDs.
    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.Ordinal)
    {
        ["2.5.4.3"] = "CN",
        ["2.5.4.5"] = "SERIALNUMBER",
        ["2.5.4.6"] = "C",
        ["2.5.4.7"] = "L",
        ["2.5.4.8"] = "ST",
        ["2.5.4.9"] = "STREET",
        ["2.5.4.10"] = "O",
        ["2.5.4.11"] = "OU",
        ["2.5.4.17"] = "POSTALCODE",
        ["0.9.2342.19200300.100.1.25"] = "DC",
    };

    public static List<string> Names(X509Certificate2 certificate)
    {
        var emails = new List<string>();
        var dnsNames = new List<string>();
        var uris = new List<string>();
        foreach (var extension in certificate.Extensions)
        {
            if (extension.Oid?.Value == "2.5.29.17")
            {
                ReadAlternativeNames(extension.RawData, emails, dnsNames, uris);
            }
        }

        var names = new List<string>(emails.Count + dnsNames.Count + uris.Count + 1);
        names.AddRange(emails);
        names.AddRange(dnsNames);
        names.AddRange(uris);
        var subject = Subject(certificate.SubjectName);
        if (subject.Length > 0)
        {
            names.Add(subject);
        }

        return names;
    }

    /// <summary>
    /// Whether a user name written as a distinguished name holds the same attributes as the
    /// certificate's subject, in any order: nats-server accepts a reordered DN too.
    /// </summary>
    public static bool SubjectMatches(string userName, X509Certificate2 certificate)
    {
        var wanted = SplitAttributes(userName);
        var actual = SplitAttributes(Subject(certificate.SubjectName));
        if (wanted.Count == 0 || wanted.Count != actual.Count)
        {
            return false;
        }

        wanted.Sort(StringComparer.Ordinal);
        actual.Sort(StringComparer.Ordinal);
        for (var i = 0; i < wanted.Count; i++)
        {
            if (!string.Equals(wanted[i], actual[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    // Most specific attribute first, comma-separated, as Go's RDNSequence.String() prints it.
    private static string Subject(X500DistinguishedName name)
    {
        var text = new StringBuilder();
        foreach (var rdn in name.EnumerateRelativeDistinguishedNames(reversed: true))
        {
            if (rdn.HasMultipleElements || rdn.GetSingleElementValue() is not { } value)
            {
                continue;
            }

            var oid = rdn.GetSingleElementType().Value ?? string.Empty;
            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(ShortNames.TryGetValue(oid, out var shortName) ? shortName : oid).Append('=').Append(Escape(value));
        }

        return text.ToString();
    }

    private static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var special = c is ',' or '+' or '"' or '\\' or '<' or '>' or ';'
                || (i == 0 && c is ' ' or '#')
                || (i == value.Length - 1 && c == ' ');
            if (special)
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    // "CN=a, O=b" → ["CN=a", "O=b"], split at commas that are not escaped, type upper-cased.
    private static List<string> SplitAttributes(string dn)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < dn.Length; i++)
        {
            if (dn[i] == '\\' && i + 1 < dn.Length)
            {
                current.Append(dn[i]).Append(dn[++i]);
            }
            else if (dn[i] == ',')
            {
                AddAttribute(parts, current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(dn[i]);
            }
        }

        AddAttribute(parts, current.ToString());
        return parts;
    }

    private static void AddAttribute(List<string> parts, string attribute)
    {
        var equals = attribute.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0)
        {
            parts.Add(attribute[..equals].Trim().ToUpperInvariant() + "=" + attribute[(equals + 1)..].Trim());
        }
    }

    // GeneralNames ::= SEQUENCE OF GeneralName; rfc822Name [1], dNSName [2] and URI [6] are IA5 strings.
    private static void ReadAlternativeNames(byte[] der, List<string> emails, List<string> dnsNames, List<string> uris)
    {
        try
        {
            var sequence = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
            while (sequence.HasData)
            {
                var tag = sequence.PeekTag();
                if (tag.TagClass != TagClass.ContextSpecific || tag.TagValue is not (1 or 2 or 6))
                {
                    sequence.ReadEncodedValue();
                    continue;
                }

                var value = sequence.ReadCharacterString(UniversalTagNumber.IA5String, tag);
                (tag.TagValue switch { 1 => emails, 2 => dnsNames, _ => uris }).Add(value);
            }
        }
        catch (AsnContentException)
        {
            // A malformed extension names nobody; the subject can still match.
        }
    }
}
