using Stepwise.Review.Common;

namespace Stepwise.Review.Monitoring;

/// <summary>The mix of cases before and after, by one attribute, with Pearson's chi-square test of the shares.</summary>
public sealed record MixOutcome
{
    /// <summary>The attribute compared.</summary>
    public required string By { get => field; init => field = Guard.Text(value, "Mix attribute", 200); }

    /// <summary>Its values, largest before first.</summary>
    public IReadOnlyList<MixShare> Shares { get => field; init => field = Guard.List(value, "Mix shares"); } = [];

    /// <summary>The chi-square test's p-value.</summary>
    public double? PValue { get; init; }

    /// <summary>Whether the mix changed significantly.</summary>
    public bool Changed { get; init; }
}

/// <summary>One value of the mix attribute in each period.</summary>
/// <param name="Value">The value, (none) or (other).</param>
/// <param name="BeforeCases">Cases before.</param>
/// <param name="AfterCases">Cases after.</param>
/// <param name="BeforeShare">Share of the before cases.</param>
/// <param name="AfterShare">Share of the after cases.</param>
public sealed record MixShare(string Value, int BeforeCases, int AfterCases, double BeforeShare, double AfterShare);
