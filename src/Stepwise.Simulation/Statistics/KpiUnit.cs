namespace Stepwise.Simulation.Statistics;

/// <summary>What a KPI's number is.</summary>
public enum KpiUnit
{
    /// <summary>A duration in seconds.</summary>
    Seconds,

    /// <summary>A share between 0 and 1.</summary>
    Share,

    /// <summary>An amount of money in the model's currency.</summary>
    Money,

    /// <summary>A count of cases.</summary>
    Count,
}
