using Stepwise.Review.Access;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Decisions;
using Stepwise.Review.People;
using Stepwise.Review.Planning;
using Stepwise.Review.Reviews;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Planning;

/// <summary>
/// The implementation plan (written from stage Decide on): tasks with owners, dates, dependencies and RACI, and their
/// progress (from stage Implement on), which a task's owner may update themselves.
/// </summary>
public sealed class PlanUseCases
{
    private readonly Workbench _bench;

    internal PlanUseCases(Workbench bench) => _bench = bench;

    /// <summary>The plan, or null when none is written yet.</summary>
    public Versioned<ImplementationPlan>? Get(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return _bench.Workspace.Find<ImplementationPlan>(reviewId, reviewId);
    }

    /// <summary>Adds a task, or changes the one with that title (owners and analysts).</summary>
    /// <remarks><c>expectedVersion</c>: The plan's version the caller read (0: no plan yet); null to change whatever is current.</remarks>
    public Versioned<ImplementationPlan> SaveTask(Actor actor, Guid reviewId, TaskRequest request, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        _bench.Reviews.RequireProcess(reviewId);
        var (start, due, status) = request.Parse();
        var current = _bench.Workspace.Find<ImplementationPlan>(reviewId, reviewId);
        var plan = current?.Value ?? new ImplementationPlan { Id = reviewId };
        var existing = plan.Tasks.FirstOrDefault(t => string.Equals(t.Title, request.Title.Trim(), StringComparison.OrdinalIgnoreCase));
        var owner = _bench.Reviews.Stakeholder(reviewId, request.Owner, "owner").Value;
        var raci = new List<TaskRole>();
        void Add(IEnumerable<string> names, RaciRole role, string field)
        {
            foreach (var name in names)
            {
                var who = _bench.Reviews.Stakeholder(reviewId, name, field).Value;
                if (raci.Any(r => r.StakeholderId == who.Id))
                {
                    throw StepwiseException.Invalid(field, $"{who.Name} already has a part in this task; a stakeholder has one RACI role per task.");
                }

                raci.Add(new TaskRole(who.Id, role));
            }
        }

        Add(request.Responsible, RaciRole.Responsible, "responsible");
        Add(request.Accountable is null ? [] : [request.Accountable], RaciRole.Accountable, "accountable");
        Add(request.Consulted, RaciRole.Consulted, "consulted");
        Add(request.Informed, RaciRole.Informed, "informed");
        var dependsOn = request.DependsOn.Select(d => FindTask(plan, d, "depends_on").Id).ToList();
        var task = new PlanTask
        {
            Id = existing?.Id ?? _bench.Workspace.NewId(),
            Title = request.Title.Trim(),
            Owner = owner.Name,
            OwnerId = owner.Id,
            Start = start,
            Due = due,
            DependsOn = dependsOn,
            Status = status ?? existing?.Status ?? PlanTaskStatus.NotStarted,
            RecommendationId = Recommendation(reviewId, request.Recommendation) ?? existing?.RecommendationId,
            Raci = raci.Count > 0 ? raci : existing?.Raci ?? [],
            Note = request.Note?.Trim() ?? existing?.Note,
        };
        var tasks = plan.Tasks.Select(t => t.Id == task.Id ? task : t).ToList();
        if (existing is null)
        {
            tasks.Add(task);
        }

        return _bench.Workspace.Save(reviewId, plan with { Tasks = tasks }, expectedVersion ?? current?.Version ?? 0, actor.DisplayName);
    }

    /// <summary>
    /// Sets or clears when the change goes live (owners and analysts): the monitoring splits the data at this date unless
    /// it is given another.
    /// </summary>
    /// <remarks><c>expectedVersion</c>: The plan's version the caller read (0: no plan yet); null to change whatever is current.</remarks>
    /// <exception cref="StepwiseException">Invalid date, not found, forbidden, or a conflict with a newer plan.</exception>
    public Versioned<ImplementationPlan> SetGoLive(Actor actor, Guid reviewId, GoLiveRequest request, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        _bench.Reviews.RequireProcess(reviewId);
        var goLive = request.Parse();
        var current = _bench.Workspace.Find<ImplementationPlan>(reviewId, reviewId);
        var plan = current?.Value ?? new ImplementationPlan { Id = reviewId };
        return _bench.Workspace.Save(reviewId, plan with { GoLive = goLive }, expectedVersion ?? current?.Version ?? 0, actor.DisplayName);
    }

    /// <summary>
    /// Updates a task's status (from stage Implement on): its owner may, when bound to the caller's account (any role
    /// but viewer), and owners and analysts may for any task.
    /// </summary>
    public Versioned<ImplementationPlan> UpdateStatus(Actor actor, Guid reviewId, TaskStatusRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var role = _bench.Guard.Require(actor, reviewId, Permission.Read);
        var status = request.Parse();
        var current = _bench.Workspace.Find<ImplementationPlan>(reviewId, reviewId)
            ?? throw StepwiseException.NotFound("This review has no implementation plan yet; add tasks with 'stepwise review task'.", "implementation plan");
        var task = FindTask(current.Value, request.Task, "task");
        bool owns = task.OwnerId is { } ownerId && _bench.Workspace.Find<Stakeholder>(reviewId, ownerId)?.Value.UserId == actor.UserId;
        if (!AccessRules.Allows(role, Permission.Edit))
        {
            _bench.Guard.Require(actor, reviewId, Permission.UpdateOwnTask);
            if (!owns)
            {
                throw StepwiseException.Forbidden($"Task '{task.Title}' is owned by {task.Owner}; only its owner, or an owner or analyst of the review, may update it.");
            }
        }

        var changed = task with { Status = status, Note = request.Note?.Trim() ?? task.Note };
        var plan = current.Value with { Tasks = [.. current.Value.Tasks.Select(t => t.Id == task.Id ? changed : t)] };
        return _bench.Workspace.Save(reviewId, plan, request.Version ?? current.Version, actor.DisplayName);
    }

    /// <summary>
    /// The unfinished plan tasks of every review the caller takes part in that are assigned to them: owned by, or
    /// responsible or accountable (RACI) for, a stakeholder bound to their account. Overdue first, then by due date.
    /// </summary>
    public IReadOnlyList<AssignedTask> AssignedTo(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var today = DateOnly.FromDateTime(_bench.Time.GetUtcNow().UtcDateTime);
        var tasks = new List<AssignedTask>();
        foreach (var review in _bench.Reviews.List(actor).Where(r => r.Type == ReviewType.Process))
        {
            var plan = _bench.Workspace.Find<ImplementationPlan>(review.Id, review.Id);
            if (plan is null)
            {
                continue;
            }

            var mine = _bench.Workspace.List<Stakeholder>(review.Id).Where(s => s.Value.UserId == actor.UserId).ToDictionary(s => s.Value.Id, s => s.Value.Name);
            if (mine.Count == 0)
            {
                continue;
            }

            foreach (var task in plan.Value.Tasks.Where(t => t.Status != PlanTaskStatus.Done))
            {
                bool owns = task.OwnerId is { } owner && mine.ContainsKey(owner);
                var raci = task.Raci.FirstOrDefault(r => r.Role is RaciRole.Responsible or RaciRole.Accountable && mine.ContainsKey(r.StakeholderId));
                if (owns || raci is not null)
                {
                    tasks.Add(new AssignedTask(review.Id, review.Title, task, owns ? mine[task.OwnerId!.Value] : mine[raci!.StakeholderId], owns, task.Due < today));
                }
            }
        }

        return [.. tasks.OrderByDescending(t => t.Overdue).ThenBy(t => t.Task.Due).ThenBy(t => t.Task.Title, StringComparer.Ordinal)];
    }

    private Guid? Recommendation(Guid reviewId, string? text)
    {
        if (text is not null)
        {
            return _bench.Decisions.Find(reviewId, text).Value.Id;
        }

        var proposed = _bench.Workspace.List<Recommendation>(reviewId).Where(r => r.Value.Status == RecommendationStatus.Proposed).ToList();
        return proposed.Count == 1 ? proposed[0].Value.Id : null;
    }

    private static PlanTask FindTask(ImplementationPlan plan, string text, string field)
    {
        string t = text.Trim();
        return plan.Tasks.FirstOrDefault(x => string.Equals(x.Title, t, StringComparison.OrdinalIgnoreCase))
            ?? plan.Tasks.SingleOrDefault(x => x.Id.ToString("D").StartsWith(t, StringComparison.OrdinalIgnoreCase))
            ?? throw new StepwiseException(ProblemKind.NotFound, $"The plan has no task '{t}'" + (plan.Tasks.Count == 0 ? "; it has no tasks yet." : $"; its tasks are {string.Join(", ", plan.Tasks.Select(x => $"'{x.Title}'"))}.")) { Subject = $"{field} {t}" };
    }
}
