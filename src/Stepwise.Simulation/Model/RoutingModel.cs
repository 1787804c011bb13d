namespace Stepwise.Simulation.Model;

/// <summary>
/// The routing of cases: a Markov chain whose state is the last <see cref="History"/> steps of the case, so that rework
/// loops and variants keep the frequencies they have in the log. A history never observed falls back to its longest
/// observed suffix; a case with no applicable rule ends.
/// </summary>
public sealed record RoutingModel
{
    /// <summary>The name used for the end of a case in <see cref="RoutingRule.Next"/>.</summary>
    public const string End = "(end)";

    /// <summary>How many past steps decide the next one (1 or more).</summary>
    public int History { get; init; } = 2;

    /// <summary>The rules, one per observed history.</summary>
    public required IReadOnlyList<RoutingRule> Rules { get; init; }
}
