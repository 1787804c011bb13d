using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Decisions;

/// <summary>
/// A recommendation: the options to take up and why, with evidence. The simulation of each option, its place in the
/// decision matrix and its cost-benefit case are added as evidence by themselves, each with the hash of its data. A
/// recommendation with the same title is changed (which makes its earlier sign-offs stale).
/// </summary>
public sealed record RecommendationRequest
{
    /// <summary>A short title.</summary>
    public required string Title { get; init; }

    /// <summary>The options recommended (titles or ids).</summary>
    public required IReadOnlyList<string> Options { get; init; }

    /// <summary>Why.</summary>
    public required string Rationale { get; init; }

    /// <summary>Other evidence in words (interviews, answers, benchmarks).</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>Checks every field.</summary>
    public Validation Validate()
    {
        var v = new Validation().Text("title", Title, 200).Text("rationale", Rationale, 4000).Texts("options", Options, 200).Texts("evidence", Evidence, 4000);
        return Options.Count == 0 ? v.Add("options", "names no option: a recommendation takes up at least one.") : v;
    }
}
