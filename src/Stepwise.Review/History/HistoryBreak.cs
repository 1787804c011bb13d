namespace Stepwise.Review.History;

/// <summary>The first entry of a review's history that breaks its hash chain, and how.</summary>
/// <param name="Entry">The entry (as stored now).</param>
/// <param name="Problem">What is wrong with it, in words.</param>
public sealed record HistoryBreak(HistoryEntry Entry, string Problem);
