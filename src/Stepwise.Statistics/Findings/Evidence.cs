namespace Stepwise.Statistics.Findings;

/// <summary>A fact supporting a finding, e.g. ("CSAT", "72.4 % [70.1 %, 74.6 %]") or ("quote", "...").</summary>
/// <param name="Label">What the fact is.</param>
/// <param name="Value">The fact, formatted for people.</param>
public sealed record Evidence(string Label, string Value);
