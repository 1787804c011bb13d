namespace Stepwise.Statistics.Findings;

/// <summary>An action recommended from a finding, with who owns it and by when.</summary>
/// <param name="Finding">The finding it answers, with its evidence.</param>
/// <param name="Action">What to do.</param>
/// <param name="Owner">Who is accountable (a role or a name).</param>
/// <param name="Due">When it is due.</param>
public sealed record RecommendedAction(Finding Finding, string Action, string Owner, DateOnly Due);
