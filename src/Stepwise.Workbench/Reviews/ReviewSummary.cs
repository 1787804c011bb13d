using Stepwise.Review.Access;
using Stepwise.Review.Reviews;

namespace Stepwise.Workbench.Reviews;

/// <summary>A review as listed: what it is, where it stands, and the caller's role in it.</summary>
/// <param name="Id">The review id.</param>
/// <param name="Type">Process or quality review.</param>
/// <param name="Title">Its title.</param>
/// <param name="Owner">Its owner's name.</param>
/// <param name="Stage">Its stage (process reviews only).</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="Role">The caller's role in it.</param>
/// <param name="Version">The version of the review artefact (its ETag).</param>
public sealed record ReviewSummary(Guid Id, ReviewType Type, string Title, string Owner, Stage? Stage, DateTimeOffset CreatedAt, ReviewRole Role, long Version);
