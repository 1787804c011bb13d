using Stepwise.Review.People;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Reviews;

/// <summary>A request to add a stakeholder to a review, or to change one (by name).</summary>
public sealed record NewStakeholder
{
    /// <summary>The person's name.</summary>
    public required string Name { get; init; }

    /// <summary>Their group: front-line-staff, team-leaders, senior-managers, other-departments, service-partners, customers.</summary>
    public required string Group { get; init; }

    /// <summary>Their RACI role: responsible, accountable, consulted, informed.</summary>
    public required string Role { get; init; }

    /// <summary>Their job title or team.</summary>
    public string? Position { get; init; }

    /// <summary>The user account they sign and answer as (bound by the owner), if they have one.</summary>
    public string? Account { get; init; }

    /// <summary>Checks every field and returns the parsed group and role.</summary>
    public (StakeholderGroup Group, RaciRole Role) Parse()
    {
        var v = new Validation().Text("name", Name, 200).Text("position", Position, 200, required: false).Text("account", Account, 100, required: false);
        var group = v.Enum<StakeholderGroup>("group", Group);
        var role = v.Enum<RaciRole>("role", Role);
        if (string.IsNullOrWhiteSpace(Group))
        {
            v.Add("group", "is required: " + string.Join(", ", Enum.GetNames<StakeholderGroup>().Select(Validation.Kebab)) + ".");
        }

        if (string.IsNullOrWhiteSpace(Role))
        {
            v.Add("role", "is required: responsible, accountable, consulted or informed.");
        }

        v.ThrowIfAny();
        return (group!.Value, role!.Value);
    }
}
