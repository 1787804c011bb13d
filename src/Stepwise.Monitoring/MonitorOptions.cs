using Stepwise.Mining.Time;
using Stepwise.Monitoring.Inference;
using Stepwise.Monitoring.Kpis;
using Stepwise.Monitoring.Trends;
using Stepwise.Statistics.Inference;

namespace Stepwise.Monitoring;

/// <summary>
/// How a change is monitored. Every field has a default and refuses values it cannot take with a
/// <see cref="MonitorOptionException"/> naming the field.
/// </summary>
public sealed record MonitorOptions
{
    /// <summary>Confidence level of the intervals; the tests run at the level 1 - confidence (0.95 by default).</summary>
    public double Confidence
    {
        get => field;
        init => field = value is > 0.5 and < 1 ? value : throw new MonitorOptionException(nameof(Confidence), "The confidence level must be above 0.5 and below 1, e.g. 0.95.");
    } = 0.95;

    /// <summary>The power at which the smallest detectable change is stated (0.8 by default).</summary>
    public double Power
    {
        get => field;
        init => field = value is >= 0.5 and < 1 ? value : throw new MonitorOptionException(nameof(Power), "The power must be at least 0.5 and below 1, e.g. 0.8.");
    } = 0.8;

    /// <summary>How p-values of the KPIs are adjusted for testing many at once (Holm by default: the chance of any
    /// false verdict stays at most 1 - confidence).</summary>
    public Adjustment Adjustment
    {
        get => field;
        init => field = Enum.IsDefined(value) ? value : throw new MonitorOptionException(nameof(Adjustment), "The adjustment must be none, holm or bh.");
    } = Adjustment.Holm;

    /// <summary>Bootstrap resamples for quantile KPIs (10,000 by default; 1,000 to 1,000,000).</summary>
    public int Resamples
    {
        get => field;
        init => field = value is >= 1000 and <= 1_000_000 ? value : throw new MonitorOptionException(nameof(Resamples), "The bootstrap needs 1,000 to 1,000,000 resamples.");
    } = 10_000;

    /// <summary>The seed of the bootstrap; each KPI draws from a stream derived from the seed and its key, so results
    /// do not depend on which other KPIs are monitored.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>How quantile KPIs are compared.</summary>
    public QuantileTest QuantileTest
    {
        get => field;
        init => field = Enum.IsDefined(value) ? value : throw new MonitorOptionException(nameof(QuantileTest), "The quantile test must be bootstrap or hodges-lehmann.");
    } = QuantileTest.Bootstrap;

    /// <summary>How durations are measured: elapsed time, or working time in a calendar.</summary>
    public DurationMeasure Measure { get => field; init => field = value ?? throw new MonitorOptionException(nameof(Measure), "A duration measure is needed."); } = DurationMeasure.Elapsed;

    /// <summary>The attribute whose change between consecutive events is a hand-over (<c>org:resource</c> by default).</summary>
    public string HandoverBy
    {
        get => field;
        init => field = string.IsNullOrWhiteSpace(value) ? throw new MonitorOptionException(nameof(HandoverBy), "Name the attribute hand-overs are counted between (e.g. org:resource).") : value;
    } = "org:resource";

    /// <summary>The interval of control-chart points and of volume (weeks by default).</summary>
    public TrendInterval Interval
    {
        get => field;
        init => field = Enum.IsDefined(value) ? value : throw new MonitorOptionException(nameof(Interval), "The interval must be week or day.");
    } = TrendInterval.Week;

    /// <summary>The fewest cases (or step instances) an interval needs to be a point of a control chart (5 by default).</summary>
    public int MinCasesPerPoint
    {
        get => field;
        init => field = value >= 1 ? value : throw new MonitorOptionException(nameof(MinCasesPerPoint), "An interval needs at least one case to be charted.");
    } = 5;

    /// <summary>The fewest values each period needs for a KPI to be compared (20 by default, at least 2).</summary>
    public int MinValues
    {
        get => field;
        init => field = value >= 2 ? value : throw new MonitorOptionException(nameof(MinValues), "A comparison needs at least 2 values in each period.");
    } = 20;

    /// <summary>The smallest change that matters, relative to the before value (0.10 = 10% by default), for KPIs
    /// without their own: a KPI whose interval stays within it shows no detectable change; one whose interval
    /// reaches beyond it, without a significant change, is undecided.</summary>
    public double MeaningfulChange
    {
        get => field;
        init => field = value is > 0 and < 10 ? value : throw new MonitorOptionException(nameof(MeaningfulChange), "The meaningful change is a share of the before value above 0, e.g. 0.1 for 10%.");
    } = 0.10;

    /// <summary>For rates, the smallest change that matters in absolute terms (0.02 = 2 percentage points by default);
    /// the larger of this and the relative change applies.</summary>
    public double MeaningfulRateChange
    {
        get => field;
        init => field = value is > 0 and < 1 ? value : throw new MonitorOptionException(nameof(MeaningfulRateChange), "The meaningful rate change is a share between 0 and 1, e.g. 0.02 for 2 percentage points.");
    } = 0.02;

    /// <summary>How many steps' waiting times the standard KPIs include: the most frequent steps of the before period
    /// (10 by default; 0 for none).</summary>
    public int WaitingSteps
    {
        get => field;
        init => field = value is >= 0 and <= 1000 ? value : throw new MonitorOptionException(nameof(WaitingSteps), "The number of steps whose waiting times are monitored must be 0 to 1000.");
    } = 10;

    /// <summary>A case attribute (such as a case type or channel) whose mix is compared, with each KPI's change within
    /// each value and a mix-adjusted change; null for none.</summary>
    public string? MixBy { get; init; }

    /// <summary>Values of <see cref="MixBy"/> with fewer cases than this in either period are pooled as (other) (20 by default).</summary>
    public int MinStratumCases
    {
        get => field;
        init => field = value >= 2 ? value : throw new MonitorOptionException(nameof(MinStratumCases), "A value of the mix attribute needs at least 2 cases in each period.");
    } = 20;

    /// <summary>How first-contact resolution is read.</summary>
    public FirstContactOptions FirstContact { get => field; init => field = value ?? new(); } = new();

    /// <summary>How many example cases are listed for each finding (5 by default).</summary>
    public int Examples
    {
        get => field;
        init => field = value is >= 0 and <= 1000 ? value : throw new MonitorOptionException(nameof(Examples), "The number of example cases must be 0 to 1000.");
    } = 5;

    /// <summary>How many new paths are listed, most frequent first (20 by default).</summary>
    public int NewPaths
    {
        get => field;
        init => field = value is >= 0 and <= 10_000 ? value : throw new MonitorOptionException(nameof(NewPaths), "The number of new paths listed must be 0 to 10,000.");
    } = 20;

    /// <summary>Which optional parts to compute (all by default).</summary>
    public MonitorParts Parts
    {
        get => field;
        init => field = (value & ~MonitorParts.All) == 0 ? value : throw new MonitorOptionException(nameof(Parts), "The parts are trends and conformance.");
    } = MonitorParts.All;

    /// <summary>The level of the tests, 1 - <see cref="Confidence"/>.</summary>
    public double Alpha => 1 - Confidence;
}
