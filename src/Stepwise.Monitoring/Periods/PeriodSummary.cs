namespace Stepwise.Monitoring.Periods;

/// <summary>One period as monitored.</summary>
/// <param name="Name"><c>before</c> or <c>after</c>.</param>
/// <param name="Cases">Cases in the period.</param>
/// <param name="Events">Their events.</param>
/// <param name="From">The earliest time that placed a case in the period.</param>
/// <param name="To">The end of the period: the change date for the before period, the latest case for the after period.</param>
public sealed record PeriodSummary(string Name, int Cases, long Events, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The length of the period in days.</summary>
    public double Days => (To - From).TotalDays;
}
