namespace Stepwise.Workbench.Analyses;

/// <summary>The result of an analysis of a review's data, with what it was computed on.</summary>
/// <typeparam name="T">The result's type.</typeparam>
/// <param name="Result">The result.</param>
/// <param name="Basis">The data source, scope, filter and measure it was computed on.</param>
public sealed record Analysis<T>(T Result, AnalysisBasis Basis);
