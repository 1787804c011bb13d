using Stepwise.Review.SignOffs;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Reviews;

/// <summary>
/// A stakeholder's decision on what they read: the artefact and the version (and content hash) shown to them. A
/// signer bound to the caller's account signs as themselves; otherwise the owner records it on their behalf, with a
/// reason, and the sign-off says so.
/// </summary>
public sealed record SignOffRequest
{
    /// <summary>What is signed: "scope", "plan", or "recommendation" (with <see cref="ArtefactId"/>); in a quality review "plan" (the measurement plan) or "action" (with <see cref="ArtefactId"/>).</summary>
    public required string Artefact { get; init; }

    /// <summary>The recommendation's id, when a recommendation is signed.</summary>
    public Guid? ArtefactId { get; init; }

    /// <summary>The stakeholder who decides: their name or id; the stakeholder bound to the caller when omitted.</summary>
    public string? Stakeholder { get; init; }

    /// <summary>"approve" or "reject".</summary>
    public required string Decision { get; init; }

    /// <summary>Why (required for a rejection).</summary>
    public string? Reason { get; init; }

    /// <summary>The version the signer read; the current one when omitted (the command line shows it first).</summary>
    public long? Version { get; init; }

    /// <summary>The content hash the signer read, if known: a mismatch is refused with the differences.</summary>
    public string? ContentHash { get; init; }

    /// <summary>Why the decision is recorded for someone else (required then), e.g. "approved by e-mail on 3 March".</summary>
    public string? OnBehalfReason { get; init; }

    /// <summary>Checks the fields and returns the decision.</summary>
    public SignOffDecision Parse()
    {
        var v = new Validation().Text("artefact", Artefact, 40).Text("reason", Reason, 2000, required: false).Text("on_behalf_reason", OnBehalfReason, 1000, required: false);
        SignOffDecision? decision = Decision?.Trim().ToLowerInvariant() switch
        {
            "approve" or "approved" or "approval" => SignOffDecision.Approved,
            "reject" or "rejected" or "rejection" => SignOffDecision.Rejected,
            _ => null,
        };
        if (decision is null)
        {
            v.Add("decision", "must be approve or reject.");
        }
        else if (decision == SignOffDecision.Rejected && string.IsNullOrWhiteSpace(Reason))
        {
            v.Add("reason", "is required for a rejection: say what must change.");
        }

        if (Version is < 1)
        {
            v.Add("version", "must be 1 or more.");
        }

        if (ContentHash is { } hash && (hash.Length != 64 || !hash.All(Uri.IsHexDigit)))
        {
            v.Add("content_hash", "must be the 64 hex digits of the SHA-256 shown with the version.");
        }

        v.ThrowIfAny();
        return decision!.Value;
    }
}
