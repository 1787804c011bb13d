using Stepwise.Review.Common;

namespace Stepwise.Review.Steps;

/// <summary>One piece of evidence: what it shows and where it comes from.</summary>
public sealed record Evidence
{
    /// <summary>Creates a piece of evidence.</summary>
    public Evidence(string summary, string source, ContentHash? dataHash = null)
    {
        Summary = Guard.Text(summary, "Evidence summary");
        Source = Guard.Text(source, "Evidence source", 400);
        DataHash = dataHash;
    }

    /// <summary>What it shows.</summary>
    public string Summary { get; }

    /// <summary>Where it comes from (an analysis, a survey, an interview).</summary>
    public string Source { get; }

    /// <summary>The hash of the data it was computed on, when it comes from data.</summary>
    public ContentHash? DataHash { get; }
}
