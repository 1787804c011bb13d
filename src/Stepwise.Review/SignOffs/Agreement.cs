namespace Stepwise.Review.SignOffs;

/// <summary>Whether the current version of an artefact is agreed, and if not, why.</summary>
/// <param name="IsAgreed">True when every accountable stakeholder's decision that still counts (<see cref="SignOffRounds"/>) is an
/// approval and no decision that counts is a rejection.</param>
/// <param name="Reason">Why it is not agreed (empty when agreed).</param>
public sealed record Agreement(bool IsAgreed, string Reason);
