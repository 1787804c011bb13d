namespace Stepwise.Review.Quality;

/// <summary>
/// The planned metrics measured on one segment of the responses (a team, a channel, a class of travel): the value of
/// a segment column, how many responses it holds, and each metric against its target with its interval.
/// </summary>
/// <param name="Column">The segment column, as named in the file (e.g. <c>Team</c>).</param>
/// <param name="Segment">Its value (e.g. <c>Second line</c>).</param>
/// <param name="Responses">Responses in the segment.</param>
/// <param name="Results">The planned metrics measured on the segment.</param>
public sealed record SegmentTargetResults(string Column, string Segment, int Responses, IReadOnlyList<QualityResult> Results);
