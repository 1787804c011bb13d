namespace Stepwise.Review.SignOffs;

/// <summary>A sign-off and whether it still counts for the artefact as it is now (see <see cref="SignOffRounds"/>).</summary>
/// <param name="SignOff">The sign-off.</param>
/// <param name="IsStale">True when it no longer counts: the artefact has changed since (its content hash differs), the
/// signer decided again later, or a later rejection voided this approval.</param>
/// <param name="StaleBecause">Why it no longer counts, in words (null when it counts).</param>
public sealed record SignOffState(SignOff SignOff, bool IsStale, string? StaleBecause = null);
