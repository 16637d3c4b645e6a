using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Nats.Edge.Server.Protocol;

/// <summary>The INFO line a client gets on connect. Once per connection, so it may allocate.</summary>
internal static class InfoWriter
{
    /// <summary>What INFO's "go" field names: the runtime the server runs on.</summary>
    public static readonly string Runtime = RuntimeInformation.FrameworkDescription;

    // Keeps '+' in the version readable; the default encoder would write it as \u002B.
    /// <summary>The JSON options of the route and leaf INFO writers.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(ClientInfo info) => WireJson.Info(info, WireJsonContext.Default.ClientInfo);
}
