namespace Nats.Edge.Server.Protocol;

/// <summary>What a reader asks of every dialect's struct handler before and after each op.</summary>
internal interface IOpHandler
{
    /// <summary>True once the handler has decided to close; the reader stops.</summary>
    bool IsClosing { get; }

    /// <summary>Gate before each op (the auth check: CONNECT must come first); false stops the reader.</summary>
    bool Admit(ClientOp op);

    /// <summary>Where the shared, rare ops go.</summary>
    IControlOpHandler Control { get; }
}
