namespace Stepwise.Review.History;

/// <summary>One changed field: its path (e.g. <c>filter.start_activities</c>) and its JSON before and after (null when absent).</summary>
public sealed record FieldChange(string Path, string? Before, string? After);
