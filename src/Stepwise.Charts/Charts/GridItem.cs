namespace Stepwise.Charts;

/// <summary>One service feature on an importance-performance grid.</summary>
/// <param name="Label">The feature.</param>
/// <param name="Performance">How well it is rated, in the grid's performance measure.</param>
/// <param name="Importance">How much it drives the outcome, in the grid's importance measure.</param>
public sealed record GridItem(string Label, double Performance, double Importance);
