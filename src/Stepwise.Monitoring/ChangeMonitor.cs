using MathNet.Numerics.Distributions;
using Stepwise.Mining;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.Time;
using Stepwise.Monitoring.Comparison;
using Stepwise.Monitoring.Conformance;
using Stepwise.Monitoring.Forecasts;
using Stepwise.Monitoring.Inference;
using Stepwise.Monitoring.Kpis;
using Stepwise.Monitoring.Measures;
using Stepwise.Monitoring.Mix;
using Stepwise.Monitoring.Periods;
using Stepwise.Monitoring.Trends;
using Stepwise.Statistics.Inference;
using Stepwise.Statistics.Targets;

namespace Stepwise.Monitoring;

/// <summary>
/// Answers "did the change work?" for a process: the entry point hosts (the command line, the workbench) call. It
/// measures every KPI before and after the change, compares them with the test suited to each, adjusts the p-values
/// for the number of KPIs, gives each a verdict with the smallest change the data could have detected, adjusts for
/// the mix of cases, charts each KPI across the change, checks what was agreed and sets forecasts beside what
/// happened. A pure function of the request: no clock, no storage, randomness only from the options' seed.
/// </summary>
public static class ChangeMonitor
{
    /// <summary>Monitors the change described by <paramref name="request"/>.</summary>
    /// <param name="request">The periods, KPIs and inputs.</param>
    /// <param name="progress">Receives the fraction done.</param>
    /// <param name="cancellation">Stops between parts.</param>
    /// <exception cref="MonitorOptionException">A period is empty, or an attribute the options name is not in a log.</exception>
    public static MonitorResult Run(MonitorRequest request, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.Options;
        var periods = request.Periods.Resolve();
        var logs = new[] { periods.Before.Log, periods.After.Log }.Distinct().ToList();
        CheckAttributes(logs, request);
        var notes = new List<string>();
        var fcrMethod = FirstContactReader.Method(logs, options.FirstContact, options.HandoverBy);
        var fcrByLog = logs.ToDictionary(l => l, l => FirstContactReader.ByCase(l, options.FirstContact, fcrMethod));
        bool proxy = fcrMethod == FirstContactMethod.OneHandlerNoRework;
        var strata = options.MixBy is null ? null : new StrataTable();
        var before = PeriodMeasures.Compute(periods.Before, periods.BeforeTime, request, fcrByLog[periods.Before.Log], proxy, strata, notes, "before", cancellation);
        progress?.Report(0.25);
        var after = PeriodMeasures.Compute(periods.After, periods.AfterTime, request, fcrByLog[periods.After.Log], proxy, strata, notes, "after", cancellation);
        progress?.Report(0.5);
        if (fcrMethod != FirstContactMethod.None)
        {
            notes.Add(FirstContactReader.Describe(fcrMethod, options.FirstContact));
        }

        var buckets = Buckets.Of(periods, options.Interval);
        var mix = strata is null ? null : MixAnalysis.Prepare(options.MixBy!, strata, before, after, buckets, options);
        var followUp = FollowUp.Of(periods.Before, periods.After, before.Throughput);
        if (followUp is { CutShort: true })
        {
            notes.Add(followUp.Describe());
        }

        var kpis = KpisToMonitor(request, before, after, fcrMethod != FirstContactMethod.None);
        // KPIs are independent (each draws from its own seeded stream), so they are compared in parallel.
        var measuredArray = new (MonitoredKpi Kpi, Sample Before, Sample After, TwoSampleResult? Result, string? Note)[kpis.Count];
        Parallel.For(0, kpis.Count, new ParallelOptions { CancellationToken = cancellation }, i => measuredArray[i] = Measure(kpis[i], before, after, buckets, options));
        var measured = measuredArray.ToList();

        progress?.Report(0.7);
        var comparisons = Decide(measured, options, mix, followUp is { CutShort: true }, out int tested);
        progress?.Report(0.85);
        var trends = !options.Parts.HasFlag(MonitorParts.Trends) ? [] : measured.Where(m => m.Result is not null).AsParallel().AsOrdered()
            .Select(m => TrendBuilder.Build(m.Kpi, m.Before, m.After, before.Time, after.Time, buckets, options)).ToList();
        var conformance = options.Parts.HasFlag(MonitorParts.Conformance) || request.Agreed is not null
            ? ConformanceAnalysis.Compute(periods.Before, periods.After, request.Agreed, options, options.Parts.HasFlag(MonitorParts.Conformance))
            : null;
        var beforeSummary = Summary("before", periods.Before, periods.BeforeFrom, periods.BeforeTo);
        var afterSummary = Summary("after", periods.After, periods.AfterFrom, periods.AfterTo);
        var forecast = request.Forecast is null ? [] : ForecastComparison.Compare(request.Forecast, comparisons, periods.After.CaseCount, afterSummary.Days);
        if (!ReferenceEquals(options.Measure, DurationMeasure.Elapsed))
        {
            notes.Add("Times are in working time: " + options.Measure.Description + ".");
        }

        progress?.Report(1);
        return new MonitorResult
        {
            Before = beforeSummary,
            After = afterSummary,
            ChangeDate = periods.Change is { } change ? Timestamp.ToDateTimeOffset(change) : null,
            SettlingIn = request.Periods is ChangeDateSplit split ? split.SettlingIn : TimeSpan.Zero,
            LeftOutSettling = periods.Settling,
            LeftOutAcross = periods.Across,
            Kpis = comparisons,
            Confidence = options.Confidence,
            Adjustment = options.Adjustment,
            Tested = tested,
            FirstContact = fcrMethod,
            Mix = mix?.Report,
            Trends = trends,
            Conformance = conformance,
            Forecast = forecast,
            ForecastSource = request.Forecast?.Source,
            Notes = notes,
            FollowUp = followUp,
        };
    }

    private static void CheckAttributes(List<EventLog> logs, MonitorRequest request)
    {
        var options = request.Options;
        var named = new List<(string? Attribute, string Field)>
        {
            (options.HandoverBy, nameof(MonitorOptions.HandoverBy)),
            (options.MixBy, nameof(MonitorOptions.MixBy)),
            (request.Feedback is null ? null : request.Link.CustomerAttribute, "CustomerAttribute"),
        };
        foreach (var (attribute, field) in named)
        {
            foreach (var log in logs)
            {
                if (attribute is not null && !AttributeCodes.Exists(log, attribute))
                {
                    var names = log.CaseAttributes.Select(a => a.Name).Concat(log.EventAttributes.Select(a => a.Name)).Append("org:resource");
                    throw new MonitorOptionException(field, $"The log has no attribute '{attribute}'; it has: {string.Join(", ", names)}.");
                }
            }
        }
    }

    private static List<MonitoredKpi> KpisToMonitor(MonitorRequest request, PeriodMeasures before, PeriodMeasures after, bool firstContact)
    {
        IReadOnlyList<MonitoredKpi> list = request.Kpis ?? StandardKpis.For(
            firstContact,
            request.Rules is not null,
            request.Cost is not null,
            request.Feedback is not null,
            WaitingSteps(before, after, request.Options));
        var result = new List<MonitoredKpi>();
        foreach (var kpi in list)
        {
            var plan = request.PlanKpis.FirstOrDefault(p => p.Measure.Equals(kpi.Measure));
            if (!result.Any(r => r.Measure.Equals(kpi.Measure)))
            {
                result.Add(plan ?? kpi);
            }
        }

        foreach (var plan in request.PlanKpis)
        {
            if (!result.Any(r => r.Measure.Equals(plan.Measure)))
            {
                result.Add(plan);
            }
        }

        return result;
    }

    /// <summary>The most frequent steps before the change that are also seen after it.</summary>
    private static IEnumerable<string> WaitingSteps(PeriodMeasures before, PeriodMeasures after, MonitorOptions options)
    {
        var afterSteps = after.View.Log.ActivityNames;
        return before.StepVolumes()
            .Where(s => afterSteps.Contains(s.Step) && before.WaitingCount(s.Step) >= options.MinValues && after.WaitingCount(s.Step) >= options.MinValues)
            .Take(options.WaitingSteps)
            .Select(s => s.Step)
            .ToList();
    }

    private static (MonitoredKpi Kpi, Sample Before, Sample After, TwoSampleResult? Result, string? Note) Measure(MonitoredKpi kpi, PeriodMeasures before, PeriodMeasures after, Buckets buckets, MonitorOptions options)
    {
        var measure = kpi.Measure;
        Sample b, a;
        if (measure.Family == KpiFamily.Volume)
        {
            b = new Sample(buckets.Counts(before.Time, true), []);
            a = new Sample(buckets.Counts(after.Time, false), []);
            if (b.Count < 2 || a.Count < 2)
            {
                string unit = options.Interval == TrendInterval.Day ? "days" : "weeks";
                return (kpi, b, a, null, $"volume needs at least 2 whole {unit} in each period; there are {b.Count} before and {a.Count} after (use daily intervals for short periods)");
            }
        }
        else
        {
            var sb = KpiSamples.For(measure, before, out string? missingBefore);
            var sa = KpiSamples.For(measure, after, out string? missingAfter);
            if (sb is null || sa is null)
            {
                return (kpi, default, default, null, missingBefore ?? missingAfter);
            }

            (b, a) = (sb.Value, sa.Value);
            if (b.Count < options.MinValues || a.Count < options.MinValues)
            {
                string what = measure.IsPerStepInstance ? "instances" : "cases";
                return (kpi, b, a, null, $"too few values to compare: {b.Count:N0} {what} before and {a.Count:N0} after (at least {options.MinValues} each)");
            }
        }

        var result = KpiComparer.Compare(measure, b.Values, a.Values, options, StreamSeed.Of(options.Seed, measure.Key));
        return (kpi, b, a, result, null);
    }

    private static List<KpiComparison> Decide(List<(MonitoredKpi Kpi, Sample Before, Sample After, TwoSampleResult? Result, string? Note)> measured, MonitorOptions options, MixAnalysis? mix, bool cutShort, out int tested)
    {
        var raw = measured.Select(m => m.Result?.PValue ?? double.NaN).ToList();
        var adjusted = MultipleComparisons.Adjust(raw, options.Adjustment);
        tested = raw.Count(p => !double.IsNaN(p));
        double alphaEach = options.Adjustment == Adjustment.None || tested == 0 ? options.Alpha : options.Alpha / tested;
        double detectable = Normal.InvCDF(0, 1, 1 - (alphaEach / 2)) + Normal.InvCDF(0, 1, options.Power);
        var mixed = new (IReadOnlyList<StratumChange> Strata, double Difference, double Low, double High, double PValue, double Coverage)?[measured.Count];
        if (mix is not null)
        {
            Parallel.For(0, measured.Count, i =>
            {
                if (measured[i].Result is not null && measured[i].Kpi.Measure.Family != KpiFamily.Volume)
                {
                    mixed[i] = mix.Compare(measured[i].Kpi.Measure, measured[i].Before, measured[i].After, options);
                }
            });
        }

        var mixAdjusted = MultipleComparisons.Adjust([.. mixed.Select(m => m?.PValue ?? double.NaN)], options.Adjustment);
        var comparisons = new List<KpiComparison>(measured.Count);
        for (int i = 0; i < measured.Count; i++)
        {
            var (kpi, _, _, result, note) = measured[i];
            if (result is null)
            {
                comparisons.Add(new KpiComparison { Kpi = kpi, Note = note });
                continue;
            }

            double meaningful = Meaningful(kpi, result, options);
            var direction = kpi.EffectiveDirection;
            var verdict = VerdictRules.Decide(result.Difference, result.Low, result.High, adjusted[i], options.Alpha, meaningful, direction);
            bool withheld = cutShort && OfWholeCases(kpi.Measure.Kind) && verdict != Verdict.NotMeasured;
            if (withheld)
            {
                verdict = Verdict.Undecided;
                note = "withheld: the after cases were cut short by the end of the data (see the notes)";
            }
            MixAdjustment? adjustment = null;
            if (mixed[i] is { } m && !double.IsNaN(m.Difference))
            {
                var mixVerdict = VerdictRules.Decide(m.Difference, m.Low, m.High, mixAdjusted[i], options.Alpha, meaningful, direction);
                var source = VerdictWords.IsChange(mixVerdict) ? ChangeSource.Process : VerdictWords.IsChange(verdict) ? ChangeSource.Mix : ChangeSource.None;
                adjustment = new MixAdjustment(m.Difference, m.Low, m.High, m.PValue, mixAdjusted[i], result.Before + m.Difference, result.Difference - m.Difference, mixVerdict, source, m.Coverage);
            }

            comparisons.Add(new KpiComparison
            {
                Kpi = kpi,
                Test = result.Test,
                Before = result.Before,
                After = result.After,
                Difference = result.Difference,
                Low = result.Low,
                High = result.High,
                PValue = result.PValue,
                AdjustedPValue = adjusted[i],
                Verdict = verdict,
                DetectableChange = detectable * result.StandardError,
                MeaningfulChange = meaningful,
                BeforeCount = result.BeforeCount,
                AfterCount = result.AfterCount,
                AfterLow = result.AfterLow,
                AfterHigh = result.AfterHigh,
                Target = Target(kpi, result),
                Strata = mixed[i]?.Strata ?? [],
                Mix = adjustment,
                Note = note,
                CutShort = withheld,
            });
        }

        return comparisons;
    }

    /// <summary>Whether a KPI is measured on a case's events up to its end, so that a case cut short by the end of the
    /// data understates it (volume, linked feedback and case attributes are not).</summary>
    private static bool OfWholeCases(KpiKind kind)
        => kind is not (KpiKind.Volume or KpiKind.Satisfaction or KpiKind.AttributeMean or KpiKind.AttributeShare);

    private static double Meaningful(MonitoredKpi kpi, TwoSampleResult result, MonitorOptions options)
    {
        if (kpi.MeaningfulChange is { } given)
        {
            return given;
        }

        double reference = result.Before != 0 ? Math.Abs(result.Before) : Math.Abs(result.After);
        double relative = options.MeaningfulChange * reference;
        return kpi.Measure.Family == KpiFamily.Proportion ? Math.Max(options.MeaningfulRateChange, relative) : relative;
    }

    private static TargetVerdict? Target(MonitoredKpi kpi, TwoSampleResult result)
    {
        if (kpi.Target is not { } target || kpi.EffectiveDirection == KpiDirection.None || double.IsNaN(result.AfterLow) || double.IsNaN(result.AfterHigh))
        {
            return null;
        }

        bool higher = kpi.EffectiveDirection == KpiDirection.HigherIsBetter;
        double worst = higher ? result.AfterLow : result.AfterHigh, best = higher ? result.AfterHigh : result.AfterLow;
        bool meets = higher ? worst >= target : worst <= target;
        bool misses = higher ? best < target : best > target;
        return meets ? TargetVerdict.MetWithConfidence : misses ? TargetVerdict.MissedWithConfidence : TargetVerdict.Undecided;
    }

    private static PeriodSummary Summary(string name, LogView view, long from, long to)
        => new(name, view.CaseCount, view.EventCount, Timestamp.ToDateTimeOffset(from), Timestamp.ToDateTimeOffset(to));
}
