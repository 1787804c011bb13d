namespace Stepwise.Statistics.Feedback;

/// <summary>How an outcome value that is in neither the yes list nor the no list is read (a status with several values).</summary>
public enum UnlistedOutcome
{
    /// <summary>A bad row (except that a two-valued column with one value listed reads the other as its opposite).</summary>
    Reject,

    /// <summary>Yes.</summary>
    Yes,

    /// <summary>No.</summary>
    No,

    /// <summary>No answer: the response counts, its outcome does not.</summary>
    Missing,
}
