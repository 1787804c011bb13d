using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Sampling;

namespace Stepwise.Workbench.Quality;

/// <summary>A sample to draw for a quality review and keep in it: its name, the metric it serves, the population file and the draw.</summary>
public sealed record QualitySampleRequest
{
    /// <summary>A name, unique in the review, e.g. "Test split, by class".</summary>
    public required string Name { get; init; }

    /// <summary>The metric of the measurement plan it is drawn for, if any.</summary>
    public string? Metric { get; init; }

    /// <summary>The population file: a CSV of units, or an event log with <see cref="SampleDrawRequest.Log"/>.</summary>
    public required string Population { get; init; }

    /// <summary>How to draw.</summary>
    public required SampleDrawRequest Draw { get; init; }

    /// <summary>Where to write the units drawn (a CSV that a sample check reads back), if anywhere.</summary>
    public string? Output { get; init; }

    /// <summary>Checks every field.</summary>
    public Validation Validate()
    {
        var v = new Validation().Text("name", Name, 200).Text("metric", Metric, 200, required: false).Text("population", Population, 4000).Text("output", Output, 4000, required: false);
        foreach (var e in Draw?.Validate().Errors ?? [])
        {
            v.Add(e.Field, e.Message);
        }

        return v;
    }
}
