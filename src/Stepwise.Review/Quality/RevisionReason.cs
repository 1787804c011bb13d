namespace Stepwise.Review.Quality;

/// <summary>Why a line of the measurement plan was revised.</summary>
public enum RevisionReason
{
    /// <summary>Too few of those asked answered.</summary>
    LowResponseRate,

    /// <summary>The sample or the responses do not represent the population.</summary>
    UnrepresentativeSample,

    /// <summary>The method does not measure what it should (wording, timing, channel).</summary>
    MethodNotWorking,

    /// <summary>The target was set again (new baseline, new standard).</summary>
    TargetChanged,

    /// <summary>Any other reason, explained.</summary>
    Other,
}
