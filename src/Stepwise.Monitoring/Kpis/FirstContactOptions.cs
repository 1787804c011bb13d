namespace Stepwise.Monitoring.Kpis;

/// <summary>
/// How first-contact resolution is read from a log, in order of the evidence it rests on:
/// <list type="number">
/// <item>an attribute that records it (<see cref="Attribute"/>, resolved when its value is one of <see cref="ResolvedValues"/>);</item>
/// <item>else, with <see cref="CustomerAttribute"/>, no repeat contact: the customer opened no other case from the
///   case's start until <see cref="RepeatWindow"/> after its end (cases ending less than the window before the log
///   ends are left out: they could still be followed by one);</item>
/// <item>else, where <see cref="HandlerProxy"/> allows it, one handler and no repeated step: every event by the same
///   participant and no step done twice (a proxy, labelled so in the result).</item>
/// </list>
/// </summary>
public sealed record FirstContactOptions
{
    /// <summary>A case attribute recording whether the case was resolved at the first contact, or null.</summary>
    public string? Attribute { get; init; }

    /// <summary>The values of <see cref="Attribute"/> that mean resolved at first contact (compared ignoring case).</summary>
    public IReadOnlyList<string> ResolvedValues
    {
        get => field;
        init => field = value is { Count: > 0 } ? value : throw new MonitorOptionException(nameof(ResolvedValues), "Name at least one value that means resolved at the first contact (e.g. true, yes, 1).");
    } = ["true", "yes", "y", "1"];

    /// <summary>The attribute holding the customer id, to count repeat contacts; null when the log has none.</summary>
    public string? CustomerAttribute { get; init; }

    /// <summary>How long after a case ends a new case of the same customer counts as a repeat contact.</summary>
    public TimeSpan RepeatWindow
    {
        get => field;
        init => field = value > TimeSpan.Zero ? value : throw new MonitorOptionException(nameof(RepeatWindow), "The repeat-contact window must be longer than zero, e.g. 7d.");
    } = TimeSpan.FromDays(7);

    /// <summary>Whether, without an attribute or customer id, the one-handler-no-rework proxy is used.</summary>
    public bool HandlerProxy { get; init; } = true;
}
