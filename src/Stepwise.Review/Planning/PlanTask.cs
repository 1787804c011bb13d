using Stepwise.Review.Common;
using Stepwise.Review.People;

namespace Stepwise.Review.Planning;

/// <summary>A task of the implementation plan: what, who owns it, when, what it waits for, and who does what (RACI).</summary>
public sealed record PlanTask
{
    /// <summary>The task id.</summary>
    public required Guid Id { get => field; init => field = Guard.Id(value, "Task id"); }

    /// <summary>What to do.</summary>
    public required string Title { get => field; init => field = Guard.Text(value, "Task title", 200); }

    /// <summary>Who owns it, by name (a stakeholder of the review when <see cref="OwnerId"/> is set).</summary>
    public required string Owner { get => field; init => field = Guard.Text(value, $"Owner of task '{Title}'", 200); }

    /// <summary>The stakeholder who owns it; they may update its status when bound to an account.</summary>
    public Guid? OwnerId { get; init; }

    /// <summary>When work starts, if planned.</summary>
    public DateOnly? Start { get; init; }

    /// <summary>When it is due.</summary>
    public required DateOnly Due { get; init; }

    /// <summary>Tasks that must be done first.</summary>
    public IReadOnlyList<Guid> DependsOn { get => field; init => field = [.. Guard.List(value, "Dependencies").Distinct()]; } = [];

    /// <summary>Progress.</summary>
    public PlanTaskStatus Status { get => field; init => field = Guard.Defined(value, "Task status"); }

    /// <summary>The recommendation the task carries out, if any.</summary>
    public Guid? RecommendationId { get; init; }

    /// <summary>Who is responsible, accountable, consulted and informed for this task.</summary>
    public IReadOnlyList<TaskRole> Raci { get => field; init => field = Guard.List(value, "RACI"); } = [];

    /// <summary>A note on progress, e.g. why it is blocked.</summary>
    public string? Note { get => field; init => field = Guard.OptionalText(value, $"Note on task '{Title}'"); }
}

/// <summary>A stakeholder's part in one plan task.</summary>
/// <param name="StakeholderId">The stakeholder.</param>
/// <param name="Role">Responsible, accountable, consulted or informed.</param>
public sealed record TaskRole(Guid StakeholderId, RaciRole Role);
