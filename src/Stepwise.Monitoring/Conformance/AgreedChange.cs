namespace Stepwise.Monitoring.Conformance;

/// <summary>
/// What was agreed about how the process runs after the change: steps removed, steps made mandatory, and orders
/// steps must keep. A review's decided options map onto it: a RemoveStep option's steps are removed, the scope's
/// required steps are mandatory, a MoveStep option gives an order.
/// </summary>
public sealed record AgreedChange
{
    /// <summary>Steps that should no longer happen.</summary>
    public IReadOnlyList<string> RemovedSteps { get => field; init => field = Clean(value, nameof(RemovedSteps)); } = [];

    /// <summary>Steps every case should now have.</summary>
    public IReadOnlyList<string> MandatorySteps { get => field; init => field = Clean(value, nameof(MandatorySteps)); } = [];

    /// <summary>Orders steps should keep.</summary>
    public IReadOnlyList<AgreedOrder> Orders
    {
        get => field;
        init => field = value is null || value.Any(o => o is null || string.IsNullOrWhiteSpace(o.First) || string.IsNullOrWhiteSpace(o.Then))
            ? throw new MonitorOptionException(nameof(Orders), "Each agreed order needs the step that comes first and the step that follows it.")
            : value;
    } = [];

    /// <summary>Whether anything was agreed.</summary>
    public bool IsEmpty => RemovedSteps.Count == 0 && MandatorySteps.Count == 0 && Orders.Count == 0;

    private static IReadOnlyList<string> Clean(IReadOnlyList<string>? steps, string field)
        => steps is null || steps.Any(string.IsNullOrWhiteSpace)
            ? throw new MonitorOptionException(field, "Agreed steps must be named.")
            : [.. steps.Select(s => s.Trim())];
}
