namespace Stepwise.Web.Api.Jobs;

/// <summary>What a finished job produced: its result for the job resource, and the resource it created, if any.</summary>
/// <param name="Result">The result, serialised into the job resource.</param>
/// <param name="Location">The URL of what the job created (a data source, a stored simulation), or null.</param>
public sealed record JobOutcome(object? Result, string? Location);
