using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Reviews;

/// <summary>A request to create a process review (or, with <see cref="Quality"/>, a quality review).</summary>
public sealed record NewReview
{
    /// <summary>The title, e.g. "Help desk tickets".</summary>
    public required string Title { get; init; }

    /// <summary>The aims, told to everyone involved.</summary>
    public IReadOnlyList<string> Aims { get; init; } = [];

    /// <summary>The owner's name as people know it; the creator's display name when omitted.</summary>
    public string? Owner { get; init; }

    /// <summary>Whether this is a quality review (of survey and QA results) rather than a process review.</summary>
    public bool Quality { get; init; }

    /// <summary>Checks every field.</summary>
    public Validation Validate()
    {
        var v = new Validation().Text("title", Title, 200).Text("owner", Owner, 200, required: false);
        for (int i = 0; i < Aims.Count; i++)
        {
            v.Text(Aims.Count == 1 ? "aim" : $"aim[{i + 1}]", Aims[i], 1000);
        }

        if (Quality && Aims.Count > 0)
        {
            v.Add("aim", "belongs to a process review; a quality review's aims are its measurement plan's targets.");
        }

        return v;
    }
}
