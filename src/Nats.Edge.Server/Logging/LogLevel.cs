namespace Nats.Edge.Server.Logging;

/// <summary>Severity of a log line, with nats-server's three-letter labels.</summary>
public enum LogLevel
{
    /// <summary>[TRC], shown with -V.</summary>
    Trace,
    /// <summary>[DBG], shown with -D.</summary>
    Debug,
    /// <summary>[INF].</summary>
    Info,
    /// <summary>[WRN].</summary>
    Warning,
    /// <summary>[ERR].</summary>
    Error,
    /// <summary>[FTL].</summary>
    Fatal,
}
