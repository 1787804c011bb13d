using Stepwise.Review.Access;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.Decisions;
using Stepwise.Review.People;
using Stepwise.Review.Scoping;
using Stepwise.Review.SignOffs;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Reviews;

/// <summary>Stakeholders, the scope, and sign-offs that prove who approved what.</summary>
public sealed partial class ReviewUseCases
{
    /// <summary>The stakeholders of a review.</summary>
    public IReadOnlyList<Versioned<Stakeholder>> Stakeholders(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return _bench.Workspace.List<Stakeholder>(reviewId);
    }

    /// <summary>
    /// Adds a stakeholder, or changes the one with that name. Binding a stakeholder to an account (so they sign and
    /// answer as themselves) is for owners only.
    /// </summary>
    /// <param name="actor">Who saves it.</param>
    /// <param name="reviewId">The review.</param>
    /// <param name="request">The stakeholder.</param>
    /// <param name="expectedVersion">The version the caller read (0: it must not exist yet); null to change whatever is current.</param>
    /// <exception cref="Review.Storage.ConcurrencyConflictException">The stakeholder changed since <paramref name="expectedVersion"/>.</exception>
    public Versioned<Stakeholder> SaveStakeholder(Actor actor, Guid reviewId, NewStakeholder request, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        var (group, role) = request.Parse();
        var existing = _bench.Workspace.List<Stakeholder>(reviewId).FirstOrDefault(s => string.Equals(s.Value.Name, request.Name.Trim(), StringComparison.OrdinalIgnoreCase));
        Guid? userId = existing?.Value.UserId;
        UserAccount? account = null;
        if (request.Account is not null)
        {
            _bench.Guard.Require(actor, reviewId, Permission.ManageMembers);
            account = _bench.Accounts.Find(request.Account, "account");
            userId = account.Id;
        }

        var stakeholder = new Stakeholder
        {
            Id = existing?.Value.Id ?? _bench.Workspace.NewId(),
            Name = request.Name.Trim(),
            Position = request.Position?.Trim() ?? existing?.Value.Position,
            Group = group,
            Role = role,
            UserId = userId,
        };
        var saved = _bench.Workspace.Save(reviewId, stakeholder, expectedVersion ?? existing?.Version ?? 0, actor.DisplayName);
        if (account is not null)
        {
            // After the stakeholder is saved: a refused save gives no one access.
            AdmitBoundAccount(actor, reviewId, account, role, stakeholder.Name);
        }

        return saved;
    }

    /// <summary>The review role an account bound to a stakeholder needs for its part: the accountable person signs off
    /// (approver), the responsible and consulted answer questions and report on their tasks (contributor), the informed
    /// read (viewer).</summary>
    public static ReviewRole RoleFor(RaciRole raci) => raci switch
    {
        RaciRole.Accountable => ReviewRole.Approver,
        RaciRole.Informed => ReviewRole.Viewer,
        _ => ReviewRole.Contributor,
    };

    // A stakeholder bound to an account must be able to do what the review asks of them (sign off, answer): an account
    // that is not a member (or was removed) becomes one with the role its part needs; a member keeps the role they have.
    // (A review written before accounts existed has no members, and its owner is found by name: it gets none.)
    private void AdmitBoundAccount(Actor actor, Guid reviewId, UserAccount account, RaciRole raci, string stakeholder)
    {
        if (_bench.Workspace.List<ReviewMember>(reviewId).Count == 0 || _bench.Guard.RoleOf(Actor.Of(account, actor.Channel), reviewId) is not null)
        {
            return;
        }

        var current = _bench.Workspace.Find<ReviewMember>(reviewId, account.Id);
        var role = RoleFor(raci);
        _bench.Workspace.Save(reviewId, new ReviewMember { Id = account.Id, UserName = account.Name, Role = role }, current?.Version ?? 0, actor.DisplayName,
            $"Added {account.Name} as {role.ToString().ToLowerInvariant()}: the account of stakeholder {stakeholder}");
    }

    /// <summary>The stakeholder a name or id names.</summary>
    public Versioned<Stakeholder> FindStakeholder(Actor actor, Guid reviewId, string nameOrId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return Stakeholder(reviewId, nameOrId, "stakeholder");
    }

    /// <summary>
    /// Records a decision on a scope, recommendation or plan. The signer is the stakeholder bound to the caller's
    /// account (they sign as themselves), or, for an owner recording someone else's decision, the named stakeholder:
    /// then the sign-off is marked as recorded on their behalf, by whom and why. The version read must be current.
    /// </summary>
    public SignOffState SignOff(Actor actor, Guid reviewId, SignOffRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        var decision = request.Parse();
        var target = SignTarget(reviewId, request);
        var mine = _bench.Workspace.List<Stakeholder>(reviewId).Where(s => s.Value.UserId == actor.UserId).ToList();
        Versioned<Stakeholder> signer;
        if (request.Stakeholder is null)
        {
            signer = mine.Count switch
            {
                1 => mine[0],
                0 => throw StepwiseException.Invalid("stakeholder", $"is required: {actor.DisplayName} is not bound to a stakeholder of this review, so say whose decision this is."),
                _ => throw StepwiseException.Invalid("stakeholder", $"is required: {actor.DisplayName} is bound to {mine.Count} stakeholders ({string.Join(", ", mine.Select(s => s.Value.Name))})."),
            };
        }
        else
        {
            signer = Stakeholder(reviewId, request.Stakeholder, "stakeholder");
        }

        SignOffEntry entry;
        if (signer.Value.UserId == actor.UserId)
        {
            _bench.Guard.Require(actor, reviewId, Permission.SignOwn);
            if (request.OnBehalfReason is not null)
            {
                throw StepwiseException.Invalid("on_behalf_reason", $"is only for a decision recorded for someone else; {signer.Value.Name} is signing as themselves.");
            }

            entry = SignOffEntry.Own(actor.DisplayName, actor.UserId);
        }
        else
        {
            var role = _bench.Guard.Require(actor, reviewId, Permission.Read);
            if (!AccessRules.Allows(role, Permission.SignOnBehalf))
            {
                throw StepwiseException.Forbidden(signer.Value.UserId is null
                    ? $"{signer.Value.Name} has no account bound in this review, so only an owner may record their decision on their behalf."
                    : $"Only {signer.Value.Name} can sign as themselves; an owner may record their decision on their behalf, with a reason.");
            }

            if (string.IsNullOrWhiteSpace(request.OnBehalfReason))
            {
                throw StepwiseException.Invalid("on_behalf_reason", $"is required: {actor.DisplayName} is recording {signer.Value.Name}'s decision on their behalf; say why (for example \"approved by e-mail on 3 March\").");
            }

            entry = SignOffEntry.Proxy(actor.DisplayName, actor.UserId, request.OnBehalfReason);
        }

        long version = request.Version ?? _bench.Workspace.CurrentVersion(reviewId, target)
            ?? throw StepwiseException.NotFound($"This review has no {Review.Workspaces.Workspace.Describe(target.Kind)} to sign yet.");
        var hash = request.ContentHash is { } h ? new ContentHash(h.ToLowerInvariant()) : (ContentHash?)null;
        var signOff = _bench.Workspace.SignOff(reviewId, target, version, signer.Value.Id, decision, request.Reason, entry, hash);
        return new SignOffState(signOff, false);
    }

    /// <summary>Every sign-off of a review, stale ones marked.</summary>
    public IReadOnlyList<SignOffState> SignOffs(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return _bench.Workspace.SignOffs(reviewId);
    }

    private ArtefactRef SignTarget(Guid reviewId, SignOffRequest request)
    {
        string kind = request.Artefact.Trim().ToLowerInvariant();
        if (_bench.Store.FindReview(reviewId)?.Type == Review.Reviews.ReviewType.Quality)
        {
            return QualitySignTarget(reviewId, kind, request);
        }

        switch (kind)
        {
            case "scope":
                return new ArtefactRef(ArtefactKind.Scope, reviewId);
            case "plan" or "implementation-plan" or "implementationplan":
                return new ArtefactRef(ArtefactKind.ImplementationPlan, reviewId);
            case "recommendation":
                var recommendations = _bench.Workspace.List<Recommendation>(reviewId);
                if (request.ArtefactId is { } id)
                {
                    return recommendations.Any(r => r.Value.Id == id)
                        ? new ArtefactRef(ArtefactKind.Recommendation, id)
                        : throw StepwiseException.NotFound($"This review has no recommendation {id}.", $"recommendation {id}");
                }

                var proposed = recommendations.Where(r => r.Value.Status == RecommendationStatus.Proposed).ToList();
                return proposed.Count == 1
                    ? new ArtefactRef(ArtefactKind.Recommendation, proposed[0].Value.Id)
                    : throw StepwiseException.Invalid("artefact_id", proposed.Count == 0 ? "names no recommendation: this review has no proposed recommendation." : $"is required: this review has {proposed.Count} proposed recommendations.");
            default:
                throw StepwiseException.Invalid("artefact", $"'{request.Artefact}' cannot be signed off; sign a scope, a recommendation or a plan.");
        }
    }

    // A quality review's measurement plan (the review itself) and its agreed actions can be signed.
    private ArtefactRef QualitySignTarget(Guid reviewId, string kind, SignOffRequest request)
    {
        switch (kind)
        {
            case "plan" or "measurement-plan" or "quality-review":
                return new ArtefactRef(ArtefactKind.QualityReview, reviewId);
            case "action" or "agreed-action":
                var actions = _bench.Workspace.List<Review.Quality.AgreedAction>(reviewId);
                if (request.ArtefactId is { } id)
                {
                    return actions.Any(a => a.Value.Id == id)
                        ? new ArtefactRef(ArtefactKind.QualityAction, id)
                        : throw StepwiseException.NotFound($"This review has no agreed action {id}.", $"action {id}");
                }

                return actions.Count == 1
                    ? new ArtefactRef(ArtefactKind.QualityAction, actions[0].Value.Id)
                    : throw StepwiseException.Invalid("artefact_id", actions.Count == 0 ? "names no action: this review has no agreed action yet." : $"is required: this review has {actions.Count} agreed actions.");
            default:
                throw StepwiseException.Invalid("artefact", $"'{request.Artefact}' cannot be signed off in a quality review; sign the plan or an action.");
        }
    }

    internal Versioned<Stakeholder> Stakeholder(Guid reviewId, string nameOrId, string field)
    {
        var all = _bench.Workspace.List<Stakeholder>(reviewId);
        string text = nameOrId.Trim();
        var match = Guid.TryParse(text, out var id)
            ? all.FirstOrDefault(s => s.Value.Id == id)
            : all.FirstOrDefault(s => string.Equals(s.Value.Name, text, StringComparison.OrdinalIgnoreCase));
        return match ?? throw new StepwiseException(ProblemKind.NotFound,
            $"'{text}' is not a stakeholder of this review" + (all.Count == 0 ? "; it has none yet." : $"; its stakeholders are {string.Join(", ", all.Select(s => s.Value.Name))}.")) { Subject = field + " " + text };
    }

    /// <summary>The scope of a review, or null when none is written yet.</summary>
    public Versioned<Scope>? Scope(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return _bench.Workspace.Find<Scope>(reviewId, reviewId);
    }

    /// <summary>Whether the current version of a scope, recommendation or plan is agreed, and if not, why.</summary>
    public Agreement Agreement(Actor actor, Guid reviewId, ArtefactRef artefact)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return _bench.Workspace.Agreement(reviewId, artefact);
    }

    /// <summary>The history of a review (or of one artefact), oldest first.</summary>
    public IReadOnlyList<Review.History.HistoryEntry> History(Actor actor, Guid reviewId, ArtefactRef? artefact = null)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return _bench.Workspace.History(reviewId, artefact);
    }
}
