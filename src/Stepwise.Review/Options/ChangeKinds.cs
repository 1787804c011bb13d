using Stepwise.Review.Scoping;
using Stepwise.Simulation.Scenarios;

namespace Stepwise.Review.Options;

/// <summary>The one mapping from a simulation scenario change to the kind of change a scope allows or refuses.</summary>
public static class ChangeKinds
{
    /// <summary>The kind of <paramref name="change"/>.</summary>
    /// <exception cref="ArgumentException">The change is of a type this version does not know.</exception>
    public static ChangeType Of(ScenarioChange change) => change switch
    {
        RemoveStep => ChangeType.RemoveStep,
        AutomateStep => ChangeType.Automate,
        MergeSteps => ChangeType.Merge,
        MoveStep => ChangeType.Resequence,
        ParallelSteps => ChangeType.Parallelise,
        ChangeStaff { Change: < 0 } => ChangeType.RemoveStaff,
        ChangeStaff => ChangeType.AddStaff,
        ChangeHours => ChangeType.ChangeHours,
        ReduceRework => ChangeType.ReduceRework,
        SelfService => ChangeType.SelfService,
        DemandGrowth => ChangeType.DemandGrowth,
        _ => throw new ArgumentException($"Unknown kind of change: {change?.GetType().Name}.", nameof(change)),
    };

    /// <summary>The steps a change names (the names of activities in the model), in order.</summary>
    public static IReadOnlyList<string> Steps(ScenarioChange change) => change switch
    {
        RemoveStep c => [c.Step],
        AutomateStep c => [c.Step],
        MergeSteps c => [c.First, c.Second],
        MoveStep c => [c.Step, c.Before],
        ParallelSteps c => c.Steps ?? [],
        ReduceRework c => [c.From, c.To],
        _ => [],
    };

    /// <summary>A short description for people, e.g. <c>remove 'Wait'</c>.</summary>
    public static string Describe(ScenarioChange change) => Describe(change, currency: null);

    /// <summary>How long an automated step takes, for people: "60 s each" for a fixed time, "a mean of 1.5 min" for a
    /// varying one (seconds under two minutes, then minutes, then hours).</summary>
    private static string TakesFor(Stepwise.Simulation.Distributions.Distribution d)
    {
        double s = d.MeanValue;
        string time = s < 120 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s:0.#} s")
            : s < 7200 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s / 60:0.#} min")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s / 3600:0.#} h");
        return d.Kind == Stepwise.Simulation.Distributions.DistributionKind.Constant ? $"{time} each" : $"a mean of {time}";
    }

    /// <summary>A short description for people, costs in <paramref name="currency"/> when it is known (e.g.
    /// <c>automate 'Triage' (60 s each), 0.05 EUR per execution</c>).</summary>
    public static string Describe(ScenarioChange change, string? currency) => change switch
    {
        RemoveStep c => $"remove '{c.Step}'",
        AutomateStep c => $"automate '{c.Step}' ({TakesFor(c.Duration)})" + (c.CostPerExecution > 0 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $", {c.CostPerExecution:0.##}{(currency is null ? string.Empty : " " + currency)} per execution") : string.Empty),
        MergeSteps c => $"merge '{c.First}' and '{c.Second}'" + (c.Name is null ? string.Empty : $" into '{c.Name}'"),
        MoveStep c => $"move '{c.Step}' before '{c.Before}'",
        ParallelSteps c => $"run {string.Join(", ", (c.Steps ?? []).Select(s => $"'{s}'"))} in parallel",
        ChangeStaff c => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(c.Change >= 0 ? "add" : "remove")} {Math.Abs(c.Change)} staff in '{c.Pool}'"),
        ChangeHours c => $"'{c.Pool}' works {c.Hours}" + (c.Staff is { } s ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" with {s} staff") : string.Empty),
        ReduceRework c => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"rework from '{c.From}' back to '{c.To}' reduced by {c.Reduction * 100:0}%"),
        SelfService c => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{c.Share * 100:0}% of arrivals to self-service"),
        DemandGrowth c => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"demand x {c.Factor:0.###}"),
        _ => change.GetType().Name,
    };
}
