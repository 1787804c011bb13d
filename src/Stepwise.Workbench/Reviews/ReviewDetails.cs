using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Reviews;

/// <summary>
/// A change to what a process review is called and what it is meant to achieve. Fields left null keep their value;
/// an empty list of aims removes them all.
/// </summary>
public sealed record ReviewDetails
{
    /// <summary>The new title, e.g. "Help desk tickets 2026"; null keeps the title.</summary>
    public string? Title { get; init; }

    /// <summary>The aims, in order; null keeps them, an empty list removes them.</summary>
    public IReadOnlyList<string>? Aims { get; init; }

    /// <summary>Checks every field as <see cref="NewReview"/> does.</summary>
    public Validation Validate()
    {
        var v = new Validation();
        if (Title is not null)
        {
            v.Text("title", Title, 200);
        }

        var aims = Aims ?? [];
        for (int i = 0; i < aims.Count; i++)
        {
            v.Text(aims.Count == 1 ? "aim" : $"aim[{i + 1}]", aims[i], 1000);
        }

        var repeated = aims.Select(a => a?.Trim()).GroupBy(a => a, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Key is { Length: > 0 } && g.Count() > 1);
        if (repeated is not null)
        {
            v.Add("aim", $"'{repeated.Key}' is given twice: give each aim once.");
        }

        return v;
    }
}
