using Stepwise.Statistics.Inference;

namespace Stepwise.Statistics.Sampling;

/// <summary>How well a sample mirrors its population on one attribute.</summary>
/// <param name="Attribute">The attribute.</param>
/// <param name="Test">Chi-square goodness of fit of the sample's counts to the population's shares (null when it
/// cannot be computed, e.g. fewer than two groups).</param>
/// <param name="Groups">Each group's shares, difference and weight.</param>
/// <param name="Notes">Sample groups absent from the population, and similar remarks.</param>
public sealed record AttributeBalance(string Attribute, TestResult? Test, IReadOnlyList<GroupBalance> Groups, IReadOnlyList<string> Notes)
{
    /// <summary>Whether the sample departs from the population at <paramref name="alpha"/> or has an under-represented group.</summary>
    public bool IsUnbalanced(double alpha = 0.05) => (Test is not null && Test.PValue < alpha) || Groups.Any(g => g.UnderRepresented);
}
