namespace Stepwise.Review.History;

/// <summary>A history entry as stored, with what its link in the chain needs.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="ChangesJson">Its changes exactly as stored.</param>
/// <param name="Previous">The previous entry's hash as stored with it (null when missing).</param>
/// <param name="Hash">Its own hash as stored (null when missing).</param>
public sealed record StoredHistoryLink(HistoryEntry Entry, string ChangesJson, string? Previous, string? Hash);
