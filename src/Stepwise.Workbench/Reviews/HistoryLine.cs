using Stepwise.Review.History;

namespace Stepwise.Workbench.Reviews;

/// <summary>
/// One change to a review as people read it: who, when, what happened to which artefact (by its name), and each field
/// changed with its old and new value, ids replaced by the names of the people and artefacts they stand for.
/// </summary>
/// <param name="Sequence">Its place in the workspace's history.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Action">What happened.</param>
/// <param name="Artefact">The artefact, by name (e.g. "option 'Automate triage'").</param>
/// <param name="Version">The version it produced or signed.</param>
/// <param name="Summary">One line for people.</param>
/// <param name="Changes">Each field changed, with its old and new value.</param>
public sealed record HistoryLine(long Sequence, DateTimeOffset At, string By, HistoryAction Action, string Artefact, long Version, string Summary, IReadOnlyList<ChangeLine> Changes);

/// <summary>One changed field with its old and new value, readable (null when the field was absent).</summary>
/// <param name="Field">The field, e.g. <c>change.budget_cap</c>.</param>
/// <param name="Before">Its value before.</param>
/// <param name="After">Its value after.</param>
public sealed record ChangeLine(string Field, string? Before, string? After);
