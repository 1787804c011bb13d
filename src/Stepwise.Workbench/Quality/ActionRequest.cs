using System.Globalization;
using Stepwise.Review.Planning;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Quality;

/// <summary>
/// An action agreed in answer to findings, with an owner and a due date; an action with the same title is changed.
/// Status and note record progress.
/// </summary>
public sealed record ActionRequest
{
    /// <summary>What will be done.</summary>
    public required string Title { get; init; }

    /// <summary>The findings it answers: ids (or their first eight characters) or subjects.</summary>
    public IReadOnlyList<string> Finding { get; init; } = [];

    /// <summary>Who does it.</summary>
    public string? Owner { get; init; }

    /// <summary>When it is due, yyyy-MM-dd.</summary>
    public string? Due { get; init; }

    /// <summary>What success looks like.</summary>
    public string? Measure { get; init; }

    /// <summary>not-started, in-progress, done or blocked.</summary>
    public string? Status { get; init; }

    /// <summary>A note on progress.</summary>
    public string? Note { get; init; }

    /// <summary>Checks every field; a new action needs its findings, owner and due date.</summary>
    public Validation Validate(bool isNew)
    {
        var v = new Validation().Text("title", Title, 200).Text("owner", Owner, 200, required: isNew).Text("measure", Measure, 400, required: false).Text("note", Note, 2000, required: false);
        if (isNew && Finding.Count == 0)
        {
            v.Add("finding", "is required: name the findings the action answers (their ids or subjects).");
        }

        if (isNew && string.IsNullOrWhiteSpace(Due))
        {
            v.Add("due", "is required: the date it is due, yyyy-MM-dd.");
        }
        else if (Due is not null && DueDate is null)
        {
            v.Add("due", $"'{Due}' is not a date; use yyyy-MM-dd.");
        }

        if (Status is not null)
        {
            _ = v.Enum<PlanTaskStatus>("status", Status);
        }

        return v;
    }

    /// <summary>The due date, or null.</summary>
    internal DateOnly? DueDate => DateOnly.TryParseExact(Due?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>The status, or null.</summary>
    internal PlanTaskStatus? StatusValue => Status is null ? null : new Validation().Enum<PlanTaskStatus>("status", Status);
}
