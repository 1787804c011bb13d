using Stepwise.Review.Common;

namespace Stepwise.Review.Quality;

/// <summary>A feature of the service that affects satisfaction, e.g. "first-contact resolution" or "staff courtesy".</summary>
public sealed record ServiceFeature
{
    /// <summary>Creates a feature.</summary>
    public ServiceFeature(string name, string? description = null, string? why = null)
    {
        Name = Guard.Text(name, "Service feature", 200);
        Description = Guard.OptionalText(description, $"Description of feature '{Name}'");
        Why = Guard.OptionalText(why, $"Why feature '{Name}' affects satisfaction", 2000);
    }

    /// <summary>The feature.</summary>
    public string Name { get; }

    /// <summary>What it means here.</summary>
    public string? Description { get; }

    /// <summary>Why it is thought to affect satisfaction (a driver analysis, complaints, staff experience).</summary>
    public string? Why { get; }
}
