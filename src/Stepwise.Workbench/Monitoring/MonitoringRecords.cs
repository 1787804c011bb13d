using Stepwise.Mining.Time;
using Stepwise.Monitoring;
using Stepwise.Monitoring.Comparison;
using Stepwise.Monitoring.Conformance;
using Stepwise.Monitoring.Forecasts;
using Stepwise.Monitoring.Kpis;
using Stepwise.Monitoring.Trends;
using Stepwise.Review.Monitoring;
using Stepwise.Statistics.Control;
using Stepwise.Statistics.Inference;
using Stepwise.Statistics.Targets;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Monitoring;

/// <summary>The one mapping between the monitoring engine's result and the review's stored record of it (and back, for
/// the control charts drawn from a stored run).</summary>
public static class MonitoringRecords
{
    /// <summary>The stored KPIs of an engine result.</summary>
    internal static IReadOnlyList<KpiOutcome> Kpis(MonitorResult result) => [.. result.Kpis.Select(Kpi)];

    /// <summary>The engine's control chart of a stored trend, for drawing it with the shared chart module.</summary>
    public static KpiTrend Trend(TrendOutcome trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var points = trend.Points.Select(p => new TrendPoint(
            p.Label,
            p.After ? TrendPhase.After : TrendPhase.Before,
            p.Value,
            p.Count,
            p.Centre,
            p.Lower ?? double.NaN,
            p.Upper ?? double.NaN,
            [.. p.Signals.Select(s => (ControlRule)s)],
            [.. p.BaselineSignals.Select(s => (ControlRule)s)])).ToList();
        double before = points.Where(p => p.Phase == TrendPhase.Before).Select(p => p.Centre).DefaultIfEmpty(double.NaN).First();
        double after = points.Where(p => p.Phase == TrendPhase.After).Select(p => p.Centre).DefaultIfEmpty(double.NaN).First();
        return new KpiTrend(trend.Key, trend.Name, UnitOf(trend.Unit), trend.Chart, trend.Interval == "day" ? TrendInterval.Day : TrendInterval.Week, points, before, after);
    }

    /// <summary>A stored KPI's control chart across the change as the shared chart module draws it (for pages and reports).</summary>
    public static Stepwise.Charts.ControlChartPlot Chart(TrendOutcome trend) => Stepwise.Monitoring.Rendering.TrendCharts.Chart(Trend(trend));

    /// <summary>A stored KPI's control chart across the change as a stand-alone SVG document.</summary>
    public static string Svg(TrendOutcome trend) => Stepwise.Monitoring.Rendering.TrendCharts.Svg(Trend(trend));

    internal static KpiOutcome Kpi(KpiComparison k) => new()
    {
        Key = k.Key,
        Name = k.Name,
        Unit = Unit(k.Unit),
        Better = k.Kpi.EffectiveDirection switch
        {
            Stepwise.Monitoring.Kpis.KpiDirection.HigherIsBetter => "higher",
            Stepwise.Monitoring.Kpis.KpiDirection.LowerIsBetter => "lower",
            _ => "none",
        },
        PlanKpi = k.Kpi.FromMonitoringPlan ? k.Name : null,
        Test = string.IsNullOrEmpty(k.Test) ? null : k.Test,
        Before = F(k.Before),
        After = F(k.After),
        Difference = F(k.Difference),
        Low = F(k.Low),
        High = F(k.High),
        AfterLow = F(k.AfterLow),
        AfterHigh = F(k.AfterHigh),
        PValue = F(k.PValue),
        AdjustedPValue = F(k.AdjustedPValue),
        Verdict = Verdict(k.Verdict),
        CutShort = k.CutShort,
        DetectableChange = F(k.DetectableChange),
        MeaningfulChange = F(k.MeaningfulChange),
        BeforeCount = k.BeforeCount,
        AfterCount = k.AfterCount,
        Target = k.Kpi.Target,
        Baseline = k.Kpi.Baseline,
        TargetVerdict = k.Target switch
        {
            TargetVerdict.MetWithConfidence => "met",
            TargetVerdict.MissedWithConfidence => "missed",
            TargetVerdict.Undecided => "undecided",
            _ => null,
        },
        MixAdjusted = k.Mix is { } m ? F(m.Difference) : null,
        MixLow = k.Mix is { } ml ? F(ml.Low) : null,
        MixHigh = k.Mix is { } mh ? F(mh.High) : null,
        MixVerdict = k.Mix is { } mv ? Verdict(mv.Verdict) : null,
        ChangeFrom = k.Mix?.Source.ToString().ToLowerInvariant(),
        Note = k.Note,
    };

    internal static MixOutcome? Mix(MonitorResult result) => result.Mix is not { } mix ? null : new MixOutcome
    {
        By = mix.By,
        Shares = [.. mix.Strata.Select(s => new MixShare(s.Stratum, s.BeforeCases, s.AfterCases, s.BeforeShare, s.AfterShare))],
        PValue = F(mix.PValue),
        Changed = mix.Changed,
    };

    internal static IReadOnlyList<AgreementOutcome> Conformance(ConformanceReport? report) => report is null ? [] : [.. report.Checks.Select(c => new AgreementOutcome
    {
        Kind = c.Kind switch
        {
            ConformanceKind.RemovedStep => "removed_step",
            ConformanceKind.MandatoryStep => "mandatory_step",
            _ => "order",
        },
        Agreement = c.Agreement,
        BeforeCases = c.BeforeCases,
        BeforeBreaking = c.BeforeBreaking,
        AfterCases = c.AfterCases,
        AfterBreaking = c.AfterBreaking,
        Difference = F(c.Difference),
        Low = F(c.Low),
        High = F(c.High),
        Examples = [.. c.Examples.Select(e => $"{e.CaseId}: {e.Explanation}")],
    })];

    internal static IReadOnlyList<BehaviourOutcome> Behaviour(IReadOnlyList<NewBehaviour>? list)
        => list is null ? [] : [.. list.Select(b => new BehaviourOutcome { What = b.Describe(), Cases = b.Cases, Share = double.IsFinite(b.Share) ? b.Share : 0, Examples = b.Examples })];

    internal static IReadOnlyList<ForecastOutcome> Forecasts(MonitorResult result) => [.. result.Forecast.Select(f => new ForecastOutcome
    {
        Key = f.Key,
        Name = f.Name,
        ForecastLow = F(f.ForecastLow),
        ForecastHigh = F(f.ForecastHigh),
        Actual = F(f.Actual),
        ActualLow = F(f.ActualLow),
        ActualHigh = F(f.ActualHigh),
        Verdict = Validation.Kebab(f.Verdict.ToString()).Replace('-', '_'),
        Note = f.Note,
    })];

    internal static IReadOnlyList<TrendOutcome> Trends(MonitorResult result) => [.. result.Trends.Select(t => new TrendOutcome
    {
        Key = t.Key,
        Name = t.Name,
        Unit = Unit(t.Unit),
        Chart = t.Chart,
        Interval = t.Interval == TrendInterval.Day ? "day" : "week",
        Points = [.. t.Points.Select(p => new TrendOutcomePoint(p.Label, p.Phase == TrendPhase.After, p.Value, p.Count, p.Centre, F(p.Lower), F(p.Upper), [.. p.Signals.Select(s => (int)s)], [.. p.BaselineSignals.Select(s => (int)s)]))],
    })];

    /// <summary>How p-values were adjusted, as stored.</summary>
    internal static string Adjustment(Adjustment adjustment) => adjustment switch
    {
        Statistics.Inference.Adjustment.Holm => "holm",
        Statistics.Inference.Adjustment.BenjaminiHochberg => "benjamini_hochberg",
        _ => "none",
    };

    internal static string Unit(KpiUnit unit) => unit switch
    {
        KpiUnit.Seconds => "seconds",
        KpiUnit.Share => "share",
        KpiUnit.CasesPerInterval => "cases_per_interval",
        KpiUnit.PerCase => "per_case",
        KpiUnit.Money => "money",
        KpiUnit.Score => "score",
        _ => "number",
    };

    private static KpiUnit UnitOf(string unit) => unit switch
    {
        "seconds" => KpiUnit.Seconds,
        "share" => KpiUnit.Share,
        "cases_per_interval" => KpiUnit.CasesPerInterval,
        "per_case" => KpiUnit.PerCase,
        "money" => KpiUnit.Money,
        "score" => KpiUnit.Score,
        _ => KpiUnit.Number,
    };

    private static ChangeVerdict Verdict(Verdict verdict) => verdict switch
    {
        Stepwise.Monitoring.Comparison.Verdict.Improved => ChangeVerdict.Improved,
        Stepwise.Monitoring.Comparison.Verdict.Worse => ChangeVerdict.Worse,
        Stepwise.Monitoring.Comparison.Verdict.Increased => ChangeVerdict.Increased,
        Stepwise.Monitoring.Comparison.Verdict.Decreased => ChangeVerdict.Decreased,
        Stepwise.Monitoring.Comparison.Verdict.NoDetectableChange => ChangeVerdict.NoDetectableChange,
        Stepwise.Monitoring.Comparison.Verdict.Undecided => ChangeVerdict.Undecided,
        _ => ChangeVerdict.NotMeasured,
    };

    private static double? F(double value) => double.IsFinite(value) ? value : null;

    internal static string Measure(DurationMeasure measure) => measure.Description;
}
