namespace Stepwise.Simulation.CallCentre;

/// <summary>How a call ended.</summary>
public enum CallOutcome
{
    /// <summary>An agent served the call (<c>AGENT</c>).</summary>
    Served,

    /// <summary>The caller hung up before being served (<c>HANG</c>), in the queue or already in the voice-response unit.</summary>
    Abandoned,

    /// <summary>A record that is not a real call (<c>PHANTOM</c>); excluded from every measure.</summary>
    Phantom,
}
