using Stepwise.Simulation.Calendars;

namespace Stepwise.Simulation.Model;

/// <summary>
/// How cases arrive: a Poisson stream whose rate varies by hour of day and day of week (cases per hour), each case
/// drawing a priority class.
/// </summary>
public sealed record ArrivalModel
{
    /// <summary>Expected new cases per hour, for every hour of the week.</summary>
    public required WeekProfile CasesPerHour { get; init; }

    /// <summary>The share of cases in each priority class (index = priority, higher is served first by pools with the
    /// priority discipline); empty means everyone has priority 0.</summary>
    public IReadOnlyList<double> PriorityShares { get; init; } = [];
}
