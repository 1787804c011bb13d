using Stepwise.Review.Access;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api.Authentication;

/// <summary>
/// Long work starts as a job, after the request has been answered; a caller whose role the layer will refuse is told
/// at once (403) instead of by a failed job, and before a large upload is received. The layer checks again when the
/// job runs: this only answers sooner, from the layer's own access table.
/// </summary>
internal static class RolePrecheck
{
    public static void Require(Workbench.Workbench bench, Caller caller, Guid reviewId, Permission permission, string what)
    {
        var review = bench.Reviews.Get(caller.Actor, reviewId);
        if (!AccessRules.Allows(review.Role, permission))
        {
            string role = review.Role.ToString().ToLowerInvariant();
            string article = review.Role is ReviewRole.Owner or ReviewRole.Analyst or ReviewRole.Approver ? "an" : "a";
            throw StepwiseException.Forbidden($"{caller.Actor.DisplayName} is {article} {role} of this review and may not {what}; {article} {role} {AccessRules.Describe(review.Role)}.");
        }
    }
}
