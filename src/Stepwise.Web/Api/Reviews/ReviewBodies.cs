namespace Stepwise.Web.Api.Reviews;

/// <summary>A new review: the fields of <c>stepwise review create</c>.</summary>
/// <param name="Title">The title.</param>
/// <param name="Aim">The aims (repeatable <c>--aim</c>).</param>
/// <param name="Owner">The owner's name as people know it; the caller's when omitted.</param>
/// <param name="Quality">A quality review (of survey and QA results) rather than a process review.</param>
internal sealed record CreateReviewBody(string Title, IReadOnlyList<string>? Aim = null, string? Owner = null, bool Quality = false);

/// <summary>A process review's new title or aims; what is left out keeps its value.</summary>
/// <param name="Title">The new title.</param>
/// <param name="Aim">The aims, in order (an empty list removes them all).</param>
internal sealed record ReviewDetailsBody(string? Title = null, IReadOnlyList<string>? Aim = null);

/// <summary>A stage to move a process review to.</summary>
/// <param name="Stage">scope, analyse, challenge, evaluate, decide, implement, monitor or closed.</param>
/// <param name="Reason">Why, recorded in the history; required to move the review back to an earlier stage (the
/// CLI's <c>--reason</c>).</param>
internal sealed record StageBody(string Stage, string? Reason = null);

/// <summary>A new member of a review.</summary>
/// <param name="User">The account's user name.</param>
/// <param name="Role">owner, analyst, approver, contributor or viewer.</param>
internal sealed record NewMemberBody(string User, string Role);

/// <summary>A member's new role.</summary>
/// <param name="Role">owner, analyst, approver, contributor or viewer.</param>
internal sealed record MemberRoleBody(string Role);

/// <summary>A new stakeholder.</summary>
/// <param name="Name">The person's name.</param>
/// <param name="Group">front_line_staff, team_leaders, senior_managers, other_departments, service_partners or customers.</param>
/// <param name="Role">Their RACI role: responsible, accountable, consulted or informed.</param>
/// <param name="Position">Their job title or team.</param>
/// <param name="Account">The user account they sign and answer as (owners only).</param>
internal sealed record NewStakeholderBody(string Name, string Group, string Role, string? Position = null, string? Account = null);

/// <summary>A stakeholder's new details (the name is their identity).</summary>
/// <param name="Group">Their group.</param>
/// <param name="Role">Their RACI role.</param>
/// <param name="Position">Their job title or team.</param>
/// <param name="Account">The user account they sign and answer as (owners only).</param>
internal sealed record StakeholderBody(string Group, string Role, string? Position = null, string? Account = null);

/// <summary>A decision on a scope, recommendation or plan; the version signed is the <c>If-Match</c> ETag.</summary>
/// <param name="Artefact">scope, recommendation or plan.</param>
/// <param name="ArtefactId">The recommendation's id, when a recommendation is signed.</param>
/// <param name="Stakeholder">Whose decision (name or id); the stakeholder bound to the caller when omitted.</param>
/// <param name="Decision">approve or reject.</param>
/// <param name="Reason">Why (required for a rejection).</param>
/// <param name="ContentHash">The content hash read, if known.</param>
/// <param name="OnBehalfReason">Why the decision is recorded for someone else (required then).</param>
internal sealed record SignOffBody(string Artefact, string Decision, Guid? ArtefactId = null, string? Stakeholder = null, string? Reason = null, string? ContentHash = null, string? OnBehalfReason = null);
