namespace Stepwise.Charts;

/// <summary>One cause or category of a Pareto chart with its amount.</summary>
public sealed record ParetoItem(string Label, double Value);
