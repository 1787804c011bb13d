using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Quality;

/// <summary>A feature of the service that affects satisfaction, added to a quality review or changed (by name).</summary>
public sealed record FeatureRequest
{
    /// <summary>The feature, e.g. "Inflight wifi service".</summary>
    public required string Name { get; init; }

    /// <summary>What it means here.</summary>
    public string? Description { get; init; }

    /// <summary>Why it is thought to affect satisfaction (a driver analysis, complaints, staff experience).</summary>
    public string? Why { get; init; }

    /// <summary>Checks every field.</summary>
    public Validation Validate() => new Validation().Text("name", Name, 200).Text("description", Description, 4000, required: false).Text("why", Why, 2000, required: false);
}
