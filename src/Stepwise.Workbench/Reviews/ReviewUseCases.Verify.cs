using Stepwise.Review.Access;
using Stepwise.Review.History;
using Stepwise.Workbench.Access;

namespace Stepwise.Workbench.Reviews;

/// <summary>Checking that a review's history has not been changed behind the workspace's back.</summary>
public sealed partial class ReviewUseCases
{
    /// <summary>
    /// Recomputes the hash chain of a review's history and names the first entry that breaks it (an entry changed,
    /// removed, inserted or reordered since it was written), and any artefact version, sign-off or import with no
    /// history entry. Anyone who may read the review may check it.
    /// </summary>
    /// <param name="actor">Who checks.</param>
    /// <param name="reviewId">The review (process or quality).</param>
    public HistoryVerification VerifyHistory(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return _bench.Store.VerifyHistory(reviewId);
    }
}
