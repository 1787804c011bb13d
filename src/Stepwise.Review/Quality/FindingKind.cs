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

    /// <summary>A segment of customers that differs from the rest.</summary>
    Segment,

    /// <summary>A control chart signals special-cause variation.</summary>
    Signal,

    /// <summary>Anything else, e.g. from a mystery-shopping visit or a staff workshop.</summary>
    Other,
}
