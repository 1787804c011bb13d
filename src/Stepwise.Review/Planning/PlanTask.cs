using Stepwise.Review.Common;

namespace Stepwise.Review.Planning;

/// <summary>A task of the implementation plan.</summary>
public sealed record PlanTask
{
    /// <summary>The task id.</summary>
    public required Guid Id { get => field; init => field = Guard.Id(value, "Task id"); }

    /// <summary>What to do.</summary>
    public required string Title { get => field; init => field = Guard.Text(value, "Task title", 200); }

    /// <summary>Who does it.</summary>
    public required string Owner { get => field; init => field = Guard.Text(value, $"Owner of task '{Title}'", 200); }

    /// <summary>When it is due.</summary>
    public required DateOnly Due { get; init; }

    /// <summary>Tasks that must be done first.</summary>
    public IReadOnlyList<Guid> DependsOn { get => field; init => field = [.. Guard.List(value, "Dependencies").Distinct()]; } = [];

    /// <summary>Progress.</summary>
    public PlanTaskStatus Status { get => field; init => field = Guard.Defined(value, "Task status"); }

    /// <summary>The recommendation the task carries out, if any.</summary>
    public Guid? RecommendationId { get; init; }
}
