namespace Stepwise.Statistics.Inference;

/// <summary>The result of a significance test.</summary>
/// <param name="Test">The test's name (e.g. <c>chi-square</c>, <c>Mann-Whitney U</c>, <c>Welch t</c>).</param>
/// <param name="Statistic">The test statistic (chi-square, z of U, or t).</param>
/// <param name="DegreesOfFreedom">Degrees of freedom, where the test has them (NaN otherwise).</param>
/// <param name="PValue">The two-sided p-value.</param>
/// <param name="EffectSize">An effect size: Cramér's V, the rank-biserial correlation, or Cohen's d.</param>
public sealed record TestResult(string Test, double Statistic, double DegreesOfFreedom, double PValue, double EffectSize);
