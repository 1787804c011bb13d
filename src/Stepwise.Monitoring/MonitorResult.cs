using Stepwise.Monitoring.Comparison;
using Stepwise.Monitoring.Conformance;
using Stepwise.Monitoring.Forecasts;
using Stepwise.Monitoring.Kpis;
using Stepwise.Monitoring.Mix;
using Stepwise.Monitoring.Periods;
using Stepwise.Monitoring.Trends;
using Stepwise.Statistics.Inference;

namespace Stepwise.Monitoring;

/// <summary>The answer to "did the change work?": every KPI before and after with its verdict, the mix, the control
/// charts across the change, conformance to what was agreed, and forecasts beside what happened.</summary>
public sealed record MonitorResult
{
    /// <summary>The before period.</summary>
    public required PeriodSummary Before { get; init; }

    /// <summary>The after period.</summary>
    public required PeriodSummary After { get; init; }

    /// <summary>The change date, when one log was split at it.</summary>
    public DateTimeOffset? ChangeDate { get; init; }

    /// <summary>The settling-in period left out after the change.</summary>
    public TimeSpan SettlingIn { get; init; }

    /// <summary>Cases left out because they arrived while the change settled in.</summary>
    public int LeftOutSettling { get; init; }

    /// <summary>Cases left out because they ran across the change (only when whole cases are required).</summary>
    public int LeftOutAcross { get; init; }

    /// <summary>The KPIs, in the order monitored.</summary>
    public required IReadOnlyList<KpiComparison> Kpis { get; init; }

    /// <summary>The confidence level of the intervals.</summary>
    public double Confidence { get; init; }

    /// <summary>How p-values were adjusted for the number of KPIs.</summary>
    public Adjustment Adjustment { get; init; }

    /// <summary>How many KPIs were tested together (the family the adjustment covers).</summary>
    public int Tested { get; init; }

    /// <summary>How first-contact resolution was read.</summary>
    public FirstContactMethod FirstContact { get; init; }

    /// <summary>The mix of cases, when a mix attribute was given.</summary>
    public MixReport? Mix { get; init; }

    /// <summary>A control chart per KPI measured.</summary>
    public IReadOnlyList<KpiTrend> Trends { get; init; } = [];

    /// <summary>Conformance to what was agreed, and new steps and paths; null when neither was asked for.</summary>
    public ConformanceReport? Conformance { get; init; }

    /// <summary>Forecasts beside what happened; empty without a forecast.</summary>
    public IReadOnlyList<ForecastCheck> Forecast { get; init; } = [];

    /// <summary>Where the forecast came from, when given.</summary>
    public string? ForecastSource { get; init; }

    /// <summary>What the reader must know: methods, estimates, rules that could not be checked.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Whether the after cases had the time to finish before the data end; null when a period has no case.</summary>
    public FollowUp? FollowUp { get; init; }
}
