// The server's own building blocks and the byte-level BCL namespaces nearly every part of it uses:
// one list here instead of the same header atop most files.
global using System.Buffers;
global using System.Text;
global using Nats.Edge.Server.Accounts;
global using Nats.Edge.Server.Configuration;
global using Nats.Edge.Server.Connections;
global using Nats.Edge.Server.Protocol;
global using Nats.Edge.Server.Subjects;
