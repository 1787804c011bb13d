using Stepwise.Review.Access;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Reviews;

/// <summary>A request to give a user account a role in a review (or change it).</summary>
public sealed record NewMember
{
    /// <summary>The account's user name.</summary>
    public required string User { get; init; }

    /// <summary>The role, as users type it: owner, analyst, approver, contributor or viewer.</summary>
    public required string Role { get; init; }

    /// <summary>Checks the fields and returns the role.</summary>
    public ReviewRole Parse()
    {
        var v = new Validation().Text("user", User, 100);
        var role = v.Enum<ReviewRole>("role", Role);
        if (role is null && string.IsNullOrWhiteSpace(Role))
        {
            v.Add("role", "is required: owner, analyst, approver, contributor or viewer.");
        }

        v.ThrowIfAny();
        return role!.Value;
    }
}
