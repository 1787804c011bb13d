namespace Stepwise.Review.Quality;

/// <summary>One field of a planned measure changed by a revision, with its value before and after as text.</summary>
/// <param name="Field">The field, in snake_case (e.g. <c>method</c>, <c>sample_design</c>).</param>
/// <param name="Before">The value before (null when unset).</param>
/// <param name="After">The value after (null when cleared).</param>
public sealed record RevisedField(string Field, string? Before, string? After);
