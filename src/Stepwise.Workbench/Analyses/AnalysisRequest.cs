using Stepwise.Workbench.Logs;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Analyses;

/// <summary>
/// Which stored data of a review an analysis runs on and how: the data source (the latest event log when empty), more
/// filters on top of the review's scope, and the calendar durations are measured in.
/// </summary>
public sealed record AnalysisRequest
{
    /// <summary>The data source: its id, a unique prefix of it, or its file name; the latest imported event log when empty.</summary>
    public string? DataSource { get; init; }

    /// <summary>Filters applied on top of the review's agreed scope.</summary>
    public LogFilterRequest Filters { get; init; } = LogFilterRequest.None;

    /// <summary>How durations are measured.</summary>
    public CalendarRequest Calendar { get; init; } = CalendarRequest.Elapsed;

    /// <summary>Checks every field.</summary>
    public Validation Validate()
    {
        var v = new Validation().Text("data_source", DataSource, 400, required: false);
        foreach (var error in (Filters ?? LogFilterRequest.None).Validate().Errors.Concat((Calendar ?? CalendarRequest.Elapsed).Validate().Errors))
        {
            v.Add(error.Field, error.Message);
        }

        return v;
    }
}
