namespace Stepwise.Steps.Compliance;

/// <summary>
/// Which cases a time limit leaves unchecked because they never needed its step. Without it, a case that never reaches
/// the rule's <c>to</c> step is a breach once the limit has passed by its last event (open before): right for a step
/// every case must reach (a final response, a refund owed), wrong for one that many cases go without. A case that
/// reaches the step is always checked.
/// </summary>
public sealed record Skipping
{
    /// <summary>Only cases that reach the step are checked (a step that is optional: a summary resolution, a rejection).</summary>
    public bool OnlyIfReached { get; init; }

    /// <summary>
    /// A case that reaches one of these activities after the clock starts, and never the step, skipped the step and is
    /// not checked (an incident resolved without going In progress). A case that reaches neither is still waiting for
    /// the step: open, or a breach once the limit has passed.
    /// </summary>
    public IReadOnlyList<string> SkippedBy { get; init; } = [];

    /// <summary>What the rule did with the cases that never reach <paramref name="step"/>, in a sentence for reports.</summary>
    /// <param name="step">The rule's step (its <c>to</c>, as resolved in the log).</param>
    /// <param name="notChecked">How many cases were not checked.</param>
    public string Describe(string step, int notChecked)
    {
        string count = notChecked.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        return OnlyIfReached
            ? $"only cases that reach '{step}' are checked; {count} cases that never do were not"
            : $"cases that reach {string.Join(" or ", SkippedBy.Select(s => "'" + s + "'"))} without '{step}' did without the step and are not checked ({count} cases)";
    }
}
