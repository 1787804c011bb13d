namespace Stepwise.Review.Quality;

/// <summary>
/// One group of a segment (a class of travel, a team, a channel) on the outcome share or the overall score, with its
/// interval, against the rest of the responses.
/// </summary>
/// <param name="Segment">The segment column, e.g. Class.</param>
/// <param name="Group">The group, e.g. Business.</param>
/// <param name="Measure">What was measured: the outcome (a share) or the overall score (a mean).</param>
/// <param name="IsShare">Whether <paramref name="Value"/> is a share between 0 and 1 (else a mean on the score's scale).</param>
/// <param name="Responses">Responses of the group with a value.</param>
/// <param name="Value">The group's share or mean.</param>
/// <param name="Lower">The lower end of its interval (Wilson for a share, Student t for a mean), null when it has none.</param>
/// <param name="Upper">The upper end of its interval.</param>
/// <param name="Rest">The share or mean of the other responses.</param>
/// <param name="AdjustedPValue">The p-value of the difference from the rest, adjusted over every comparison (Holm); null when the group is too small to test.</param>
public sealed record SegmentResult(string Segment, string Group, string Measure, bool IsShare, int Responses, double Value, double? Lower, double? Upper, double? Rest, double? AdjustedPValue);
