using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Nats.Edge.Server.Security;

namespace Nats.Edge.Tests.Unit.Security;

/// <summary>The names a client certificate can log in as under verify_and_map, in nats-server's order.</summary>
public sealed class CertificateIdentityTests : IDisposable
{
    private readonly X509Certificate2 _sensor = Create(
        "CN=sensor-7, OU=boards, O=acme",
        names =>
        {
            names.AddEmailAddress("sensor-7@acme.example");
            names.AddDnsName("sensor-7.acme.example");
            names.AddUri(new Uri("spiffe://acme.example/boards/sensor-7"));
        });

    public void Dispose() => _sensor.Dispose();

    [Fact]
    public void Names_lists_emails_then_dns_names_then_uris_then_the_subject()
    {
        Assert.Equal(
            ["sensor-7@acme.example", "sensor-7.acme.example", "spiffe://acme.example/boards/sensor-7", "CN=sensor-7,OU=boards,O=acme"],
            CertificateIdentity.Names(_sensor));
    }

    [Fact]
    public void Names_keeps_the_order_of_several_names_of_one_kind()
    {
        using var certificate = Create("CN=gateway", names =>
        {
            names.AddDnsName("b.acme.example");
            names.AddEmailAddress("ops@acme.example");
            names.AddDnsName("a.acme.example");
        });

        Assert.Equal(["ops@acme.example", "b.acme.example", "a.acme.example", "CN=gateway"], CertificateIdentity.Names(certificate));
    }

    [Fact]
    public void Names_of_a_certificate_without_alternative_names_is_the_subject_alone()
    {
        using var certificate = Create("CN=sensor-7, OU=boards, O=acme", configure: null);

        Assert.Equal(["CN=sensor-7,OU=boards,O=acme"], CertificateIdentity.Names(certificate));
    }

    [Fact]
    public void Names_escapes_a_comma_inside_a_subject_value()
    {
        using var certificate = Create("CN=\"sensor,7\", O=acme", configure: null);

        Assert.Equal(["CN=sensor\\,7,O=acme"], CertificateIdentity.Names(certificate));
    }

    [Fact]
    public void Subject_matches_the_same_dn()
    {
        Assert.True(CertificateIdentity.SubjectMatches("CN=sensor-7,OU=boards,O=acme", _sensor));
    }

    [Fact]
    public void Subject_matches_a_reordered_dn()
    {
        Assert.True(CertificateIdentity.SubjectMatches("O=acme,OU=boards,CN=sensor-7", _sensor));
    }

    [Fact]
    public void Subject_matches_a_dn_with_spaces_after_the_commas()
    {
        Assert.True(CertificateIdentity.SubjectMatches("CN=sensor-7, OU=boards, O=acme", _sensor));
    }

    [Fact]
    public void Subject_matches_attribute_type_names_in_any_case()
    {
        Assert.True(CertificateIdentity.SubjectMatches("cn=sensor-7, ou=boards, o=acme", _sensor));
    }

    [Fact]
    public void Subject_does_not_match_a_value_in_another_case()
    {
        Assert.False(CertificateIdentity.SubjectMatches("CN=Sensor-7,OU=boards,O=acme", _sensor));
    }

    [Fact]
    public void Subject_does_not_match_a_dn_missing_an_attribute()
    {
        Assert.False(CertificateIdentity.SubjectMatches("CN=sensor-7,O=acme", _sensor));
    }

    [Fact]
    public void Subject_does_not_match_a_dn_with_an_extra_attribute()
    {
        Assert.False(CertificateIdentity.SubjectMatches("CN=sensor-7,OU=boards,O=acme,C=DE", _sensor));
    }

    [Fact]
    public void Subject_does_not_match_a_plain_user_name()
    {
        Assert.False(CertificateIdentity.SubjectMatches("sensor-7", _sensor));
    }

    [Fact]
    public void Subject_with_an_escaped_comma_matches_its_escaped_form()
    {
        using var certificate = Create("CN=\"sensor,7\", O=acme", configure: null);

        Assert.True(CertificateIdentity.SubjectMatches("O=acme,CN=sensor\\,7", certificate));
    }

    private static X509Certificate2 Create(string subject, Action<SubjectAlternativeNameBuilder>? configure)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        if (configure is not null)
        {
            var names = new SubjectAlternativeNameBuilder();
            configure(names);
            request.CertificateExtensions.Add(names.Build());
        }

        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}
