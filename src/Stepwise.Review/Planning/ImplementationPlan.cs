using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;

namespace Stepwise.Review.Planning;

/// <summary>The implementation plan of a review (its id is the review's id): tasks, owners, due dates, dependencies.</summary>
public sealed record ImplementationPlan : IArtefact
{
    /// <inheritdoc />
    public static ArtefactKind Kind => ArtefactKind.ImplementationPlan;

    /// <inheritdoc />
    public required Guid Id { get => field; init => field = Guard.Id(value, "Plan id"); }

    /// <summary>When the change goes live (takes effect in the process), or null while not set: the date the monitoring
    /// splits the data at unless it is given another.</summary>
    public DateTimeOffset? GoLive { get; init; }

    /// <summary>The tasks.</summary>
    public IReadOnlyList<PlanTask> Tasks { get => field; init => field = Guard.List(value, "Tasks"); } = [];

    /// <summary>Checks the dependencies.</summary>
    /// <exception cref="ReviewRuleException">Task ids repeat, a task depends on an unknown task or on itself, the
    /// dependencies form a cycle, a task is done before a task it depends on, a task starts after it is due, or a task
    /// has more than one accountable stakeholder or names a stakeholder twice.</exception>
    public ImplementationPlan Checked()
    {
        Guard.Unique(Tasks, t => t.Id, "Task");
        var byId = Tasks.ToDictionary(t => t.Id);
        foreach (var task in Tasks)
        {
            if (task.Start is { } start && start > task.Due)
            {
                throw new ReviewRuleException($"Task '{task.Title}' starts on {start:yyyy-MM-dd}, after it is due ({task.Due:yyyy-MM-dd}).");
            }

            if (task.Raci.Count(r => r.Role == People.RaciRole.Accountable) > 1)
            {
                throw new ReviewRuleException($"Task '{task.Title}' has more than one accountable stakeholder; one person answers for a task.");
            }

            if (task.Raci.Select(r => r.StakeholderId).Distinct().Count() != task.Raci.Count)
            {
                throw new ReviewRuleException($"Task '{task.Title}' names a stakeholder twice in its RACI.");
            }

            foreach (var dependency in task.DependsOn)
            {
                if (!byId.TryGetValue(dependency, out var before))
                {
                    throw new ReviewRuleException($"Task '{task.Title}' depends on task {dependency}, which is not in the plan.");
                }

                if (task.Status == PlanTaskStatus.Done && before.Status != PlanTaskStatus.Done)
                {
                    throw new ReviewRuleException($"Task '{task.Title}' cannot be done before task '{before.Title}', which it depends on.");
                }
            }
        }

        // Depth-first search for a cycle: 1 = on the current path, 2 = finished.
        var state = new Dictionary<Guid, int>();
        foreach (var task in Tasks)
        {
            Visit(task);
        }

        return this;

        void Visit(PlanTask task)
        {
            switch (state.GetValueOrDefault(task.Id))
            {
                case 2:
                    return;
                case 1:
                    throw new ReviewRuleException($"The plan's dependencies form a cycle through task '{task.Title}'.");
            }

            state[task.Id] = 1;
            foreach (var dependency in task.DependsOn)
            {
                Visit(byId[dependency]);
            }

            state[task.Id] = 2;
        }
    }
}
