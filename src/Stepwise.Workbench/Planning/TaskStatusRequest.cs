using Stepwise.Review.Planning;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Planning;

/// <summary>Progress on a plan task, by its owner (or an owner or analyst of the review).</summary>
public sealed record TaskStatusRequest
{
    /// <summary>The task: its title or a unique prefix of its id.</summary>
    public required string Task { get; init; }

    /// <summary>not-started, in-progress, done or blocked.</summary>
    public required string Status { get; init; }

    /// <summary>A note, e.g. why it is blocked.</summary>
    public string? Note { get; init; }

    /// <summary>The plan's version read (its ETag), or null for the current one.</summary>
    public long? Version { get; init; }

    /// <summary>Checks every field and returns the status.</summary>
    public PlanTaskStatus Parse()
    {
        var v = new Validation().Text("task", Task, 200).Text("note", Note, 4000, required: false);
        var status = ParseStatus(v, Status);
        if (status is null && string.IsNullOrWhiteSpace(Status))
        {
            v.Add("status", "is required: not-started, in-progress, done or blocked.");
        }

        if (Version is < 1)
        {
            v.Add("version", "must be 1 or more.");
        }

        v.ThrowIfAny();
        return status!.Value;
    }

    internal static PlanTaskStatus? ParseStatus(Validation v, string? text) => v.Enum<PlanTaskStatus>("status", text);
}
