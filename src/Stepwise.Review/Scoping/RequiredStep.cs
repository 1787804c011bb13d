using Stepwise.Review.Common;

namespace Stepwise.Review.Scoping;

/// <summary>A step that must stay whatever the review proposes, e.g. because a regulation requires it.</summary>
public sealed record RequiredStep
{
    /// <summary>Creates a constraint.</summary>
    public RequiredStep(string activity, string reason)
    {
        Activity = Guard.Text(activity, "Required step", 200);
        Reason = Guard.Text(reason, $"Reason step '{Activity}' must stay");
    }

    /// <summary>The activity (step) that must stay.</summary>
    public string Activity { get; }

    /// <summary>Why, e.g. the regulation that requires it.</summary>
    public string Reason { get; }
}
