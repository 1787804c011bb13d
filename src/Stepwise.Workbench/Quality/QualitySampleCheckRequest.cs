using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Sampling;

namespace Stepwise.Workbench.Quality;

/// <summary>A check of a kept sample, or of the responses received from it, against its population.</summary>
public sealed record QualitySampleCheckRequest
{
    /// <summary>The sample: its name or id.</summary>
    public required string Sample { get; init; }

    /// <summary>The population file the sample was drawn from (its SHA-256 must match).</summary>
    public required string Population { get; init; }

    /// <summary>The file to check: the units drawn, or the responses received.</summary>
    public required string File { get; init; }

    /// <summary>Whether <see cref="File"/> holds the responses received (so a response rate is worked out against the units drawn).</summary>
    public bool Responses { get; init; }

    /// <summary>The attributes to check (the sample's strata when none are named).</summary>
    public IReadOnlyList<string> Attribute { get; init; } = [];

    /// <summary>How to check (sample id column, weights, key); the population's id column and log flag are the sample's own.</summary>
    public SampleCheckRequest Check { get; init; } = new();

    /// <summary>Checks every field.</summary>
    public Validation Validate()
    {
        var v = new Validation().Text("sample", Sample, 200).Text("population", Population, 4000).Text("file", File, 4000);
        foreach (var e in Check?.Validate().Errors.Where(e => e.Field != "by") ?? [])
        {
            v.Add(e.Field, e.Message);
        }

        return v;
    }
}
