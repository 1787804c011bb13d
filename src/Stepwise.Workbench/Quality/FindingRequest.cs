using Stepwise.Review.Quality;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Quality;

/// <summary>A finding recorded by hand (a mystery-shopping visit, a staff workshop), or one worked out from an analysis and then worded.</summary>
public sealed record FindingRequest
{
    /// <summary>gap, driver, theme, segment, signal or other.</summary>
    public required string Kind { get; init; }

    /// <summary>What was found, in one sentence.</summary>
    public required string Summary { get; init; }

    /// <summary>The metric, feature or theme concerned.</summary>
    public string? Subject { get; init; }

    /// <summary>The analysis it comes from (its title or id), if any.</summary>
    public string? Analysis { get; init; }

    /// <summary>1 (most urgent) to 3.</summary>
    public int Priority { get; init; } = 2;

    /// <summary>What shows it, in a sentence each.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>Checks every field and returns the kind.</summary>
    public FindingKind Parse()
    {
        var v = new Validation().Text("summary", Summary, 2000).Text("subject", Subject, 200, required: false).Text("analysis", Analysis, 200, required: false);
        var kind = v.Enum<FindingKind>("kind", Kind);
        if (string.IsNullOrWhiteSpace(Kind))
        {
            v.Add("kind", "is required: " + string.Join(", ", Enum.GetNames<FindingKind>().Select(Validation.Kebab)) + ".");
        }

        if (Priority is < 1 or > 3)
        {
            v.Add("priority", $"must be 1 (most urgent), 2 or 3 (got {Priority}).");
        }

        for (int i = 0; i < Evidence.Count; i++)
        {
            v.Text(Evidence.Count == 1 ? "evidence" : $"evidence[{i + 1}]", Evidence[i], 4000);
        }

        v.ThrowIfAny();
        return kind!.Value;
    }
}
