namespace Stepwise.Review.Quality;

/// <summary>
/// Of one segment column (e.g. type of traveller), the responses with a value in it and those without, on the
/// segments' measure: the groups are worked out on the first only, so a reader is told the groups' base and what the
/// responses left out of it say (a blank that differs from the rest would otherwise go unseen).
/// </summary>
/// <param name="Segment">The segment column.</param>
/// <param name="Stated">All the responses with a value in the column (the group "All with a value"), with its interval;
/// its rest is the value of the responses without one.</param>
/// <param name="NotStated">The responses with the measure but no value in the column (the group "Not stated"), with its
/// interval, its rest the value of those with one; not compared with a test (it is not in the comparisons the segments'
/// p-values were adjusted over); null when every response has a value.</param>
public sealed record SegmentBase(string Segment, SegmentResult Stated, SegmentResult? NotStated);
