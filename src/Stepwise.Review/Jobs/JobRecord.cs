using Stepwise.Review.Common;

namespace Stepwise.Review.Jobs;

/// <summary>
/// A long piece of work (an import, a simulation) as the workspace keeps it, so that its state outlives the server
/// process that ran it. The result and the problem are kept as the JSON the host answers with; the store does not read
/// them.
/// </summary>
public sealed record JobRecord
{
    /// <summary>The job id.</summary>
    public required Guid Id { get => field; init => field = Guard.Id(value, "Job id"); }

    /// <summary>The account that started it: only they (or an administrator) read and cancel it.</summary>
    public required Guid OwnerId { get => field; init => field = Guard.Id(value, "Job owner"); }

    /// <summary>What it does, e.g. <c>import</c> or <c>simulation</c>.</summary>
    public required string Kind { get => field; init => field = Guard.Text(value, "Job kind", 100); }

    /// <summary>In words, e.g. "Import of helpdesk.xes.gz".</summary>
    public required string Description { get => field; init => field = Guard.Text(value, "Job description", 1000); }

    /// <summary>The review it works on, or null (e.g. a survey read without a review).</summary>
    public Guid? ReviewId { get; init; }

    /// <summary>The server process that runs it (each process names itself when it starts).</summary>
    public required Guid Runner { get => field; init => field = Guard.Id(value, "Job runner"); }

    /// <summary>Where it is.</summary>
    public required JobState State { get => field; init => field = Guard.Defined(value, "Job state"); }

    /// <summary>The share done, from 0 to 1.</summary>
    public double Progress
    {
        get => field;
        init => field = double.IsFinite(value) && value is >= 0 and <= 1 ? value : throw new ReviewRuleException("A job's progress runs from 0 to 1.");
    }

    /// <summary>When it was asked for.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it started running.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it ended (any final state).</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>What it produced, as JSON, when it succeeded.</summary>
    public string? ResultJson { get; init; }

    /// <summary>Where the resource it created is, when it created one.</summary>
    public string? ResultLocation { get; init; }

    /// <summary>Why it failed, was cancelled or was interrupted, as a problem document (JSON).</summary>
    public string? ProblemJson { get; init; }

    /// <summary>Whether the job has ended (succeeded, failed, cancelled or interrupted).</summary>
    public bool IsFinished => State is not (JobState.Queued or JobState.Running);
}
