using Stepwise.Review.Access;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Data;
using Stepwise.Review.People;
using Stepwise.Review.Scoping;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Reviews;

/// <summary>The scope as a request, and the communication log.</summary>
public sealed partial class ReviewUseCases
{
    /// <summary>
    /// Writes or changes the scope (owners and analysts); fields not given keep their value. A change makes earlier
    /// sign-offs of the scope stale.
    /// </summary>
    /// <param name="actor">Who changes it.</param>
    /// <param name="reviewId">The review.</param>
    /// <param name="request">The changes.</param>
    /// <param name="expectedVersion">The scope's version the caller read (its ETag); the current one when null.</param>
    public Versioned<Scope> SaveScope(Actor actor, Guid reviewId, ScopeRequest request, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        RequireProcess(reviewId);
        var current = _bench.Workspace.Find<Scope>(reviewId, reviewId);
        var scope = request.ApplyTo(current?.Value ?? new Scope { Id = reviewId });
        return _bench.Workspace.Save(reviewId, scope, expectedVersion ?? current?.Version ?? 0, actor.DisplayName);
    }

    /// <summary>The scope in words, as it is read out and signed (empty when there is none).</summary>
    public IReadOnlyList<string> ScopeText(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return _bench.Workspace.Find<Scope>(reviewId, reviewId) is { } scope ? ScopeRequest.Describe(scope.Value) : [];
    }

    /// <summary>Adds an entry to the communication log (owners and analysts).</summary>
    public Versioned<Communication> Communicate(Actor actor, Guid reviewId, CommunicationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        RequireProcess(reviewId);
        var at = request.Parse();
        var stakeholders = _bench.Workspace.List<Stakeholder>(reviewId);
        var audience = request.To.Count == 1 && string.Equals(request.To[0].Trim(), "all", StringComparison.OrdinalIgnoreCase)
            ? [.. stakeholders.Select(s => s.Value.Id)]
            : request.To.Select(t => Stakeholder(reviewId, t, "to").Value.Id).ToList();
        if (audience.Count == 0)
        {
            throw StepwiseException.Invalid("to", "names nobody: the review has no stakeholders yet.");
        }

        var entry = new Communication
        {
            Id = _bench.Workspace.NewId(),
            Audience = audience,
            Message = request.Message.Trim(),
            Channel = request.Channel.Trim(),
            At = at ?? _bench.Now,
            Artefact = request.About is null ? null : About(reviewId, request.About),
        };
        return _bench.Workspace.Save(reviewId, entry, 0, actor.DisplayName);
    }

    /// <summary>The communication log, oldest first.</summary>
    public IReadOnlyList<Versioned<Communication>> Communications(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return [.. _bench.Workspace.List<Communication>(reviewId).OrderBy(c => c.Value.At)];
    }

    private ArtefactRef About(Guid reviewId, string text)
    {
        string t = text.Trim();
        int colon = t.IndexOf(':', StringComparison.Ordinal);
        string kind = (colon < 0 ? t : t[..colon]).Trim().ToLowerInvariant();
        string name = colon < 0 ? string.Empty : t[(colon + 1)..].Trim();
        return kind switch
        {
            "scope" => Existing(reviewId, new ArtefactRef(ArtefactKind.Scope, reviewId), "scope"),
            "evaluation" or "matrix" => Existing(reviewId, new ArtefactRef(ArtefactKind.Evaluation, reviewId), "evaluation"),
            "plan" or "implementation-plan" => Existing(reviewId, new ArtefactRef(ArtefactKind.ImplementationPlan, reviewId), "implementation plan"),
            "monitoring" or "monitoring-plan" => Existing(reviewId, new ArtefactRef(ArtefactKind.MonitoringPlan, reviewId), "monitoring plan"),
            "recommendation" when name.Length > 0 => new ArtefactRef(ArtefactKind.Recommendation, _bench.Decisions.Find(reviewId, name).Value.Id),
            "option" when name.Length > 0 => new ArtefactRef(ArtefactKind.ImprovementOption, _bench.Options.Find(reviewId, name, "about").Value.Id),
            "data" when name.Length > 0 => new ArtefactRef(ArtefactKind.DataSource, _bench.Data.Find(reviewId, name).Id),
            _ => throw StepwiseException.Invalid("about", $"'{text}' must be scope, evaluation, plan, monitoring, recommendation:TITLE, option:TITLE or data:FILE."),
        };
    }

    private ArtefactRef Existing(Guid reviewId, ArtefactRef artefact, string what)
        => _bench.Workspace.CurrentVersion(reviewId, artefact) is not null ? artefact : throw StepwiseException.NotFound($"This review has no {what} yet.", what);
}
