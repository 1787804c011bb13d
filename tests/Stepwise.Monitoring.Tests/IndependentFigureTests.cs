using MathNet.Numerics.Distributions;
using Stepwise.Mining;
using Stepwise.Mining.Attributes;
using Stepwise.Monitoring.Comparison;
using Stepwise.Monitoring.Conformance;
using Stepwise.Monitoring.Forecasts;
using Stepwise.Monitoring.Kpis;
using Stepwise.Monitoring.Periods;
using Stepwise.Monitoring.Trends;
using Stepwise.Statistics.Feedback;
using Stepwise.Steps.Compliance;
using Stepwise.Steps.Costing;
using Stepwise.Steps.Synthetic;

namespace Stepwise.Monitoring.Tests;

/// <summary>
/// Every figure of one full run on the help-desk log (split at 2012-06-01 with 14 days of settling in; rates, rules,
/// linked feedback, repeat contacts, a mix attribute, an agreement and a forecast) recomputed by the plain reference
/// implementation in <see cref="Reference"/> and the textbook formulas: the periods, each KPI's before and after
/// values, differences, intervals and p-values (bootstrap intervals against a plain resampling bootstrap), the Holm
/// adjustment, the detectable changes, the verdicts, the strata and mix-adjusted changes, a control chart's points and
/// limits, conformance shares, new steps, and the forecast's savings.
/// </summary>
public sealed class IndependentFigureTests(IndependentFigureTests.Run run) : IClassFixture<IndependentFigureTests.Run>
{
    private static readonly DateTimeOffset Change = new(2012, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Settling = TimeSpan.FromDays(14);
    private const double Z = 1.959963984540054;

    /// <summary>The one run every test checks, with the synthetic feedback it linked.</summary>
    public sealed class Run
    {
        public Run()
        {
            var log = Logs.Helpdesk;
            string folder = Directory.CreateTempSubdirectory("stepwise-monitor-").FullName;
            Feedback = PlantedFeedbackGenerator.Generate(log, new PlantedFeedbackOptions { Seed = 5, Effects = [PlantedEffect.Repeat("Take in charge ticket", -1.0)] });
            string feedbackPath = Path.Combine(folder, "feedback.csv");
            Feedback.WriteCsv(feedbackPath);
            var rules = RuleFile.Parse(
                """
                name: Test rules
                rules:
                  - { id: resolve-30d, title: Resolved within 30 days, type: time-limit, from: (case start), to: Resolve ticket, within: 30d }
                  - { id: charge-before-resolve, title: Taken in charge before resolved, type: order, before: Take in charge ticket, after: Resolve ticket }
                """, "rules.yaml");
            var cost = CostModelFile.ReadYaml(
                """
                currency: EUR
                default_rate: 30
                standard_times: { Take in charge ticket: 12m, Resolve ticket: 30m, Assign seriousness: 6m, Wait: 2m }
                fixed_costs: { Closed: 0.4 }
                estimate: { enabled: false }
                """, "rates.yaml");
            var kpis = new[]
            {
                "throughput_median", "throughput_p90", "throughput_mean", "waiting_median:Take in charge ticket", "waiting_mean:Resolve ticket",
                "volume", "rework_rate", "handovers_per_case", "ping_pong_rate", "first_contact_resolution", "breach_rate", "breach_rate:resolve-30d",
                "cost_per_case", "satisfaction", "share_with:Wait", "events_per_case", "share:service_type=Value 2",
            };
            Result = ChangeMonitor.Run(new MonitorRequest
            {
                Periods = new ChangeDateSplit { Log = log, ChangeDate = Change, SettlingIn = Settling },
                Kpis = [.. kpis.Select(k => MonitoredKpi.Of(KpiMeasure.Parse(k)))],
                PlanKpis = [new MonitoredKpi { Measure = KpiMeasure.Parse("rework_rate"), Name = "Rework", Target = 0.25, Baseline = 0.3, FromMonitoringPlan = true }],
                Cost = cost,
                Rules = rules,
                Feedback = FeedbackReader.Read(feedbackPath).Table,
                Agreed = new AgreedChange { RemovedSteps = ["Wait"], MandatorySteps = ["Assign seriousness"], Orders = [new AgreedOrder("Take in charge ticket", "Resolve ticket")] },
                Forecast = new Forecast
                {
                    Kpis = [new KpiForecast { Key = "throughput_median", Low = 30 * 86400.0, High = 35 * 86400.0 }],
                    Savings = new SavingsForecast { PerYear = 1000, Currency = "EUR" },
                },
                Options = new MonitorOptions
                {
                    MixBy = "service_type",
                    FirstContact = new FirstContactOptions { CustomerAttribute = "customer" },
                    Seed = 11,
                },
            });
            long change = Change.UtcTicks, settled = change + Settling.Ticks;
            Before = [.. Enumerable.Range(0, log.CaseCount).Where(c => log.CaseStartTime(c) < change)];
            After = [.. Enumerable.Range(0, log.CaseCount).Where(c => log.CaseStartTime(c) >= settled)];
            Directory.Delete(folder, recursive: true);
        }

        public PlantedFeedback Feedback { get; }

        public MonitorResult Result { get; }

        public int[] Before { get; }

        public int[] After { get; }
    }

    private readonly EventLog _log = Logs.Helpdesk;
    private readonly PlantedFeedback _feedback = run.Feedback;
    private readonly MonitorResult _result = run.Result;
    private readonly int[] _before = run.Before;
    private readonly int[] _after = run.After;
    private readonly Lazy<(int[] Codes, long LogEnd)> _customers = new(() => (AttributeCodes.ForCases(Logs.Helpdesk, "customer").Codes, Enumerable.Range(0, Logs.Helpdesk.CaseCount).Max(Logs.Helpdesk.CaseEndTime)));

    private KpiComparison Kpi(string key) => _result.Kpis.Single(k => k.Key == key);

    [Fact]
    public void Periods_CasesByStartLeavingOutTheSettlingIn()
    {
        Assert.Equal(_before.Length, _result.Before.Cases);
        Assert.Equal(_after.Length, _result.After.Cases);
        Assert.Equal(_log.CaseCount - _before.Length - _after.Length, _result.LeftOutSettling);
        Assert.Equal(_before.Sum(_log.CaseLength), _result.Before.Events);
        Assert.Equal(Change, _result.Before.To);
    }

    [Fact]
    public void MeanKpis_ValuesWelchIntervalsAndPValues()
    {
        CheckMean("throughput_mean", c => Seconds(_log.CaseEndTime(c) - _log.CaseStartTime(c)));
        CheckMean("events_per_case", c => _log.CaseLength(c));
        CheckMean("handovers_per_case", Handovers);
        CheckMean("cost_per_case", Cost);
        var scores = SatisfactionByCase();
        CheckMean("satisfaction", c => scores.TryGetValue(_log.CaseIds[c], out double s) ? s : double.NaN);
    }

    [Fact]
    public void WaitingMean_PerInstanceWelch()
    {
        var b = Reference.Waits(_log, "Resolve ticket", _before);
        var a = Reference.Waits(_log, "Resolve ticket", _after);
        CheckWelch(Kpi("waiting_mean:Resolve ticket"), b, a);
    }

    [Fact]
    public void RateKpis_SharesNewcombeIntervalsAndZTests()
    {
        CheckRate("rework_rate", c => Reference.HasRework(_log, c) ? 1 : 0);
        CheckRate("ping_pong_rate", PingPong);
        CheckRate("share_with:Wait", c => Reference.Contains(_log, c, "Wait") ? 1 : 0);
        var (codes, values) = AttributeCodes.ForCases(_log, "service_type");
        CheckRate("share:service_type=Value 2", c => values[codes[c]] == "Value 2" ? 1 : 0);
        CheckRate("breach_rate:resolve-30d", c => ResolveLate(c) ? 1 : 0);
        CheckRate("breach_rate", c => ResolveLate(c) || ResolvedBeforeCharge(c) ? 1 : 0);
        CheckRate("first_contact_resolution", NoRepeatContact);
    }

    [Fact]
    public void QuantileKpis_ExactValuesAndIntervalsCloseToAPlainBootstrap()
    {
        CheckQuantile(Kpi("throughput_median"), [.. _before.Select(Throughput)], [.. _after.Select(Throughput)], 0.5);
        CheckQuantile(Kpi("throughput_p90"), [.. _before.Select(Throughput)], [.. _after.Select(Throughput)], 0.9);
        CheckQuantile(Kpi("waiting_median:Take in charge ticket"), Reference.Waits(_log, "Take in charge ticket", _before), Reference.Waits(_log, "Take in charge ticket", _after), 0.5);
    }

    [Fact]
    public void Volume_CasesPerWholeWeekCountedFromTheChange()
    {
        long week = TimeSpan.FromDays(7).Ticks, change = Change.UtcTicks, settled = change + Settling.Ticks;
        long first = _before.Min(_log.CaseStartTime), last = _after.Max(_log.CaseStartTime);
        var b = new List<double>();
        for (long end = change; end - week >= first; end -= week)
        {
            b.Add(_before.Count(c => _log.CaseStartTime(c) >= end - week && _log.CaseStartTime(c) < end));
        }

        var a = new List<double>();
        for (long start = settled; start + week <= last + 1; start += week)
        {
            a.Add(_after.Count(c => _log.CaseStartTime(c) >= start && _log.CaseStartTime(c) < start + week));
        }

        CheckWelch(Kpi("volume"), b, a);
    }

    [Fact]
    public void Holm_AdjustedPValuesAndVerdicts()
    {
        var tested = _result.Kpis.Where(k => !double.IsNaN(k.PValue)).ToList();
        Assert.Equal(tested.Count, _result.Tested);
        var sorted = tested.OrderBy(k => k.PValue).ToList();
        double running = 0;
        for (int i = 0; i < sorted.Count; i++)
        {
            running = Math.Max(running, Math.Min(1, (sorted.Count - i) * sorted[i].PValue));
            Assert.Equal(running, sorted[i].AdjustedPValue, 12);
        }

        foreach (var k in tested)
        {
            var expected = k.AdjustedPValue < 0.05 && k.Difference != 0
                ? (k.Kpi.EffectiveDirection, k.Difference > 0) switch
                {
                    (KpiDirection.LowerIsBetter, true) => Verdict.Worse,
                    (KpiDirection.LowerIsBetter, false) => Verdict.Improved,
                    (KpiDirection.HigherIsBetter, true) => Verdict.Improved,
                    (KpiDirection.HigherIsBetter, false) => Verdict.Worse,
                    (_, true) => Verdict.Increased,
                    _ => Verdict.Decreased,
                }
                : k.Low >= -k.MeaningfulChange && k.High <= k.MeaningfulChange ? Verdict.NoDetectableChange : Verdict.Undecided;
            Assert.Equal(expected, k.Verdict);
        }
    }

    [Fact]
    public void DetectableChange_BonferroniLevelAndPower()
    {
        int m = _result.Tested;
        double factor = Normal.InvCDF(0, 1, 1 - (0.05 / m / 2)) + Normal.InvCDF(0, 1, 0.8);
        var b = _before.Select(c => (double)_log.CaseLength(c)).ToList();
        var a = _after.Select(c => (double)_log.CaseLength(c)).ToList();
        Assert.Equal(factor * Math.Sqrt((Var(b) / b.Count) + (Var(a) / a.Count)), Kpi("events_per_case").DetectableChange, 6);
        double p1 = _before.Average(c => Reference.HasRework(_log, c) ? 1.0 : 0), p2 = _after.Average(c => Reference.HasRework(_log, c) ? 1.0 : 0);
        Assert.Equal(factor * Math.Sqrt((p1 * (1 - p1) / _before.Length) + (p2 * (1 - p2) / _after.Length)), Kpi("rework_rate").DetectableChange, 9);
    }

    [Fact]
    public void PlanKpi_ReplacesTheStandardOneAndItsTargetIsJudgedOnTheAfterInterval()
    {
        var rework = Kpi("rework_rate");
        Assert.Equal("Rework", rework.Name);
        Assert.Equal(0.3, rework.Kpi.Baseline);
        int x = _after.Count(c => Reference.HasRework(_log, c));
        var (low, high) = Wilson(x, _after.Length);
        Assert.Equal(low, rework.AfterLow, 9);
        Assert.Equal(high, rework.AfterHigh, 9);
        var expected = high <= 0.25 ? Stepwise.Statistics.Targets.TargetVerdict.MetWithConfidence : low > 0.25 ? Stepwise.Statistics.Targets.TargetVerdict.MissedWithConfidence : Stepwise.Statistics.Targets.TargetVerdict.Undecided;
        Assert.Equal(expected, rework.Target);
    }

    [Fact]
    public void Mix_SharesStrataAndDirectStandardisation()
    {
        var (codes, values) = AttributeCodes.ForCases(_log, "service_type");
        var mix = _result.Mix!;
        foreach (var s in mix.Strata.Where(s => s.Stratum != "(other)"))
        {
            Assert.Equal(_before.Count(c => values[codes[c]] == s.Stratum), s.BeforeCases);
            Assert.Equal(_after.Count(c => values[codes[c]] == s.Stratum), s.AfterCases);
        }

        // Value 3 has too few cases after the change, so it is pooled as (other).
        Assert.Contains(mix.Strata, s => s.Stratum == "(other)");
        var groups = mix.Strata.Where(s => s.BeforeCases >= 20 && s.AfterCases >= 20).Select(s => s.Stratum).ToList();
        string GroupOf(int c) => groups.Contains(values[codes[c]]) ? values[codes[c]] : "(other)";

        // Mean and rate KPIs: the before-weighted sum of the within-stratum differences, normal interval.
        foreach (var (key, f) in new (string, Func<int, double>)[] { ("events_per_case", c => _log.CaseLength(c)), ("rework_rate", c => Reference.HasRework(_log, c) ? 1 : 0) })
        {
            var kpi = Kpi(key);
            double total = _before.Count(c => groups.Contains(GroupOf(c)));
            double estimate = 0, variance = 0;
            foreach (string g in groups)
            {
                var b = _before.Where(c => GroupOf(c) == g).Select(f).ToList();
                var a = _after.Where(c => GroupOf(c) == g).Select(f).ToList();
                double w = b.Count / total, d = a.Average() - b.Average();
                var stratum = kpi.Strata.Single(s => s.Stratum == g);
                Assert.Equal(d, stratum.Difference, 9);
                Assert.Equal(w, stratum.Weight, 9);
                estimate += w * d;
                double se2 = key == "rework_rate"
                    ? (b.Average() * (1 - b.Average()) / b.Count) + (a.Average() * (1 - a.Average()) / a.Count)
                    : (Var(b) / b.Count) + (Var(a) / a.Count);
                variance += w * w * se2;
            }

            Assert.Equal(estimate, kpi.Mix!.Difference, 9);
            Assert.Equal(estimate - (Z * Math.Sqrt(variance)), kpi.Mix.Low, 6);
            Assert.Equal(estimate + (Z * Math.Sqrt(variance)), kpi.Mix.High, 6);
            Assert.Equal(kpi.Difference - estimate, kpi.Mix.MixEffect, 9);
        }
    }

    [Fact]
    public void Trends_WeeklyMediansAndXmRLimitsBeforeTheChange()
    {
        var trend = _result.Trends.Single(t => t.Key == "throughput_median");
        Assert.Equal("XmR", trend.Chart);
        long week = TimeSpan.FromDays(7).Ticks, change = Change.UtcTicks;
        var weeks = _before.GroupBy(c => (change - 1 - _log.CaseStartTime(c)) / week)
            .Where(g => g.Count() >= 5).OrderByDescending(g => g.Key)
            .Select(g => (Start: change - ((g.Key + 1) * week), Median: Reference.Median([.. g.Select(Throughput)]))).ToList();
        var points = trend.Points.Where(p => p.Phase == TrendPhase.Before).ToList();
        Assert.Equal(weeks.Count, points.Count);
        for (int i = 0; i < weeks.Count; i++)
        {
            Assert.Equal(new DateTime(weeks[i].Start, DateTimeKind.Utc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), points[i].Label);
            Assert.Equal(weeks[i].Median, points[i].Value, 6);
        }

        double centre = weeks.Average(w => w.Median);
        double mr = Enumerable.Range(1, weeks.Count - 1).Average(i => Math.Abs(weeks[i].Median - weeks[i - 1].Median));
        Assert.Equal(centre, trend.BeforeCentre, 6);
        Assert.Equal(centre + (2.66 * mr), points[0].Upper, 6);
        Assert.Equal(centre - (2.66 * mr), points[0].Lower, 6);
        foreach (var p in trend.Points.Where(p => p.Phase == TrendPhase.After))
        {
            bool beyond = Math.Abs(p.Value - centre) > 3 * (2.66 * mr / 3);
            Assert.Equal(beyond, p.BaselineSignals.Contains(Stepwise.Statistics.Control.ControlRule.BeyondLimits));
        }
    }

    [Fact]
    public void Trends_ReworkPChartLimitsPerPoint()
    {
        var trend = _result.Trends.Single(t => t.Key == "rework_rate");
        Assert.Equal("p", trend.Chart);
        var before = trend.Points.Where(p => p.Phase == TrendPhase.Before).ToList();
        double pBar = before.Sum(p => p.Value * p.Count) / before.Sum(p => p.Count);
        Assert.Equal(pBar, trend.BeforeCentre, 9);
        foreach (var p in before)
        {
            Assert.Equal(Math.Min(1, pBar + (3 * Math.Sqrt(pBar * (1 - pBar) / p.Count))), p.Upper, 9);
        }
    }

    [Fact]
    public void Conformance_SharesOfCasesBreakingTheAgreementAndNewSteps()
    {
        var checks = _result.Conformance!.Checks;
        var removed = checks.Single(c => c.Kind == ConformanceKind.RemovedStep);
        Assert.Equal(_after.Count(c => Reference.Contains(_log, c, "Wait")), removed.AfterBreaking);
        Assert.Equal(_before.Count(c => Reference.Contains(_log, c, "Wait")), removed.BeforeBreaking);
        var mandatory = checks.Single(c => c.Kind == ConformanceKind.MandatoryStep);
        Assert.Equal(_after.Count(c => !Reference.Contains(_log, c, "Assign seriousness")), mandatory.AfterBreaking);
        var order = checks.Single(c => c.Kind == ConformanceKind.Order);
        Assert.Equal(_after.Count(ResolvedBeforeCharge), order.AfterBreaking);
        Assert.All(order.Examples, e => Assert.True(ResolvedBeforeCharge(_log.IndexOfCase(e.CaseId))));
        var (low, high) = Newcombe(removed.BeforeBreaking, _before.Length, removed.AfterBreaking, _after.Length);
        Assert.Equal(low, removed.Low, 9);
        Assert.Equal(high, removed.High, 9);

        var stepsBefore = _before.SelectMany(Names).ToHashSet();
        var stepsAfter = _after.SelectMany(Names).ToHashSet();
        Assert.Equal(stepsAfter.Except(stepsBefore).Order(), _result.Conformance.NewSteps.Select(s => s.From).Order());
        Assert.Equal(stepsBefore.Except(stepsAfter).Order(), _result.Conformance.GoneSteps.Select(s => s.From).Order());
        var pathsBefore = _before.SelectMany(Pairs).ToHashSet();
        var newPaths = _after.SelectMany(c => Pairs(c).Distinct()).Where(p => !pathsBefore.Contains(p)).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(newPaths.Count, _result.Conformance.NewPathCount);
        foreach (var path in _result.Conformance.NewPaths)
        {
            Assert.Equal(newPaths[(path.From, path.To!)], path.Cases);
        }
    }

    [Fact]
    public void Forecast_ValueAgainstTheAfterIntervalAndSavingsToDate()
    {
        var median = Kpi("throughput_median");
        var value = _result.Forecast.Single(f => f.Key == "throughput_median");
        var expected = median.AfterHigh < 30 * 86400.0 ? ForecastVerdict.BetterThanForecast : median.AfterLow > 35 * 86400.0 ? ForecastVerdict.ShortOfForecast : ForecastVerdict.AsForecast;
        Assert.Equal(expected, value.Verdict);
        var savings = _result.Forecast.Single(f => f.Key == "savings");
        var cost = Kpi("cost_per_case");
        Assert.Equal(-cost.Difference * _after.Length, savings.Actual, 6);
        Assert.Equal(1000 * (_result.After.To - _result.After.From).TotalDays / 365.25, savings.ForecastLow, 6);
    }

    private void CheckMean(string key, Func<int, double> value)
    {
        var b = _before.Select(value).Where(v => !double.IsNaN(v)).ToList();
        var a = _after.Select(value).Where(v => !double.IsNaN(v)).ToList();
        CheckWelch(Kpi(key), b, a);
    }

    private static void CheckWelch(KpiComparison kpi, IReadOnlyList<double> b, IReadOnlyList<double> a)
    {
        double m1 = b.Average(), m2 = a.Average(), s1 = Var(b) / b.Count, s2 = Var(a) / a.Count, se = Math.Sqrt(s1 + s2);
        double df = (s1 + s2) * (s1 + s2) / ((s1 * s1 / (b.Count - 1)) + (s2 * s2 / (a.Count - 1)));
        double t = StudentT.InvCDF(0, 1, df, 0.975);
        Assert.Equal(b.Count, kpi.BeforeCount);
        Assert.Equal(a.Count, kpi.AfterCount);
        Close(m1, kpi.Before);
        Close(m2, kpi.After);
        Close(m2 - m1, kpi.Difference);
        Close(m2 - m1 - (t * se), kpi.Low);
        Close(m2 - m1 + (t * se), kpi.High);
        Close(2 * StudentT.CDF(0, 1, df, -Math.Abs(m2 - m1) / se), kpi.PValue);
    }

    private void CheckRate(string key, Func<int, double> value)
    {
        var kpi = Kpi(key);
        var b = _before.Select(value).Where(v => !double.IsNaN(v)).ToList();
        var a = _after.Select(value).Where(v => !double.IsNaN(v)).ToList();
        int x1 = (int)b.Sum(), x2 = (int)a.Sum();
        Assert.Equal(b.Count, kpi.BeforeCount);
        Assert.Equal(a.Count, kpi.AfterCount);
        Assert.Equal(b.Average(), kpi.Before, 12);
        Assert.Equal(a.Average(), kpi.After, 12);
        var (low, high) = Newcombe(x1, b.Count, x2, a.Count);
        Assert.Equal(low, kpi.Low, 9);
        Assert.Equal(high, kpi.High, 9);
        double pooled = (double)(x1 + x2) / (b.Count + a.Count);
        double z = (a.Average() - b.Average()) / Math.Sqrt(pooled * (1 - pooled) * ((1.0 / b.Count) + (1.0 / a.Count)));
        Assert.Equal(2 * Normal.CDF(0, 1, -Math.Abs(z)), kpi.PValue, 9);
    }

    /// <summary>
    /// Values exact; interval ends against a plain resampling bootstrap (4,000 resamples with replacement). The
    /// bootstrap distributions of these quantiles are lumpy (many tied times), so an end is compared by its level: the
    /// engine's lower end must lie between the plain bootstrap's 1.5% and 3.5% points, its upper end between the 96.5%
    /// and 98.5% points (the Monte Carlo error of a 2.5% point's level is about 0.0016 at 10,000 resamples and 0.0025
    /// at 4,000).
    /// </summary>
    private static void CheckQuantile(KpiComparison kpi, IReadOnlyList<double> b, IReadOnlyList<double> a, double p)
    {
        Assert.Equal(Reference.Quantile(b, p), kpi.Before, 6);
        Assert.Equal(Reference.Quantile(a, p), kpi.After, 6);
        var random = new Random(17);
        var diffs = new double[4000];
        var rb = new double[b.Count];
        var ra = new double[a.Count];
        for (int r = 0; r < diffs.Length; r++)
        {
            for (int i = 0; i < rb.Length; i++)
            {
                rb[i] = b[random.Next(b.Count)];
            }

            for (int i = 0; i < ra.Length; i++)
            {
                ra[i] = a[random.Next(a.Count)];
            }

            Array.Sort(rb);
            Array.Sort(ra);
            diffs[r] = Sorted(ra, p) - Sorted(rb, p);
        }

        Array.Sort(diffs);
        Assert.InRange(kpi.Low, Sorted(diffs, 0.015), Sorted(diffs, 0.035));
        Assert.InRange(kpi.High, Sorted(diffs, 0.965), Sorted(diffs, 0.985));
    }

    private static double Sorted(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        return lo + 1 < sorted.Length ? sorted[lo] + ((h - lo) * (sorted[lo + 1] - sorted[lo])) : sorted[lo];
    }

    /// <summary>Equal to nine significant digits (the two implementations sum in different orders).</summary>
    private static void Close(double expected, double actual)
        => Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, found {actual:R}");

    private static (double Low, double High) Wilson(int x, int n)
    {
        double p = (double)x / n, z2 = Z * Z;
        double centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        double half = Z / (1 + (z2 / n)) * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n)));
        return (centre - half, centre + half);
    }

    /// <summary>Newcombe (1998) method 10 for the after share minus the before share.</summary>
    private static (double Low, double High) Newcombe(int x1, int n1, int x2, int n2)
    {
        double p1 = (double)x1 / n1, p2 = (double)x2 / n2;
        var (l1, u1) = Wilson(x1, n1);
        var (l2, u2) = Wilson(x2, n2);
        return (p2 - p1 - Math.Sqrt(((p2 - l2) * (p2 - l2)) + ((u1 - p1) * (u1 - p1))), p2 - p1 + Math.Sqrt(((u2 - p2) * (u2 - p2)) + ((p1 - l1) * (p1 - l1))));
    }

    private static double Var(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
    }

    private static double Seconds(long ticks) => ticks / 1e7;

    private double Throughput(int c) => Seconds(_log.CaseEndTime(c) - _log.CaseStartTime(c));

    private double Handovers(int c)
    {
        int n = 0;
        for (int e = _log.CaseStart(c) + 1; e < _log.CaseEnd(c); e++)
        {
            n += _log.Resources[e] >= 0 && _log.Resources[e - 1] >= 0 && _log.Resources[e] != _log.Resources[e - 1] ? 1 : 0;
        }

        return n;
    }

    /// <summary>1 where the case's resources, split where an event has none and with runs of one resource taken as
    /// one, read X, Y, X somewhere (work handed straight back), else 0.</summary>
    private double PingPong(int c)
    {
        var runs = new List<int>();
        for (int e = _log.CaseStart(c); e < _log.CaseEnd(c); e++)
        {
            int r = _log.Resources[e];
            if (r < 0)
            {
                runs.Add(-1);
            }
            else if (runs.Count == 0 || runs[^1] != r)
            {
                runs.Add(r);
            }
        }

        for (int i = 0; i + 2 < runs.Count; i++)
        {
            if (runs[i] >= 0 && runs[i + 1] >= 0 && runs[i] == runs[i + 2])
            {
                return 1;
            }
        }

        return 0;
    }

    private double Cost(int c)
    {
        var minutes = new Dictionary<string, double> { ["Take in charge ticket"] = 12, ["Resolve ticket"] = 30, ["Assign seriousness"] = 6, ["Wait"] = 2 };
        double total = 0;
        foreach (string name in Names(c))
        {
            total += (minutes.GetValueOrDefault(name) / 60 * 30) + (name == "Closed" ? 0.4 : 0);
        }

        return total;
    }

    private Dictionary<string, double> SatisfactionByCase()
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var r in _feedback.Responses.Where(r => r.CaseId is not null))
        {
            scores.TryAdd(r.CaseId!, r.Overall);
        }

        return scores;
    }

    private bool ResolveLate(int c)
    {
        long start = _log.CaseStartTime(c), limit = TimeSpan.FromDays(30).Ticks;
        for (int e = _log.CaseStart(c); e < _log.CaseEnd(c); e++)
        {
            if (_log.ActivityNames[_log.Activities[e]] == "Resolve ticket")
            {
                return _log.Times[e] - start > limit;
            }
        }

        return _log.CaseEndTime(c) - start > limit;
    }

    private bool ResolvedBeforeCharge(int c)
    {
        var names = Names(c).ToList();
        int resolve = names.IndexOf("Resolve ticket");
        return resolve >= 0 && !names.Take(resolve).Contains("Take in charge ticket");
    }

    /// <summary>1 when the customer opens no other case from this case's start to 7 days after its end; NaN without a
    /// customer or when those 7 days reach past the log's last event.</summary>
    private double NoRepeatContact(int c)
    {
        var (codes, logEnd) = _customers.Value;
        long end = _log.CaseEndTime(c), limit = end + TimeSpan.FromDays(7).Ticks;
        if (codes[c] < 0)
        {
            return double.NaN;
        }

        bool repeat = Enumerable.Range(0, _log.CaseCount).Any(d => d != c && codes[d] == codes[c]
            && (_log.CaseStartTime(d) > _log.CaseStartTime(c) || (_log.CaseStartTime(d) == _log.CaseStartTime(c) && d > c))
            && _log.CaseStartTime(d) <= limit);
        return repeat ? 0 : limit > logEnd ? double.NaN : 1;
    }

    private IEnumerable<string> Names(int c)
    {
        for (int e = _log.CaseStart(c); e < _log.CaseEnd(c); e++)
        {
            yield return _log.ActivityNames[_log.Activities[e]];
        }
    }

    private IEnumerable<(string, string)> Pairs(int c)
    {
        var names = Names(c).ToList();
        for (int i = 1; i < names.Count; i++)
        {
            yield return (names[i - 1], names[i]);
        }
    }
}
