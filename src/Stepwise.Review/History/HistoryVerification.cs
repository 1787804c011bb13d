namespace Stepwise.Review.History;

/// <summary>The result of recomputing a review's history chain (see <see cref="HistoryChain"/>).</summary>
/// <param name="ReviewId">The review.</param>
/// <param name="Entries">How many history entries were checked.</param>
/// <param name="Head">The hash of the last entry when the chain is intact (null otherwise, or when there is no entry):
/// kept elsewhere, it shows later that no entry was removed from the end.</param>
/// <param name="FirstBreak">The first entry that breaks the chain, or null.</param>
/// <param name="Problems">Other inconsistencies: artefact versions, sign-offs or data sources with no history entry.</param>
public sealed record HistoryVerification(Guid ReviewId, long Entries, string? Head, HistoryBreak? FirstBreak, IReadOnlyList<string> Problems)
{
    /// <summary>Whether the chain is whole and nothing is inconsistent.</summary>
    public bool IsIntact => FirstBreak is null && Problems.Count == 0;
}
