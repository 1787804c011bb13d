using Stepwise.Simulation.Calendars;

namespace Stepwise.Simulation.Model;

/// <summary>
/// A pool of staff (a team, a group of agents) who perform steps: how many are on shift in each hour of the week
/// (0 outside working hours), how waiting work is ordered, and what an hour of their time costs.
/// </summary>
public sealed record PoolModel
{
    /// <summary>The pool's name (a team, group or resource of the log).</summary>
    public required string Name { get; init; }

    /// <summary>Staff on shift per hour of the week; an hour with 0 is outside the pool's working hours. A fraction
    /// (6.4) means one more person in that share of the weeks (7 in 40% of weeks, 6 in the others).</summary>
    public required WeekProfile Capacity { get; init; }

    /// <summary>How waiting work is ordered.</summary>
    public QueueDiscipline Discipline { get; init; } = QueueDiscipline.Fifo;

    /// <summary>
    /// Whether work in progress stops outside working hours and resumes at the next shift (back-office work measured in
    /// working time), rather than running to completion (a call being served).
    /// </summary>
    public bool WorkPausesOffShift { get; init; }

    /// <summary>Where the staff on shift come from.</summary>
    public CapacityBasis CapacityBasis { get; init; } = CapacityBasis.Given;

    /// <summary>Cost of one staff hour, in the user's currency; null when not known (the pool's work is then not costed,
    /// which is not a cost of zero).</summary>
    public double? CostPerHour { get; init; }

    /// <summary>Dates (in the model's clock) on which the pool does not work at all.</summary>
    public IReadOnlyList<DateOnly> Holidays { get; init; } = [];

    /// <summary>How the capacity was obtained, for the model summary.</summary>
    public string? Note { get; init; }
}
