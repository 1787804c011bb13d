using Stepwise.Review.Common;

namespace Stepwise.Review.Scoping;

/// <summary>What the review is allowed to change: the kinds of change, the budget and the steps that must stay.</summary>
public sealed record ChangeParameters
{
    /// <summary>The kinds of change allowed; empty means none has been agreed yet.</summary>
    public IReadOnlyList<ChangeType> AllowedChanges
    {
        get => field;
        init => field = [.. Guard.List(value, "Allowed changes").Select(c => Guard.Defined(c, "Allowed change")).Distinct()];
    } = [];

    /// <summary>The most the review may spend (one-off), or null for no cap.</summary>
    public decimal? BudgetCap { get => field; init => field = value is { } v ? Guard.NonNegative(v, "Budget cap") : null; }

    /// <summary>Steps that must stay.</summary>
    public IReadOnlyList<RequiredStep> RequiredSteps { get => field; init => field = Guard.List(value, "Required steps"); } = [];

    /// <summary>Other constraints in words.</summary>
    public IReadOnlyList<string> Constraints { get => field; init => field = Guard.Names(value, "Constraint"); } = [];

    /// <summary>Whether <paramref name="change"/> is allowed.</summary>
    public bool Allows(ChangeType change) => AllowedChanges.Contains(change);
}
