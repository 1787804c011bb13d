using Stepwise.Review.Common;

namespace Stepwise.Review.Monitoring;

/// <summary>One period of a monitoring run: the stored data it was taken from (pinned by hash) and what it held.</summary>
public sealed record MonitoredPeriod
{
    /// <summary>The data source.</summary>
    public required Guid DataSourceId { get => field; init => field = Guard.Id(value, "Monitored data source"); }

    /// <summary>Its file name.</summary>
    public required string DataFile { get => field; init => field = Guard.Text(value, "Monitored data file", 400); }

    /// <summary>The SHA-256 of its file.</summary>
    public required ContentHash DataHash { get => field; init => field = value.IsEmpty ? throw new ReviewRuleException("A monitored period must name the hash of its data.") : value; }

    /// <summary>The earliest time that placed a case in the period.</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>The end of the period.</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>Cases in the period.</summary>
    public required int Cases { get => field; init => field = Guard.Range(value, 0, int.MaxValue, "Cases in a period"); }

    /// <summary>Their events.</summary>
    public long Events { get; init; }
}
