namespace Stepwise.Statistics.Sampling;

/// <summary>How many completed responses are needed, and how many to invite for them.</summary>
/// <param name="Unadjusted">The size for an unlimited population, before rounding up (Cochran's n₀).</param>
/// <param name="Required">Completed responses needed, after the finite-population correction, rounded up.</param>
/// <param name="Invitations">Units to sample or invite, given the expected response rate, rounded up.</param>
public sealed record SampleSizeResult(double Unadjusted, int Required, int Invitations);
