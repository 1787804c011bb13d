namespace Stepwise.Review.Decisions;

/// <summary>
/// Where a recommendation stands. Whether it is agreed is read from its sign-offs, and whether it is implemented
/// from the plan tasks that carry it out, so neither changes the signed content.
/// </summary>
public enum RecommendationStatus
{
    /// <summary>Put forward; may be signed off.</summary>
    Proposed,

    /// <summary>Withdrawn by the review team.</summary>
    Withdrawn,
}
