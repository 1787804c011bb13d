namespace Stepwise.Review.Quality;

/// <summary>What a finding is.</summary>
public enum FindingKind
{
    /// <summary>A metric misses its target.</summary>
    Gap,

    /// <summary>A feature that drives overall satisfaction.</summary>
    Driver,

    /// <summary>A theme in customers' comments.</summary>
    Theme,
}
