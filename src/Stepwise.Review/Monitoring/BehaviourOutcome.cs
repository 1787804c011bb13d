using Stepwise.Review.Common;

namespace Stepwise.Review.Monitoring;

/// <summary>A step or a path (one step directly followed by another) new after the change, or gone from it.</summary>
public sealed record BehaviourOutcome
{
    /// <summary>The step or path in words (<c>A &gt; B</c> for a path).</summary>
    public required string What { get => field; init => field = Guard.Text(value, "Step or path", 1000); }

    /// <summary>Cases in the period where it is seen.</summary>
    public int Cases { get; init; }

    /// <summary>Their share of the period's cases.</summary>
    public double Share { get; init; }

    /// <summary>Example case ids.</summary>
    public IReadOnlyList<string> Examples { get => field; init => field = Guard.List(value, "Examples"); } = [];
}
