using System.Globalization;
using Stepwise.Mining;
using Stepwise.Simulation.Calendars;
using Stepwise.Simulation.Distributions;
using Stepwise.Simulation.Model;

namespace Stepwise.Simulation.Discovery;

/// <summary>
/// Steps and pools of a log without start times. The log shows when each step was completed, not when work on it
/// began, so the time since the previous step ended holds both waiting and work. It is split:
/// <list type="bullet">
/// <item>work: for each completion by a person, the time since that person's previous completion (in any case) is the
///   most they can have spent on it; where that gap is at most <see cref="DiscoveryOptions.MaxWorkGap"/> they were
///   plausibly working without a break, so the gap is taken as the work (the same estimate as the step assessment's
///   handling time). A gap longer than the time since the case's previous step ended is cut to it (work cannot begin
///   before the step is due), except at a case's first step, whose due time the log does not show. A step's work is
///   fitted to its gaps; a step always done the moment it is due takes no time and so no work;</item>
/// <item>waiting: the rest of the time since the previous step, which needs no staff (the customer, a third party, a
///   timer, a pile), kept by the case's age and the next step (<see cref="ElapsedRules"/>);</item>
/// <item>staff: the people seen working in each hour of the week (<see cref="StaffSeen"/>).</item>
/// </list>
/// </summary>
internal static class WaitAndWork
{
    private const int MinWorkGaps = 5;

    public static (List<ActivityModel> Activities, List<PoolModel> Pools, Dictionary<string, double> ObservedElapsed) Discover(
        EventLog log, LogView view, Func<long, double> seconds, int[] poolOf, string[] poolNames, string poolNote, DiscoveryOptions options, List<string> notes)
    {
        var resources = log.Resources;
        var times = log.Times;
        var acts = log.Activities;
        bool recordsResources = false;
        for (int i = 0; i < view.CaseCount && !recordsResources; i++)
        {
            int c = view.CaseAt(i);
            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                if (resources[e] >= 0)
                {
                    recordsResources = true;
                    break;
                }
            }
        }

        var gapOf = recordsResources ? WorkGaps(log, view, options.MaxWorkGap.TotalSeconds) : null;
        var uncut = gapOf is null ? null : (double[])gapOf.Clone();
        if (gapOf is not null)
        {
            // Work on a step cannot have begun before the step was due (the previous step of the case ended): a gap
            // longer than that was spent on something else. The first step of a case is not cut: the case starts in
            // the log when that step is recorded done, so when it became due is not known (not that it took no time).
            for (int i = 0; i < view.CaseCount; i++)
            {
                int c = view.CaseAt(i);
                long previous = log.CaseStartTime(c);
                for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
                {
                    double due = Math.Max(0, (times[e] - Math.Min(previous, times[e])) / (double)TimeSpan.TicksPerSecond);
                    if (e > log.CaseStart(c) && !double.IsNaN(gapOf[e]))
                    {
                        gapOf[e] = Math.Min(gapOf[e], due);
                    }

                    previous = Math.Max(previous, times[e]);
                }
            }
        }
        int steps = log.ActivityNames.Count;
        int pools = poolNames.Length;
        var work = new List<double>[steps];
        var uncutWork = new List<double>[steps];
        var cut = new int[steps];
        var opens = new long[steps];
        var workByPool = new Dictionary<(int Step, int Pool), List<double>>();
        var executions = new long[steps, pools];
        var count = new long[steps];
        var continued = new long[steps];
        var followers = new long[steps];
        var allGaps = new List<double>();
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                int a = acts[e];
                count[a]++;
                opens[a] += e == log.CaseStart(c) ? 1 : 0;
                if (e > log.CaseStart(c) && resources[e] >= 0)
                {
                    followers[a]++;
                    continued[a] += resources[e - 1] == resources[e] ? 1 : 0;
                }

                int p = recordsResources ? poolOf[e] : -1;
                if (p < 0)
                {
                    continue;
                }

                executions[a, p]++;
                if (gapOf is not null && !double.IsNaN(gapOf[e]))
                {
                    (work[a] ??= []).Add(gapOf[e]);
                    (uncutWork[a] ??= []).Add(uncut![e]);
                    cut[a] += gapOf[e] < uncut[e] ? 1 : 0;
                    if (!workByPool.TryGetValue((a, p), out var list))
                    {
                        workByPool[(a, p)] = list = [];
                    }

                    list.Add(gapOf[e]);
                    allGaps.Add(gapOf[e]);
                }
            }
        }

        allGaps.Sort();
        double medianGap = allGaps.Count == 0 ? 0 : allGaps[allGaps.Count / 2];
        var workOf = new Distribution[steps];
        var workNote = new string[steps];
        for (int a = 0; a < steps; a++)
        {
            if (work[a] is { Count: >= MinWorkGaps } sample)
            {
                var fit = DistributionFitter.Fit(sample.ToArray());
                workOf[a] = fit.Chosen;
                workNote[a] = WorkNote(sample, uncutWork[a], cut[a], options.MaxWorkGap, fit.Reason);
            }
            else
            {
                workOf[a] = Distribution.Constant(Math.Round(medianGap, 3));
                workNote[a] = recordsResources
                    ? string.Create(CultureInfo.InvariantCulture, $"work: too few gaps between a person's completions, taken as the median gap of all steps ({medianGap:0} s)")
                    : "no work by staff: the log names no one who did it";
            }
        }

        // The steps' times: from the end of the previous step (when the step became due) to the step's completion.
        var observations = new List<ElapsedObservation>[steps];
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            int first = log.CaseStart(c), end = log.CaseEnd(c);
            double caseStart = seconds(log.CaseStartTime(c));
            double previous = caseStart;
            for (int e = first; e < end; e++)
            {
                double done = seconds(times[e]);
                double enabled = Math.Min(previous, done);
                int a = acts[e];
                int next = e + 1 < end ? acts[e + 1] : -1;
                bool? same = e > first && resources[e] >= 0 && resources[e - 1] >= 0 ? resources[e] == resources[e - 1] : null;
                (observations[a] ??= []).Add(new ElapsedObservation(enabled - caseStart, next, Math.Max(0, done - enabled), same));
                previous = Math.Max(previous, done);
            }
        }

        var working = ModelDiscovery.WorkingHours(log, view, seconds, options.WorkingHourThreshold);
        var (capacity, weeks, sporadic) = recordsResources ? StaffSeen.Count(log, view, poolOf, pools, seconds, working) : (new double[pools][], new double[pools], new bool[pools]);
        var activities = new List<ActivityModel>();
        var usedPools = new HashSet<int>();
        var observedElapsed = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int a = 0; a < steps; a++)
        {
            if (count[a] == 0)
            {
                continue;
            }

            long staffed = 0;
            for (int p = 0; p < pools; p++)
            {
                staffed += executions[a, p];
            }

            var assignments = new List<PoolAssignment>();

            // A step mostly done without anyone named (a registration by the system, a customer's reply) needs no staff.
            if (staffed * 2 >= count[a])
            {
                for (int p = 0; p < pools; p++)
                {
                    if (executions[a, p] == 0)
                    {
                        continue;
                    }

                    usedPools.Add(p);
                    Distribution? own = null;
                    if (workByPool.TryGetValue((a, p), out var sample) && sample.Count >= options.MinPoolSamples && work[a] is { } all && sample.Count < all.Count && ModelDiscovery.Differs(sample, all))
                    {
                        own = DistributionFitter.Fit(sample.ToArray()).Chosen;
                    }

                    assignments.Add(new PoolAssignment(poolNames[p], (double)executions[a, p] / staffed, own));
                }
            }

            var observed = observations[a] ?? [];
            var (rules, plain) = ElapsedRules.Build(observed, id => log.ActivityNames[id], options);
            if (rules.Count == 0 && plain is null && observed.Count > 0 && assignments.Count > 0)
            {
                // Always done the moment it is due: the log leaves it no time for work, so it takes none in the model
                // either (a step without times would take its work, which the first step of a case lies before).
                plain = Distribution.Constant(0);
            }

            string opened = assignments.Count == 0 || opens[a] == 0 ? string.Empty
                : string.Create(CultureInfo.InvariantCulture, $"; {(opens[a] == count[a] ? "every execution opens" : opens[a] == 1 ? "1 execution opens" : $"{opens[a]:N0} executions open")} a case, whose start in the log is when its first step was recorded done, so that work lies before the start and takes no staff time in the simulation");
            double mean = observed.Count == 0 ? 0 : observed.Average(o => o.Elapsed);
            observedElapsed[log.ActivityNames[a]] = mean;
            string waits = rules.Count > 0
                ? string.Create(CultureInfo.InvariantCulture, $"time from due to done (waiting and work): {rules.Count} distributions by case age and next step, mean {Hours(mean)}")
                : plain is not null && mean > 0 ? string.Create(CultureInfo.InvariantCulture, $"time from due to done (waiting and work): the observed times, mean {Hours(mean)}") : "done as soon as due";
            activities.Add(new ActivityModel
            {
                Name = log.ActivityNames[a],
                Duration = assignments.Count == 0 ? Distribution.Constant(0) : workOf[a],
                Elapsed = plain,
                ElapsedByCase = rules,
                Pools = assignments,
                Continuation = assignments.Count == 0 || followers[a] == 0 ? 0 : Math.Round((double)continued[a] / followers[a], 4),
                Note = string.Create(CultureInfo.InvariantCulture, $"{count[a]:N0} executions; {(assignments.Count == 0 ? "no staff" : workNote[a])}{opened}{(followers[a] == 0 || assignments.Count == 0 ? string.Empty : $"; {100.0 * continued[a] / followers[a]:0}% by whoever did the step before")}; {waits}"),
            });
        }

        var poolModels = new List<PoolModel>();
        for (int p = 0; p < pools; p++)
        {
            if (!usedPools.Contains(p))
            {
                continue;
            }

            var seen = capacity[p];
            double peak = seen.Max();
            string name = poolNames[p];
            if (options.CapacityOverrides.TryGetValue(name, out double given))
            {
                var hours = new double[168];
                for (int h = 0; h < 168; h++)
                {
                    hours[h] = (peak > 0 ? seen[h] > 0 : working[h]) ? given : 0;
                }

                poolModels.Add(new PoolModel
                {
                    Name = name,
                    Capacity = WeekProfile.FromHourOfWeek(hours),
                    WorkPausesOffShift = true,
                    CapacityBasis = CapacityBasis.Given,
                    CostPerHour = options.CostPerHour,
                    Note = string.Create(CultureInfo.InvariantCulture, $"{poolNote}; staff {given:0.##} given by the user, in the hours the pool was seen working"),
                });
                continue;
            }

            if (peak <= 0)
            {
                // Work of the pool is recorded without anyone's name: its staff cannot be counted.
                double enough = Math.Max(1, BusiestHour(log, view, poolOf, p, seconds));
                poolModels.Add(new PoolModel
                {
                    Name = name,
                    Capacity = WeekProfile.FromHourOfWeek(Array.ConvertAll(working, w => w ? enough : 0)),
                    WorkPausesOffShift = true,
                    CapacityBasis = CapacityBasis.Unknown,
                    CostPerHour = options.CostPerHour,
                    Note = string.Create(CultureInfo.InvariantCulture, $"{poolNote}; staff unknown (its work is recorded without anyone's name): given {enough:0} on shift, as many as its busiest hour's work, so that it never holds work up; give the real staffing"),
                });
                continue;
            }

            poolModels.Add(new PoolModel
            {
                Name = name,
                Capacity = WeekProfile.FromHourOfWeek(seen),
                WorkPausesOffShift = true,
                CapacityBasis = CapacityBasis.ResourcesSeen,
                CostPerHour = options.CostPerHour,
                Note = string.Create(CultureInfo.InvariantCulture, $"{poolNote}; staff per hour of week = the people seen completing events in that hour: in the hours it worked in most of its {weeks[p]:0} weeks (its shifts), as many as were seen then; in other hours, as often as someone was seen{(sporadic[p] ? "; it records too little work for an hour without records to mean nobody was there, so every hour it was seen in counts as a shift" : string.Empty)} (a lower bound: people at work who recorded nothing are not counted)"),
            });
        }

        notes.Add("Durations: the log has no start times, so each step's time from due to done (waiting and work together) is kept by the case's age and the next step, and its work by staff, the part that needs someone free, is estimated from the gaps of at most "
            + string.Create(CultureInfo.InvariantCulture, $"{options.MaxWorkGap.TotalMinutes:0} minutes between a person's consecutive completions; the estimate is not a measurement."));
        if (!recordsResources)
        {
            notes.Add("Staff: the log names no one who did the work, so neither staff on shift nor work can be estimated: the model has no staff and staffing changes cannot be simulated. Give the pools and their staff (and the steps' work) in the model file to simulate staffing.");
        }
        else if (poolModels.Any(p => p.CapacityBasis == CapacityBasis.ResourcesSeen))
        {
            notes.Add("Staff: the people seen completing events in each hour of the week; in a pool's shifts (the hours it worked in most of the weeks it worked) as many as were seen then, in its other hours as often as someone was seen; a lower bound, as people at work who recorded nothing are not counted. Whoever did a step carries on with the next without waiting for the pool as often as the log shows. Give the real staffing where you know it.");
        }

        return (activities, poolModels, observedElapsed);
    }

    /// <summary>How a step's work was estimated, with the figure the step assessment reports for the same gaps (their
    /// median, its handling time) and how many were cut to the time since the case's previous step ended.</summary>
    private static string WorkNote(List<double> sample, List<double> uncut, int cut, TimeSpan maxGap, string fit)
    {
        string gaps = string.Create(CultureInfo.InvariantCulture, $"work estimated from {sample.Count:N0} gaps of at most {maxGap.TotalMinutes:0.#} minutes between a person's completions, median {Median(uncut):0.#} s (the step assessment's handling time)");
        if (cut > 0)
        {
            gaps += string.Create(CultureInfo.InvariantCulture, $"; {cut:N0} of them {(cut == 1 ? "was" : "were")} longer than the time since the case's previous step ended and {(cut == 1 ? "is" : "are")} cut to it, as work cannot begin before the step is due (median then {Median(sample):0.#} s)");
        }

        return gaps + " (" + fit + ")";
    }

    /// <summary>The median with the interpolation of the step assessment (halfway between the two middle values).</summary>
    private static double Median(List<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        double h = (sorted.Length - 1) / 2.0;
        int lo = (int)h;
        return lo + 1 < sorted.Length ? sorted[lo] + ((h - lo) * (sorted[lo + 1] - sorted[lo])) : sorted[lo];
    }

    private static string Hours(double seconds) => seconds >= 36000 ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 86400:0.#} days") : string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.##} h");

    private static int BusiestHour(EventLog log, LogView view, int[] poolOf, int pool, Func<long, double> seconds)
    {
        var perHour = new Dictionary<long, int>();
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                if (poolOf[e] == pool)
                {
                    long hour = (long)Math.Floor(seconds(log.Times[e]) / 3600);
                    perHour[hour] = perHour.GetValueOrDefault(hour) + 1;
                }
            }
        }

        return perHour.Count == 0 ? 1 : perHour.Values.Max();
    }

    /// <summary>For each event done by a person, the time since that person's previous completion when it is above zero
    /// and at most <paramref name="maxGap"/> seconds; NaN otherwise.</summary>
    private static double[] WorkGaps(EventLog log, LogView view, double maxGap)
    {
        var rows = new List<(int Resource, long Time, int Row)>();
        var resources = log.Resources;
        var times = log.Times;
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                if (resources[e] >= 0)
                {
                    rows.Add((resources[e], times[e], e));
                }
            }
        }

        rows.Sort();
        var gaps = new double[log.EventCount];
        Array.Fill(gaps, double.NaN);
        for (int k = 1; k < rows.Count; k++)
        {
            var (resource, time, e) = rows[k];
            var before = rows[k - 1];
            if (resource != before.Resource)
            {
                continue;
            }

            double gap = (time - before.Time) / (double)TimeSpan.TicksPerSecond;
            if (gap > 0 && gap <= maxGap)
            {
                gaps[e] = gap;
            }
        }

        return gaps;
    }
}
