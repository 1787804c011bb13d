namespace Stepwise.Statistics.Targets;

/// <summary>Whether a target is a floor or a ceiling.</summary>
public enum TargetDirection
{
    /// <summary>The metric must be at least the target (CSAT, NPS, first-contact resolution).</summary>
    AtLeast,

    /// <summary>The metric must be at most the target (effort, response time).</summary>
    AtMost,
}
