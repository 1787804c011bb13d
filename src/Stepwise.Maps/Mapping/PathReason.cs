namespace Stepwise.Maps.Mapping;

/// <summary>Why a simplified map shows a path.</summary>
public enum PathReason
{
    /// <summary>Not shown.</summary>
    Hidden,

    /// <summary>Among the most frequent paths that make up the requested share of the transitions.</summary>
    Share,

    /// <summary>Below the share, but one of a shown step's main ways in or out (or of the main ways cases start or
    /// finish): kept so that no shown step looks cut off from the flow that brings its cases
    /// (<see cref="MapOptions.KeepStepPaths"/>).</summary>
    StepConnection,

    /// <summary>Below the share, but needed so that a shown step can be reached from the start or can reach the end.</summary>
    Reachability,
}
