using Stepwise.Mining;
using Stepwise.Mining.Filtering;
using Stepwise.Mining.Time;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Logs;

/// <summary>
/// The cases an analysis runs on and how it measures time: a view of a log after the filters, the duration measure,
/// and where the log came from.
/// </summary>
/// <param name="View">The cases kept.</param>
/// <param name="Measure">Elapsed or working time.</param>
/// <param name="Filter">The filter applied on top of the log (and of a review's scope), or null.</param>
/// <param name="Origin">Where the log came from.</param>
public sealed record LogSelection(LogView View, DurationMeasure Measure, CaseFilter? Filter, LogOrigin Origin)
{
    /// <summary>The whole log.</summary>
    public EventLog Log => View.Log;

    /// <summary>Applies filters and a calendar to a view.</summary>
    /// <exception cref="StepwiseException">A filter or calendar field is not valid, or a filter names an activity or attribute the log lacks.</exception>
    public static LogSelection Of(LogView view, LogOrigin origin, LogFilterRequest? filters, CalendarRequest? calendar)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(origin);
        var measure = (calendar ?? CalendarRequest.Elapsed).ToMeasure();
        var filter = (filters ?? LogFilterRequest.None).ToFilter();
        if (filter is not null)
        {
            try
            {
                view = filter.Apply(view, measure);
            }
            catch (ArgumentException ex)
            {
                throw new StepwiseException(ProblemKind.InvalidValue, ex.Message.Split(" (Parameter", 2)[0]);
            }
        }

        return new LogSelection(view, measure, filter, origin);
    }
}
