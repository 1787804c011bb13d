using System.Globalization;
using Stepwise.Mining;
using Stepwise.Mining.Time;
using Stepwise.Simulation.Engine;
using Stepwise.Simulation.Model;

namespace Stepwise.Simulation.Validation;

/// <summary>
/// Simulates a model over the period of the log it came from and compares: cases per week, how often each step is
/// executed per case, median and 90th-percentile throughput time, the median time before the last step (from a case's
/// first event until its last step is due, so that a long last step such as a closing timer cannot stand in for the
/// work before it), waiting per step (when the log has start times), and the distance between the throughput-time
/// distributions.
/// </summary>
public static class ModelValidation
{
    /// <summary>Relative tolerance on step frequencies (5%).</summary>
    public const double FrequencyTolerance = 0.05;

    /// <summary>Relative tolerance on the median and the 90th percentile of the throughput time (15%).</summary>
    public const double ThroughputTolerance = 0.15;

    /// <summary>The group of the measures of the time before the last step.</summary>
    public const string BeforeLastStep = "before last step";

    /// <summary>Steps executed fewer times than this in the log are compared without a target: over 10 replications
    /// their simulated frequency varies by more than 1.6% (one standard error), so a 5% test would fail by chance
    /// too often.</summary>
    public const int MinEventsForTarget = 400;

    /// <summary>The least share of the log's events whose steps the model knows for the model to fit the log.</summary>
    public const double MinFit = 0.95;

    /// <summary>Simulates <paramref name="model"/> over the log's period and compares it with <paramref name="view"/>.</summary>
    public static ValidationReport Validate(LogView view, SimulationModel model, int replications = 10, long seed = 1, int? maxParallelism = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(model);
        var log = view.Log;
        int cases = view.CaseCount;
        long first = long.MaxValue, last = long.MinValue;
        var throughput = new double[cases];
        var beforeLast = new double[cases];
        var executions = new long[log.ActivityNames.Count];
        var waitSum = new double[log.ActivityNames.Count];
        var waitCount = new long[log.ActivityNames.Count];
        for (int i = 0; i < cases; i++)
        {
            int c = view.CaseAt(i);
            long start = log.CaseStartTime(c);
            first = Math.Min(first, start);
            last = Math.Max(last, start);
            throughput[i] = (log.CaseEndTime(c) - start) / (double)TimeSpan.TicksPerSecond;
            // When the last step became due: the completion of the event before it (the case's start for one event).
            int length = log.CaseLength(c);
            beforeLast[i] = length < 2 ? 0 : Math.Max(0, log.Times[log.CaseEnd(c) - 2] - start) / (double)TimeSpan.TicksPerSecond;
            long previous = start;
            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                executions[log.Activities[e]]++;
                if (log.HasStartTimes && log.StartTimes[e] != Timestamp.None)
                {
                    waitSum[log.Activities[e]] += Math.Max(0, log.StartTimes[e] - previous) / (double)TimeSpan.TicksPerSecond;
                    waitCount[log.Activities[e]]++;
                }

                previous = Math.Max(previous, log.Times[e]);
            }
        }

        // One hour past the last arrival so that it is inside the simulated period too.
        var horizon = TimeSpan.FromTicks(last - first) + TimeSpan.FromHours(1);
        var result = Simulator.Run(model, new SimulationOptions
        {
            Replications = replications,
            Seed = seed,
            Start = new DateTime(first, DateTimeKind.Utc),
            Horizon = horizon,
            MaxParallelism = maxParallelism,
        }, cancellation: cancellation);

        var metrics = new List<ValidationMetric>();
        var notes = new List<string>();
        double weeks = horizon.TotalDays / 7;
        double simulatedArrivals = result.Replications.Average(r => (double)r.Arrivals);
        metrics.Add(new ValidationMetric("arrivals", "cases per week", cases / weeks, simulatedArrivals / weeks, null, "count"));

        var stepIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int a = 0; a < result.Model.Activities.Count; a++)
        {
            stepIndex[result.Model.Activities[a].Name] = a;
        }

        for (int a = 0; a < log.ActivityNames.Count; a++)
        {
            if (executions[a] == 0)
            {
                continue;
            }

            string name = log.ActivityNames[a];
            double simulated = stepIndex.TryGetValue(name, out int s)
                ? result.Replications.Sum(r => (double)r.StepExecutions[s]) / Math.Max(1, result.Replications.Sum(r => (double)r.Arrivals))
                : 0;
            double? tolerance = executions[a] >= MinEventsForTarget ? FrequencyTolerance : null;
            metrics.Add(new ValidationMetric("step frequency", name, (double)executions[a] / cases, simulated, tolerance, "per case"));
        }

        Array.Sort(throughput);
        metrics.Add(new ValidationMetric("throughput", "median", Quantile(throughput, 0.5), result.Kpi(Statistics.Kpis.ThroughputMedian)!.Estimate.Mean, ThroughputTolerance, "seconds"));
        metrics.Add(new ValidationMetric("throughput", "p90", Quantile(throughput, 0.9), result.Kpi(Statistics.Kpis.ThroughputP90)!.Estimate.Mean, ThroughputTolerance, "seconds"));
        metrics.Add(new ValidationMetric("throughput", "mean", throughput.Average(), result.Replications.Average(r => r.ThroughputSeconds.Mean), null, "seconds"));
        Array.Sort(beforeLast);
        metrics.Add(new ValidationMetric(BeforeLastStep, "median", Quantile(beforeLast, 0.5), result.Replications.Average(r => r.BeforeLastStepSeconds.Quantile(0.5)), ThroughputTolerance, "seconds"));
        metrics.Add(new ValidationMetric(BeforeLastStep, "p90", Quantile(beforeLast, 0.9), result.Replications.Average(r => r.BeforeLastStepSeconds.Quantile(0.9)), null, "seconds"));

        if (log.HasStartTimes)
        {
            for (int a = 0; a < log.ActivityNames.Count; a++)
            {
                if (waitCount[a] == 0 || !stepIndex.TryGetValue(log.ActivityNames[a], out int s))
                {
                    continue;
                }

                double simWaits = result.Replications.Sum(r => (double)r.StepWaits[s]);
                double simulated = simWaits == 0 ? double.NaN : result.Replications.Sum(r => r.StepWaitingSeconds[s]) / simWaits;
                metrics.Add(new ValidationMetric("waiting", log.ActivityNames[a], waitSum[a] / waitCount[a], simulated, null, "seconds"));
            }
        }
        else
        {
            notes.Add("The log has no start times, so it does not show how long cases waited for staff before each step: waiting per step is not compared.");
        }

        var pooled = result.PooledThroughput();
        double ks = 0;
        for (int i = 0; i < throughput.Length; i++)
        {
            double f = pooled.Cdf(throughput[i]);
            ks = Math.Max(ks, Math.Max(((i + 1.0) / throughput.Length) - f, f - ((double)i / throughput.Length)));
        }

        metrics.Add(new ValidationMetric("distance", "throughput-time KS distance", 0, ks, null, "share"));
        var warnings = Fit(log, executions, stepIndex, cases / weeks, simulatedArrivals / weeks);
        if (Unsteady(view, first) is { } unsteady)
        {
            warnings.Add(unsteady);
        }

        return new ValidationReport(metrics, ks, replications, notes) { Warnings = warnings };
    }

    /// <summary>Whether the model describes the log at all: a model compared with a log of another process (or period)
    /// gives figures that mean nothing, so that is said before them.</summary>
    private static List<string> Fit(EventLog log, long[] executions, Dictionary<string, int> modelSteps, double observedPerWeek, double simulatedPerWeek)
    {
        var warnings = new List<string>();
        long total = executions.Sum(), known = 0;
        var missing = new List<(string Name, long Events)>();
        for (int a = 0; a < executions.Length; a++)
        {
            if (executions[a] == 0)
            {
                continue;
            }

            if (modelSteps.ContainsKey(log.ActivityNames[a]))
            {
                known += executions[a];
            }
            else
            {
                missing.Add((log.ActivityNames[a], executions[a]));
            }
        }

        double share = total == 0 ? 0 : (double)known / total;
        if (share < MinFit)
        {
            var named = missing.OrderByDescending(m => m.Events).Take(5).Select(m => $"'{m.Name}'");
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"The model does not fit this log: {missing.Count:N0} of the log's {executions.Count(x => x > 0):N0} steps ({(1 - share) * 100:0.#}% of its events) are not in the model ({string.Join(", ", named)}{(missing.Count > 5 ? ", ..." : string.Empty)}), so the comparison below is between different processes."));
        }

        if (observedPerWeek > 0 && Math.Abs((simulatedPerWeek / observedPerWeek) - 1) > 0.5)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"The model's arrivals ({simulatedPerWeek:N1} cases a week) differ from the log's ({observedPerWeek:N1}) by more than half: it describes another period, another process or a changed demand."));
        }

        return warnings;
    }

    /// <summary>The share of the cases in the busiest tenth of the weeks beyond which arrivals are not steady (a
    /// steady stream puts about a tenth of the cases there, the help desk log 21%, BPI Challenge 2013 98%).</summary>
    public const double UnsteadyShare = 0.5;

    /// <summary>
    /// Whether the cases arrived far from steadily: when the busiest tenth of the weeks (of ten or more) holds more
    /// than half of the cases, a model that spreads the arrivals over the whole period shows the queues of an average
    /// week, which no week had, and a change in staffing shows no effect though the busy weeks would feel it.
    /// </summary>
    private static string? Unsteady(LogView view, long first)
    {
        var log = view.Log;
        const long week = 7 * TimeSpan.TicksPerDay;
        var counts = new List<int>();
        for (int i = 0; i < view.CaseCount; i++)
        {
            int w = (int)((log.CaseStartTime(view.CaseAt(i)) - first) / week);
            while (counts.Count <= w)
            {
                counts.Add(0);
            }

            counts[w]++;
        }

        if (counts.Count < 10 || view.CaseCount == 0)
        {
            return null;
        }

        int[] sorted = [.. counts.OrderByDescending(c => c)];
        int tenth = counts.Count / 10;
        double share = (double)sorted.Take(tenth).Sum() / view.CaseCount;
        if (share <= UnsteadyShare)
        {
            return null;
        }

        double average = (double)view.CaseCount / counts.Count;
        return string.Create(CultureInfo.InvariantCulture,
            $"Arrivals are far from steady: the busiest {tenth:N0} of the {counts.Count:N0} weeks hold {share * 100:0}% of the cases (the busiest week {sorted[0]:N0}, against {average:N1} a week on average). The model spreads the arrivals over the whole period, so its queues, waiting and utilisation are those of an average week, and a change of staff may show no effect that the busy weeks would feel: to judge such a change, simulate the busy period alone (the log filtered to those weeks).");
    }

    private static double Quantile(double[] sorted, double p)
    {
        double pos = p * (sorted.Length - 1);
        int lo = (int)pos;
        return lo >= sorted.Length - 1 ? sorted[^1] : sorted[lo] + ((pos - lo) * (sorted[lo + 1] - sorted[lo]));
    }
}
