using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Nats.Edge.Server.Links;

/// <summary>
/// The client side of a TLS handshake on a link this server dialled (a leafnode uplink, a gateway):
/// the far server's certificate checked against <c>ca_file</c> when one is given (the system's roots
/// otherwise), this server's own certificate presented when one is given, within the timeout.
/// </summary>
internal static class LinkTls
{
    public static async Task<SslStream> ConnectAsync(
        Socket socket, string host, string? caFile, string? certificateFile, string? keyFile, TimeSpan timeout, CancellationToken stopping)
    {
        var stream = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false);
        var authentication = new SslClientAuthenticationOptions { TargetHost = host };
        if (caFile is not null)
        {
            var authorities = new X509Certificate2Collection();
            authorities.ImportFromPemFile(caFile);
            authentication.CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            authentication.CertificateChainPolicy.CustomTrustStore.AddRange(authorities);
        }

        if (certificateFile is not null && keyFile is not null)
        {
            authentication.ClientCertificates = [X509Certificate2.CreateFromPemFile(certificateFile, keyFile)];
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        deadline.CancelAfter(timeout);
        try
        {
            await stream.AuthenticateAsClientAsync(authentication, deadline.Token).ConfigureAwait(false);
            return stream;
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
