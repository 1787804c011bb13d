namespace Stepwise.Charts;

/// <summary>One box of a box plot: a group's name and its summary.</summary>
public sealed record BoxGroup(string Label, BoxStats Stats);
