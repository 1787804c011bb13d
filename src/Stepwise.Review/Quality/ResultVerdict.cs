namespace Stepwise.Review.Quality;

/// <summary>What the data say about a target, at the analysis's confidence.</summary>
public enum ResultVerdict
{
    /// <summary>The whole interval meets the target.</summary>
    Met,

    /// <summary>The whole interval misses the target.</summary>
    Missed,

    /// <summary>The interval straddles the target: more data are needed to say.</summary>
    Undecided,
}
