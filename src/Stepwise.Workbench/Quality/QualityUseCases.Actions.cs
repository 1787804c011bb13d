using Stepwise.Review.Access;
using Stepwise.Review.Artefacts;
using Stepwise.Review.People;
using Stepwise.Review.Planning;
using Stepwise.Review.Quality;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Quality;

/// <summary>Agreed actions with owners and due dates, and the briefings that give results to audiences.</summary>
public sealed partial class QualityUseCases
{
    /// <summary>The agreed actions of a quality review, oldest first.</summary>
    public IReadOnlyList<Versioned<AgreedAction>> Actions(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        RequireQuality(reviewId);
        return _bench.Workspace.List<AgreedAction>(reviewId);
    }

    /// <summary>
    /// Agrees an action in answer to findings, or changes the action with that title (its findings, owner, due date,
    /// success measure, status or note; fields not given keep their values). Progress alone (status and note) needs
    /// only the right to update one's own tasks; anything else needs the right to edit.
    /// </summary>
    public Versioned<AgreedAction> SaveAction(Actor actor, Guid reviewId, ActionRequest request, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        RequireQuality(reviewId);
        var current = _bench.Workspace.List<AgreedAction>(reviewId).FirstOrDefault(a => string.Equals(a.Value.Title, request.Title?.Trim(), StringComparison.OrdinalIgnoreCase));
        bool progressOnly = current is not null && request.Finding.Count == 0 && request.Owner is null && request.Due is null && request.Measure is null;
        _bench.Guard.Require(actor, reviewId, progressOnly ? Permission.UpdateOwnTask : Permission.Edit);
        request.Validate(current is null).ThrowIfAny();
        var findings = request.Finding.Count > 0 ? request.Finding.Select(f => FindFinding(reviewId, f, "finding").Value.Id).ToList() : current!.Value.FindingIds;
        var action = new AgreedAction
        {
            Id = current?.Value.Id ?? _bench.Workspace.NewId(),
            Title = request.Title.Trim(),
            FindingIds = findings,
            Owner = request.Owner?.Trim() ?? current!.Value.Owner,
            Due = request.DueDate ?? current!.Value.Due,
            Measure = request.Measure?.Trim() ?? current?.Value.Measure,
            Status = request.StatusValue ?? current?.Value.Status ?? PlanTaskStatus.NotStarted,
            Note = request.Note?.Trim() ?? current?.Value.Note,
        };
        return _bench.Workspace.Save(reviewId, action, expectedVersion ?? current?.Version ?? 0, actor.DisplayName);
    }

    /// <summary>The briefings of a quality review, oldest first.</summary>
    public IReadOnlyList<Versioned<AudienceBriefing>> Briefings(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        RequireQuality(reviewId);
        return _bench.Workspace.List<AudienceBriefing>(reviewId);
    }

    /// <summary>Records which audience received which results (analyses, findings, actions), when and how.</summary>
    public Versioned<AudienceBriefing> RecordBriefing(Actor actor, Guid reviewId, BriefingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        RequireQuality(reviewId);
        var audience = request.Parse();
        if (request.Analysis.Count + request.Finding.Count + request.Action.Count == 0)
        {
            throw StepwiseException.Invalid("analysis", "or a finding or an action is required: say which results the audience received.");
        }

        var briefing = new AudienceBriefing
        {
            Id = _bench.Workspace.NewId(),
            Audience = audience,
            Recipients = request.Recipients?.Trim(),
            Message = request.Message.Trim(),
            Channel = request.Channel.Trim(),
            At = request.When ?? _bench.Now,
            AnalysisIds = [.. request.Analysis.Select(a => FindAnalysis(reviewId, a, "analysis").Value.Id)],
            FindingIds = [.. request.Finding.Select(f => FindFinding(reviewId, f, "finding").Value.Id)],
            ActionIds = [.. request.Action.Select(a => FindAction(reviewId, a, "action").Value.Id)],
        };
        return _bench.Workspace.Save(reviewId, briefing, 0, actor.DisplayName);
    }

    internal Versioned<AgreedAction> FindAction(Guid reviewId, string titleOrId, string field)
    {
        var all = _bench.Workspace.List<AgreedAction>(reviewId);
        string text = titleOrId.Trim();
        var match = all.Where(a => string.Equals(a.Value.Title, text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (match.Count == 0 && text.Length >= 8)
        {
            match = [.. all.Where(a => a.Value.Id.ToString("D").StartsWith(text, StringComparison.OrdinalIgnoreCase))];
        }

        return match.Count == 1 ? match[0] : throw new StepwiseException(ProblemKind.NotFound,
            $"'{text}' names {(match.Count == 0 ? "no" : "more than one")} agreed action of this review" + (all.Count == 0 ? "; it has none yet." : $"; its actions are {string.Join(", ", all.Select(a => a.Value.Title))}.")) { Subject = field + " " + text };
    }

    /// <summary>Stakeholder groups as users type them (for hosts listing the audiences).</summary>
    public static IReadOnlyList<string> Audiences { get; } = [.. Enum.GetNames<StakeholderGroup>().Select(Validation.Kebab)];
}
