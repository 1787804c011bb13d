using System.Globalization;
using Stepwise.Review.Common;

namespace Stepwise.Review.SignOffs;

/// <summary>
/// Which decisions on an artefact still count, read from the sequence of decisions and not from the content hash
/// alone. A decision counts for the artefact as it is now when (1) it names the current content hash, (2) it is the
/// signer's latest decision on that artefact, and (3) for an approval, no rejection of the artefact (by anyone, of any
/// version) was recorded after it: a rejection opens a new round in which every approval must be given again, so
/// reverting to content approved before a rejection does not bring those approvals back.
/// </summary>
public static class SignOffRounds
{
    /// <summary>
    /// Why each decision no longer counts (null when it counts), in the order given.
    /// </summary>
    /// <param name="decisions">The decisions on one artefact, oldest first.</param>
    /// <param name="current">The artefact's current content hash, or null if it no longer exists.</param>
    /// <param name="artefactName">The artefact as users call it, e.g. "scope".</param>
    public static IReadOnlyList<string?> StaleReasons(IReadOnlyList<SignOff> decisions, ContentHash? current, string artefactName)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var reasons = new string?[decisions.Count];
        for (int i = 0; i < decisions.Count; i++)
        {
            var decision = decisions[i];
            if (current != decision.ContentHash)
            {
                reasons[i] = $"the {artefactName} changed after this decision";
                continue;
            }

            SignOff? superseding = null, laterRejection = null;
            for (int j = i + 1; j < decisions.Count; j++)
            {
                var later = decisions[j];
                superseding ??= later.StakeholderId == decision.StakeholderId ? later : null;
                laterRejection ??= later.Decision == SignOffDecision.Rejected ? later : null;
            }

            if (superseding is not null)
            {
                reasons[i] = $"{superseding.Name} decided again later (version {superseding.Version.ToString(CultureInfo.InvariantCulture)})";
            }
            else if (decision.Decision == SignOffDecision.Approved && laterRejection is not null)
            {
                reasons[i] = $"{laterRejection.Name} rejected version {laterRejection.Version.ToString(CultureInfo.InvariantCulture)} after this approval; approvals given before a rejection must be given again";
            }
        }

        return reasons;
    }

    /// <summary>The decisions that count for the artefact as it is now, at most one per signer, oldest first.</summary>
    public static IReadOnlyList<SignOff> Counting(IReadOnlyList<SignOff> decisions, ContentHash? current, string artefactName)
    {
        var reasons = StaleReasons(decisions, current, artefactName);
        return [.. decisions.Where((_, i) => reasons[i] is null)];
    }
}
