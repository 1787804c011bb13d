using Stepwise.Review.Common;

namespace Stepwise.Review.Quality;

/// <summary>
/// A change to a line of the measurement plan because a method was not working, with the reason, the evidence and
/// the values before and after.
/// </summary>
public sealed record PlanRevision
{
    /// <summary>When the plan was revised.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Who revised it.</summary>
    public required string By { get => field; init => field = Guard.Text(value, "Who revised the plan", 200); }

    /// <summary>The metric revised (its name after the revision).</summary>
    public required string Metric { get => field; init => field = Guard.Text(value, "Revised metric", 200); }

    /// <summary>Why.</summary>
    public required RevisionReason Reason { get => field; init => field = Guard.Defined(value, "Revision reason"); }

    /// <summary>What was seen, e.g. "12% of invited passengers answered; 30% were planned".</summary>
    public required string Explanation { get => field; init => field = Guard.Text(value, "Why the plan was revised", 2000); }

    /// <summary>The sample whose check showed the problem, if any.</summary>
    public Guid? SampleId { get; init; }

    /// <summary>The fields changed, with their values before and after.</summary>
    public required IReadOnlyList<RevisedField> Changes
    {
        get => field;
        init
        {
            var list = Guard.List(value, "Revised fields");
            field = list.Count == 0 ? throw new ReviewRuleException($"A revision of '{Metric}' must change at least one field.") : list;
        }
    }
}
