using Stepwise.Review.Access;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Quality;
using Stepwise.Review.Reviews;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Reviews;

/// <summary>
/// Creating and finding reviews, their members and their stage. Every read and change goes through the access rules;
/// the creator of a review becomes its owner.
/// </summary>
public sealed partial class ReviewUseCases
{
    private readonly Workbench _bench;

    internal ReviewUseCases(Workbench bench) => _bench = bench;

    /// <summary>Creates a process or quality review; the caller becomes its owner.</summary>
    public ReviewSummary Create(Actor actor, NewReview request)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        request.Validate().ThrowIfAny();
        string owner = string.IsNullOrWhiteSpace(request.Owner) ? actor.DisplayName : request.Owner.Trim();
        var member = new ReviewMember { Id = actor.UserId, UserName = actor.Name, Role = ReviewRole.Owner };
        Guid id = request.Quality
            ? _bench.Workspace.CreateQualityReview(request.Title.Trim(), owner, actor.DisplayName, member).Value.Id
            : _bench.Workspace.CreateReview(request.Title.Trim(), owner, [.. request.Aims.Select(a => a.Trim())], actor.DisplayName, member).Value.Id;
        return Summary(actor, id) ?? throw new InvalidOperationException("A review just created cannot be read back.");
    }

    /// <summary>The reviews the caller takes part in (administrators: every review), oldest first.</summary>
    public IReadOnlyList<ReviewSummary> List(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var list = new List<ReviewSummary>();
        foreach (var entry in _bench.Store.Reviews())
        {
            if (Summary(actor, entry.Id) is { } summary)
            {
                list.Add(summary);
            }
        }

        return list;
    }

    /// <summary>One review as listed.</summary>
    /// <exception cref="StepwiseException">There is no such review (not found), or the caller does not take part (forbidden).</exception>
    public ReviewSummary Get(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return Summary(actor, reviewId)!;
    }

    /// <summary>
    /// The review an id or a unique prefix of one names, among those the caller takes part in (command-line users type
    /// prefixes); a title that matches exactly one review also works.
    /// </summary>
    public Guid Resolve(Actor actor, string idOrPrefix)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(idOrPrefix))
        {
            throw StepwiseException.Invalid("review", "is required: give a review id, a unique prefix of one, or its title.");
        }

        string text = idOrPrefix.Trim();
        if (Guid.TryParse(text, out var id))
        {
            _bench.Guard.Require(actor, id, Permission.Read);
            return id;
        }

        var visible = List(actor);
        var matches = visible.Where(r => r.Id.ToString("D").StartsWith(text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 0)
        {
            matches = [.. visible.Where(r => string.Equals(r.Title, text, StringComparison.OrdinalIgnoreCase))];
        }

        return matches.Count switch
        {
            1 => matches[0].Id,
            0 => throw StepwiseException.NotFound($"No review of yours has an id starting '{text}' or the title '{text}'. 'stepwise review list' shows them.", $"review {text}"),
            _ => throw StepwiseException.Invalid("review", $"'{text}' matches {matches.Count} reviews ({string.Join(", ", matches.Take(5).Select(m => m.Id.ToString("D")[..8] + " " + m.Title))}); give more of the id."),
        };
    }

    /// <summary>The members of a review with their roles.</summary>
    public IReadOnlyList<MemberSummary> Members(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        var users = _bench.Store.Users().ToDictionary(u => u.Id);
        return [.. _bench.Workspace.List<ReviewMember>(reviewId)
            .Where(m => !m.Value.Removed)
            .Select(m => new MemberSummary(m.Value.Id, users.TryGetValue(m.Value.Id, out var u) ? u.Name : m.Value.UserName, users.TryGetValue(m.Value.Id, out var d) ? d.DisplayName : m.Value.UserName, m.Value.Role, AccessRules.Of(m.Value.Role), m.Version))];
    }

    /// <summary>Gives an account a role in the review, or changes it (owners only). A review keeps at least one owner.</summary>
    /// <param name="actor">Who changes it.</param>
    /// <param name="reviewId">The review.</param>
    /// <param name="request">The account and its role.</param>
    /// <param name="expectedVersion">The membership's version the caller read (0: not a member now, so never a member or removed); null to change whatever is current.</param>
    public MemberSummary SetMember(Actor actor, Guid reviewId, NewMember request, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.ManageMembers);
        var role = request.Parse();
        var user = _bench.Accounts.Find(request.User, "user");
        var current = _bench.Workspace.Find<ReviewMember>(reviewId, user.Id);
        if (role != ReviewRole.Owner && current is { Value: { Role: ReviewRole.Owner, Removed: false } })
        {
            RequireAnotherOwner(reviewId, user.Id);
        }

        var member = new ReviewMember { Id = user.Id, UserName = user.Name, Role = role };
        long expected = expectedVersion switch
        {
            0 when current is { Value.Removed: true } => current.Version,
            { } read => read,
            null => current?.Version ?? 0,
        };
        var saved = _bench.Workspace.Save(reviewId, member, expected, actor.DisplayName);
        return new MemberSummary(user.Id, user.Name, user.DisplayName, role, AccessRules.Of(role), saved.Version);
    }

    /// <summary>Removes an account from the review (owners only); the history keeps their name.</summary>
    /// <param name="actor">Who removes them.</param>
    /// <param name="reviewId">The review.</param>
    /// <param name="userName">The member's user name.</param>
    /// <param name="expectedVersion">The membership's version the caller read; null to remove whatever is current.</param>
    public void RemoveMember(Actor actor, Guid reviewId, string userName, long? expectedVersion = null)
    {
        _bench.Guard.Require(actor, reviewId, Permission.ManageMembers);
        var user = _bench.Accounts.Find(userName, "user");
        var current = _bench.Workspace.Find<ReviewMember>(reviewId, user.Id);
        if (current is null || current.Value.Removed)
        {
            throw StepwiseException.NotFound($"{user.DisplayName} is not a member of this review.", $"member {user.Name}");
        }

        if (current.Value.Role == ReviewRole.Owner)
        {
            RequireAnotherOwner(reviewId, user.Id);
        }

        _bench.Workspace.Save(reviewId, current.Value with { Removed = true }, expectedVersion ?? current.Version, actor.DisplayName);
    }

    /// <summary>A process review's aims, in order (empty for a quality review, whose aims are its plan's targets).</summary>
    public IReadOnlyList<string> Aims(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return _bench.Store.FindReview(reviewId)?.Type == ReviewType.Process ? _bench.Workspace.GetReview(reviewId).Value.Aims : [];
    }

    /// <summary>
    /// Changes a process review's title or aims (owners and analysts); the history records the old and new values.
    /// </summary>
    /// <param name="actor">Who changes them.</param>
    /// <param name="reviewId">The review.</param>
    /// <param name="request">The new title, aims or both.</param>
    /// <param name="expectedVersion">The review's version the caller read; null to change whatever is current.</param>
    /// <exception cref="StepwiseException">The caller may not edit the review (forbidden), a field is invalid, or
    /// someone changed the review since <paramref name="expectedVersion"/> (conflict).</exception>
    public ReviewSummary SaveDetails(Actor actor, Guid reviewId, ReviewDetails request, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        request.Validate().ThrowIfAny();
        RequireProcess(reviewId);
        var current = _bench.Workspace.GetReview(reviewId);
        var changed = current.Value with
        {
            Title = request.Title?.Trim() ?? current.Value.Title,
            Aims = request.Aims is { } aims ? [.. aims.Select(a => a.Trim())] : current.Value.Aims,
        };
        if (changed.Title != current.Value.Title || !changed.Aims.SequenceEqual(current.Value.Aims, StringComparer.Ordinal))
        {
            _bench.Workspace.Save(reviewId, changed, expectedVersion ?? current.Version, actor.DisplayName);
        }

        return Summary(actor, reviewId)!;
    }

    /// <summary>Moves a process review to another stage (owners only), if the stage rules allow it.</summary>
    /// <param name="actor">Who moves it.</param>
    /// <param name="reviewId">The review.</param>
    /// <param name="stage">The stage, as users type it (e.g. "analyse").</param>
    /// <param name="expectedVersion">The review's version the caller read; null to use the current one.</param>
    /// <param name="reason">Why, recorded in the history; required to move the review back (e.g. from Evaluate to
    /// Scope because the scope changed), so that every step back is explained.</param>
    public ReviewSummary MoveStage(Actor actor, Guid reviewId, string stage, long? expectedVersion = null, string? reason = null)
    {
        _bench.Guard.Require(actor, reviewId, Permission.MoveStage);
        var v = new Validation();
        var target = v.Enum<Stage>("stage", stage);
        if (target is null && string.IsNullOrWhiteSpace(stage))
        {
            v.Add("stage", "is required: " + string.Join(", ", Enum.GetNames<Stage>().Select(Validation.Kebab)) + ".");
        }

        v.ThrowIfAny();
        RequireProcess(reviewId);
        var current = _bench.Workspace.GetReview(reviewId);
        // A move made on a stale read is a conflict first: the caller saw another stage.
        if (target < current.Value.Stage && string.IsNullOrWhiteSpace(reason) && (expectedVersion ?? current.Version) == current.Version)
        {
            throw StepwiseException.Invalid("reason", $"is required to move the review back from stage {current.Value.Stage} to {target}: say why (e.g. the scope changed), so that the history records it.");
        }

        _bench.Workspace.MoveStage(reviewId, target!.Value, expectedVersion ?? current.Version, actor.DisplayName, reason);
        return Summary(actor, reviewId)!;
    }

    internal void RequireProcess(Guid reviewId)
    {
        if (_bench.Store.FindReview(reviewId)?.Type != ReviewType.Process)
        {
            throw new StepwiseException(ProblemKind.RuleBroken, $"Review {reviewId} is a quality review; this applies to process reviews.");
        }
    }

    private void RequireAnotherOwner(Guid reviewId, Guid leaving)
    {
        bool another = _bench.Workspace.List<ReviewMember>(reviewId).Any(m => m.Value.Id != leaving && m.Value is { Role: ReviewRole.Owner, Removed: false });
        if (!another)
        {
            throw new StepwiseException(ProblemKind.RuleBroken, "A review needs an owner: make someone else an owner first.");
        }
    }

    private ReviewSummary? Summary(Actor actor, Guid reviewId)
    {
        var entry = _bench.Store.FindReview(reviewId);
        if (entry is null || _bench.Guard.RoleOf(actor, reviewId) is not { } role)
        {
            return null;
        }

        if (entry.Type == ReviewType.Process)
        {
            var review = _bench.Workspace.GetReview(reviewId);
            return new ReviewSummary(reviewId, entry.Type, review.Value.Title, review.Value.Owner, review.Value.Stage, entry.CreatedAt, role, review.Version);
        }

        var quality = _bench.Workspace.Get<QualityReview>(reviewId, reviewId);
        return new ReviewSummary(reviewId, entry.Type, quality.Value.Title, quality.Value.Owner, null, entry.CreatedAt, role, quality.Version);
    }
}
