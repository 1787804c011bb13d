namespace Stepwise.Review.SignOffs;

/// <summary>A sign-off and whether it still applies to the artefact as it is now.</summary>
/// <param name="SignOff">The sign-off.</param>
/// <param name="IsStale">True when the artefact has changed since (its content hash differs).</param>
public sealed record SignOffState(SignOff SignOff, bool IsStale);
