using Stepwise.Review.Planning;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Planning;

/// <summary>
/// A task of the implementation plan: what, who owns it (a stakeholder, who may then update its status), when, what it
/// waits for, which recommendation it carries out, and who is responsible, accountable, consulted and informed. A task
/// with the same title is changed.
/// </summary>
public sealed record TaskRequest
{
    /// <summary>What to do.</summary>
    public required string Title { get; init; }

    /// <summary>Who owns it: a stakeholder's name.</summary>
    public required string Owner { get; init; }

    /// <summary>When work starts (yyyy-MM-dd), if planned.</summary>
    public string? Start { get; init; }

    /// <summary>When it is due (yyyy-MM-dd).</summary>
    public required string Due { get; init; }

    /// <summary>Tasks that must be done first (titles).</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>The recommendation it carries out (title or id); the only proposed one when empty and there is one.</summary>
    public string? Recommendation { get; init; }

    /// <summary>Stakeholders responsible (do the work).</summary>
    public IReadOnlyList<string> Responsible { get; init; } = [];

    /// <summary>The stakeholder accountable (answers for it).</summary>
    public string? Accountable { get; init; }

    /// <summary>Stakeholders consulted.</summary>
    public IReadOnlyList<string> Consulted { get; init; } = [];

    /// <summary>Stakeholders informed.</summary>
    public IReadOnlyList<string> Informed { get; init; } = [];

    /// <summary>not-started, in-progress, done or blocked (unchanged when empty).</summary>
    public string? Status { get; init; }

    /// <summary>A note on progress.</summary>
    public string? Note { get; init; }

    /// <summary>Checks every field; returns the dates and status.</summary>
    public (DateOnly? Start, DateOnly Due, PlanTaskStatus? Status) Parse()
    {
        var v = new Validation().Text("title", Title, 200).Text("owner", Owner, 200).Texts("depends_on", DependsOn, 200)
            .Text("recommendation", Recommendation, 200, required: false).Texts("responsible", Responsible, 200).Text("accountable", Accountable, 200, required: false)
            .Texts("consulted", Consulted, 200).Texts("informed", Informed, 200).Text("note", Note, 4000, required: false);
        var start = v.Date("start", Start);
        var due = v.Date("due", Due);
        if (string.IsNullOrWhiteSpace(Due))
        {
            v.Add("due", "is required (yyyy-MM-dd).");
        }

        if (start is { } s && due is { } d && s > d)
        {
            v.Add("start", $"{Start} is after the due date {Due}.");
        }

        var status = TaskStatusRequest.ParseStatus(v, Status);
        v.ThrowIfAny();
        return (start, due!.Value, status);
    }
}
