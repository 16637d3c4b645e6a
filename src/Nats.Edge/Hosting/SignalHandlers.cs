using System.Runtime.InteropServices;
using Nats.Edge.Server;
using Nats.Edge.Server.Logging;

namespace Nats.Edge.Hosting;

/// <summary>
/// The POSIX signals nats-server answers to, with the same meanings: SIGINT, SIGTERM and SIGQUIT stop
/// cleanly, SIGHUP reloads the config, SIGUSR1 reopens the log file, SIGUSR2 enters lame duck mode.
/// </summary>
internal static partial class SignalHandlers
{
    // Linux numbers on x64 and arm64 alike; .NET takes raw numbers for signals it has no name for.
    private const PosixSignal SigUsr1 = (PosixSignal)10;
    private const PosixSignal SigUsr2 = (PosixSignal)12;

    private const int SigHup = 1;

    // SIG_DFL and SIG_IGN.
    private static readonly nint DefaultDisposition = 0;
    private static readonly nint IgnoreDisposition = 1;

    public static CompositeDisposable Register(NatsServer server, ServerLog log, Action reload, Action reopen)
    {
        // A server started under nohup inherits SIGHUP ignored, and the runtime honours an inherited
        // "ignore" even once a handler is registered, so `kill -HUP` would never reload. nats-server,
        // a Go program, takes the signal back when it asks for it; so does this, before the
        // registrations below. Only an ignored SIGHUP is touched: whatever else is there (the
        // runtime's own handler) is put straight back.
        var previous = SetDisposition(SigHup, DefaultDisposition);
        if (previous != IgnoreDisposition)
        {
            _ = SetDisposition(SigHup, previous);
        }

        PosixSignalRegistration On(PosixSignal signal, string name, Action action) => PosixSignalRegistration.Create(signal, context =>
        {
            // Handled here: the runtime's default would end the process without a clean shutdown.
            context.Cancel = true;
            log.Debug($"Trapped \"{name}\" signal");
            _ = Task.Run(action);
        });

        void Stop() => _ = server.ShutdownAsync();

        return new CompositeDisposable(
            On(PosixSignal.SIGINT, "interrupt", Stop),
            On(PosixSignal.SIGTERM, "terminated", Stop),
            On(PosixSignal.SIGQUIT, "quit", Stop),
            On(PosixSignal.SIGHUP, "hangup", reload),
            On(SigUsr1, "user defined signal 1", reopen),
            On(SigUsr2, "user defined signal 2", () => _ = server.EnterLameDuckModeAsync()));
    }

    // signal(2): sets the disposition and returns the one it replaced.
    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial nint SetDisposition(int signal, nint disposition);
}
