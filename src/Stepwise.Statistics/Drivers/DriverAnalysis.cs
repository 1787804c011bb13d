namespace Stepwise.Statistics.Drivers;

/// <summary>The result of a key-driver analysis.</summary>
/// <param name="Outcome">What was explained (the overall score or the outcome).</param>
/// <param name="Drivers">One entry per item, the most important first (items left out of the model last).</param>
/// <param name="ModelCount">Responses with every modelled item and the outcome (listwise complete).</param>
/// <param name="RSquared">The share of variance of the outcome the modelled items explain together.</param>
/// <param name="Excluded">Items left out of the joint model, with the reason (too few answers, no variance).</param>
public sealed record DriverAnalysis(string Outcome, IReadOnlyList<Driver> Drivers, int ModelCount, double RSquared, IReadOnlyList<string> Excluded)
{
    /// <summary>Where the grid splits performance, as a percentage of each item's scale (50 = the scale midpoint).</summary>
    public double PerformanceSplit { get; init; } = 50;
}
