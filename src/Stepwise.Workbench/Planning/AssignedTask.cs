using Stepwise.Review.Planning;

namespace Stepwise.Workbench.Planning;

/// <summary>A plan task that waits for the signed-in person: one they own, or are responsible or accountable for.</summary>
/// <param name="ReviewId">The review whose plan holds it.</param>
/// <param name="ReviewTitle">That review's title.</param>
/// <param name="Task">The task.</param>
/// <param name="As">The stakeholder name the person acts as on it.</param>
/// <param name="Owns">Whether they own it (they may then update its status themselves).</param>
/// <param name="Overdue">Whether its due date has passed (by the workbench's clock).</param>
public sealed record AssignedTask(Guid ReviewId, string ReviewTitle, PlanTask Task, string As, bool Owns, bool Overdue);
