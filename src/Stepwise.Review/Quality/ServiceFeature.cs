using Stepwise.Review.Common;

namespace Stepwise.Review.Quality;

/// <summary>A feature of the service that affects satisfaction, e.g. "first-contact resolution" or "staff courtesy".</summary>
public sealed record ServiceFeature
{
    /// <summary>Creates a feature.</summary>
    public ServiceFeature(string name, string? description = null)
    {
        Name = Guard.Text(name, "Service feature", 200);
        Description = Guard.OptionalText(description, $"Description of feature '{Name}'");
    }

    /// <summary>The feature.</summary>
    public string Name { get; }

    /// <summary>What it means here.</summary>
    public string? Description { get; }
}
