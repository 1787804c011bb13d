using Stepwise.Review.Common;

namespace Stepwise.Review.Quality;

/// <summary>
/// A check of a sample, or of the responses received from it, against the population: per attribute, a chi-square
/// test and each group's shares, standardised difference and weight.
/// </summary>
public sealed record SampleCheck
{
    /// <summary>When it was checked.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Who checked it.</summary>
    public required string By { get => field; init => field = Guard.Text(value, "Who checked the sample", 200); }

    /// <summary>The file checked (the units drawn or the responses received), without folders.</summary>
    public required string File { get => field; init => field = Guard.Text(value, "Checked file", 400); }

    /// <summary>Its SHA-256.</summary>
    public required ContentHash FileHash { get; init; }

    /// <summary>Units in the file (responses received, when it holds responses).</summary>
    public required int Units { get => field; init => field = value < 0 ? throw new ReviewRuleException("A checked file cannot hold fewer than no units.") : value; }

    /// <summary>Units received against units drawn (null when the file is the sample itself).</summary>
    public double? ResponseRate { get; init; }

    /// <summary>Each attribute checked.</summary>
    public required IReadOnlyList<AttributeCheck> Attributes { get => field; init => field = Guard.List(value, "Checked attributes"); }

    /// <summary>Whether every attribute is representative.</summary>
    public bool Representative => Attributes.All(a => a.Representative);
}
