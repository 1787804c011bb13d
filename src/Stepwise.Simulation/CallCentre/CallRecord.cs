namespace Stepwise.Simulation.CallCentre;

/// <summary>
/// One call to a contact centre. Instants are seconds since midnight of <see cref="Date"/> (a call that crosses
/// midnight has instants above 86,400); <see cref="QueueStart"/> is null for a call that never waited in the queue.
/// </summary>
/// <param name="Line">The line of the file the call was read from (for messages).</param>
/// <param name="Date">The day the call began.</param>
/// <param name="Priority">The customer's priority class (0 = unidentified; higher is served first).</param>
/// <param name="Type">The service type code (e.g. PS, NW).</param>
/// <param name="VruEntry">When the call entered the voice-response unit.</param>
/// <param name="VruExit">When it left the voice-response unit (and asked for an agent, unless it hung up there).</param>
/// <param name="QueueStart">When it joined the queue for an agent, or null.</param>
/// <param name="QueueExit">When it left the queue (served or hung up), or null.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="ServiceStart">When an agent began serving it, or null.</param>
/// <param name="ServiceExit">When the service ended, or null.</param>
/// <param name="Server">The agent, or null (<c>NO_SERVER</c>).</param>
public readonly record struct CallRecord(
    int Line,
    DateOnly Date,
    int Priority,
    string Type,
    int VruEntry,
    int VruExit,
    int? QueueStart,
    int? QueueExit,
    CallOutcome Outcome,
    int? ServiceStart,
    int? ServiceExit,
    string? Server)
{
    /// <summary>Whether the call reached the agents (queued, or served straight away); calls that hung up in the
    /// voice-response unit and phantom records did not.</summary>
    public bool ReachedAgents => Outcome != CallOutcome.Phantom && (QueueStart is not null || Outcome == CallOutcome.Served);

    /// <summary>When the call asked for an agent: the queue start, or the end of the voice-response unit.</summary>
    public int AskedForAgent => QueueStart ?? VruExit;

    /// <summary>Seconds waited for an agent (0 when served straight away).</summary>
    public int Wait => QueueStart is { } q && QueueExit is { } x ? Math.Max(0, x - q) : 0;

    /// <summary>Seconds of service (0 when not served).</summary>
    public int ServiceTime => ServiceStart is { } s && ServiceExit is { } e ? Math.Max(0, e - s) : 0;
}
