using System.Text.Json;
using Stepwise.Review.Jobs;
using Stepwise.Web.Api.Problems;

namespace Stepwise.Web.Api.Jobs;

/// <summary>A long piece of work (an import, a simulation) as its resource shows it.</summary>
/// <param name="Id">The job id.</param>
/// <param name="Kind">What it does, e.g. import or simulation.</param>
/// <param name="Description">In words, e.g. "Import of helpdesk.xes.gz".</param>
/// <param name="ReviewId">The review it works on.</param>
/// <param name="State">Queued, running, succeeded, failed, cancelled or interrupted (the server stopped while it ran).</param>
/// <param name="Progress">From 0 to 1.</param>
/// <param name="CreatedAt">When it was asked for.</param>
/// <param name="StartedAt">When it started running.</param>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="Result">What it produced, when it succeeded, as it was answered then.</param>
/// <param name="ResultLocation">Where the resource it created is, when it created one.</param>
/// <param name="Problem">Why it failed, that it was cancelled, or that the server stopped while it ran.</param>
public sealed record JobStatus(
    Guid Id,
    string Kind,
    string Description,
    Guid? ReviewId,
    JobState State,
    double Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    JsonElement? Result,
    string? ResultLocation,
    ApiProblem? Problem);
