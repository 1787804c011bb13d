using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.People;

namespace Stepwise.Review.SignOffs;

/// <summary>
/// A named stakeholder agrees (or rejects, with a reason) one version of an artefact, identified by its version
/// number and content hash. Immutable: a later change to the artefact does not alter it but makes it stale.
/// </summary>
public sealed record SignOff
{
    /// <summary>The sign-off id.</summary>
    public required Guid Id { get => field; init => field = Guard.Id(value, "Sign-off id"); }

    /// <summary>The review.</summary>
    public required Guid ReviewId { get => field; init => field = Guard.Id(value, "Review id"); }

    /// <summary>The artefact signed.</summary>
    public required ArtefactRef Artefact { get; init; }

    /// <summary>The version signed.</summary>
    public required long Version { get => field; init => field = value < 1 ? throw new ReviewRuleException("A sign-off must name a stored version (1 or later).") : value; }

    /// <summary>The content hash of the version signed.</summary>
    public required ContentHash ContentHash { get => field; init => field = value.IsEmpty ? throw new ReviewRuleException("A sign-off must name the content hash of what was signed.") : value; }

    /// <summary>The stakeholder who signed.</summary>
    public required Guid StakeholderId { get => field; init => field = Guard.Id(value, "Signing stakeholder"); }

    /// <summary>Their name at the time.</summary>
    public required string Name { get => field; init => field = Guard.Text(value, "Signer name", 200); }

    /// <summary>Their group at the time.</summary>
    public required StakeholderGroup Group { get => field; init => field = Guard.Defined(value, "Signer group"); }

    /// <summary>Their RACI role at the time.</summary>
    public required RaciRole Role { get => field; init => field = Guard.Defined(value, "Signer role"); }

    /// <summary>Approved or rejected.</summary>
    public required SignOffDecision Decision { get => field; init => field = Guard.Defined(value, "Decision"); }

    /// <summary>Why (required for a rejection).</summary>
    public string? Reason { get => field; init => field = Guard.OptionalText(value, "Reason"); }

    /// <summary>When.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>
    /// Who entered the decision: the signer's own account, or (when <see cref="OnBehalf"/>) the account that recorded
    /// it for them. Null only for sign-offs recorded before accounts existed.
    /// </summary>
    public string? EnteredBy { get => field; init => field = Guard.OptionalText(value, "Entered by", 200); }

    /// <summary>The account that entered the decision, or null when it was not recorded.</summary>
    public Guid? EnteredByUserId { get; init; }

    /// <summary>Whether the decision was recorded on the stakeholder's behalf by someone else.</summary>
    public bool OnBehalf { get; init; }

    /// <summary>Why it was recorded on the stakeholder's behalf (e.g. "approved by e-mail on 3 March"); required when
    /// <see cref="OnBehalf"/>.</summary>
    public string? OnBehalfReason { get => field; init => field = Guard.OptionalText(value, "On-behalf reason", 1000); }
}
