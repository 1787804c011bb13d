using System.Globalization;
using Stepwise.Mining;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.Time;
using Stepwise.Simulation.Calendars;
using Stepwise.Simulation.Distributions;
using Stepwise.Simulation.Engine;
using Stepwise.Simulation.Model;

namespace Stepwise.Simulation.Discovery;

/// <summary>
/// Discovers a simulation model from an event log:
/// <list type="bullet">
/// <item>arrivals: a Poisson stream with a rate for each hour of the week, from the cases' first events;</item>
/// <item>routing: a Markov chain on the last steps, as many as the Bayesian information criterion of the paths
///   chooses (<see cref="RoutingOrder"/>) unless <see cref="DiscoveryOptions.RoutingHistory"/> is given;</item>
/// <item>with start times: a step's duration is start to completion, fitted per step (and per pool where a pool's
///   durations differ significantly), and pools have the work in progress at once per hour of the week as staff;</item>
/// <item>without start times (see <see cref="WaitAndWork"/>): a step's time from due to done is kept by case age and
///   next step, and its work by staff is estimated from the gaps between a person's completions; pools have the people
///   seen working in each hour of the week as staff, and the times are calibrated so that, with the waiting for staff
///   the model adds, they match the log (<see cref="ElapsedCalibration"/>);</item>
/// <item>pools: from a group or resource attribute; a step recorded without any resource needs no staff.</item>
/// </list>
/// </summary>
public static class ModelDiscovery
{
    private const string AllStaff = "Staff";

    /// <summary>
    /// The pools of staff discovery forms from <paramref name="log"/>, as it names them: the values of
    /// <paramref name="attribute"/> (default org:group when the log has it), with "(no attribute)" when some events lack
    /// one, or one pool "Staff" without such an attribute; and how they are formed ("pools by 'org:group'"). A discovered
    /// model leaves out a pool that does no step of its view, so its pools are among these.
    /// </summary>
    /// <exception cref="ArgumentException">The log has no attribute <paramref name="attribute"/>.</exception>
    public static (IReadOnlyList<string> Names, string Basis) PoolNames(EventLog log, string? attribute = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        var (_, names, note) = Pools(log, attribute);
        return (names, note);
    }

    /// <summary>Discovers a model from <paramref name="view"/>.</summary>
    /// <exception cref="ArgumentException">The log has no cases, the pool attribute does not exist, a pool given staff
    /// does not exist, or an option is out of range.</exception>
    public static SimulationModel Discover(LogView view, DiscoveryOptions? options = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        options ??= DiscoveryOptions.Default;
        var log = view.Log;
        int cases = view.CaseCount;
        if (cases == 0)
        {
            throw new ArgumentException("The log has no cases to discover a model from.", nameof(view));
        }

        if (options.Validate() is { } problem)
        {
            throw new ArgumentException("Discovery: " + problem + ".", nameof(options));
        }

        // The engine's clock: seconds since the Monday 00:00 UTC of the first case's week.
        long firstArrival = long.MaxValue, lastArrival = long.MinValue;
        int events = 0;
        for (int i = 0; i < cases; i++)
        {
            int c = view.CaseAt(i);
            long t = log.CaseStartTime(c);
            firstArrival = Math.Min(firstArrival, t);
            lastArrival = Math.Max(lastArrival, t);
            events += log.CaseLength(c);
        }

        var firstDate = new DateTime(firstArrival, DateTimeKind.Utc);
        var origin = firstDate.Date.AddDays(-(((int)firstDate.DayOfWeek + 6) % 7));
        double Seconds(long ticks) => (ticks - origin.Ticks) / (double)TimeSpan.TicksPerSecond;

        var notes = new List<string>();
        int history;
        if (options.RoutingHistory is { } given)
        {
            history = given;
        }
        else
        {
            (history, string why) = RoutingOrder.Choose(log, view);
            notes.Add("Routing: " + why + ".");
        }

        var (poolOf, poolNames, poolNote) = Pools(log, options.PoolAttribute);
        foreach (string pool in options.CapacityOverrides.Keys)
        {
            if (!poolNames.Contains(pool, StringComparer.Ordinal))
            {
                throw new ArgumentException($"There is no pool '{pool}' to give staff to; the pools are: {string.Join(", ", poolNames)}.", nameof(options));
            }
        }

        var throughput = new double[cases];
        for (int i = 0; i < cases; i++)
        {
            int c = view.CaseAt(i);
            throughput[i] = (log.CaseEndTime(c) - log.CaseStartTime(c)) / (double)TimeSpan.TicksPerSecond;
        }

        Array.Sort(throughput);
        bool hasStarts = log.HasStartTimes;
        double spanDays = Math.Max(1, (lastArrival - firstArrival) / (double)TimeSpan.TicksPerDay);
        var model = new SimulationModel
        {
            Name = source is null ? "discovered model" : $"discovered from {source}",
            Start = origin,
            HorizonDays = Math.Ceiling(spanDays),
            Arrivals = new ArrivalModel { CasesPerHour = ArrivalRates(log, view, Seconds, Seconds(firstArrival), Seconds(lastArrival)) },
            Activities = [],
            Routing = Routing(log, view, history),
            ServiceLevel = options.ServiceLevel ?? new ServiceLevel(ServiceLevelMeasure.Throughput, Math.Max(3600, Math.Ceiling(Quantile(throughput, 0.8) / 3600) * 3600)),
        };
        var provenance = new ModelProvenance(
            source ?? "log",
            cases,
            events,
            new DateTime(firstArrival, DateTimeKind.Utc),
            new DateTime(lastArrival, DateTimeKind.Utc),
            hasStarts ? "start and completion times" : "the time since the previous step ended, by case age and next step; work from the gaps between a person's completions");
        if (hasStarts)
        {
            var (activities, pools) = WithStartTimes(log, view, Seconds, poolOf, poolNames, poolNote, options);
            model = model with { Activities = activities, Pools = pools };
        }
        else
        {
            var (activities, pools, observed) = WaitAndWork.Discover(log, view, Seconds, poolOf, poolNames, poolNote, options, notes);
            model = model with { Activities = activities, Pools = pools };
            model = ElapsedCalibration.Calibrate(model, observed, new DateTime(firstArrival, DateTimeKind.Utc), TimeSpan.FromTicks(lastArrival - firstArrival) + TimeSpan.FromHours(1), options, notes);
        }

        return model with { DiscoveredFrom = provenance with { Notes = notes } };
    }

    /// <summary>Steps and pools of a log with start times: durations start to completion, staff from the work in progress.</summary>
    private static (List<ActivityModel> Activities, List<PoolModel> Pools) WithStartTimes(EventLog log, LogView view, Func<long, double> Seconds, int[] poolOf, string[] poolNames, string poolNote, DiscoveryOptions options)
    {
        int cases = view.CaseCount;
        var working = WorkingHours(log, view, Seconds, options.WorkingHourThreshold);

        // Durations and the intervals during which each pool had the work in hand.
        int steps = log.ActivityNames.Count;
        var durations = new List<double>[steps];
        var durationsByPool = new Dictionary<(int Step, int Pool), List<double>>();
        var executions = new long[steps, poolNames.Length];
        var intervals = new List<(double Start, double End)>[poolNames.Length];
        for (int a = 0; a < steps; a++)
        {
            durations[a] = [];
        }

        for (int p = 0; p < poolNames.Length; p++)
        {
            intervals[p] = [];
        }

        var starts = log.StartTimes;
        var times = log.Times;
        var acts = log.Activities;
        for (int i = 0; i < cases; i++)
        {
            int c = view.CaseAt(i);
            int first = log.CaseStart(c);
            double previous = Seconds(log.CaseStartTime(c));
            for (int e = first; e < log.CaseEnd(c); e++)
            {
                double end = Seconds(times[e]);
                bool started = starts[e] != Timestamp.None;
                double start = started ? Seconds(starts[e]) : Math.Min(previous, end);
                double duration = end - start;
                int step = acts[e];
                int pool = poolOf[e];
                durations[step].Add(duration);
                previous = Math.Max(previous, end);
                if (pool < 0)
                {
                    continue;
                }

                if (!durationsByPool.TryGetValue((step, pool), out var list))
                {
                    durationsByPool[(step, pool)] = list = [];
                }

                list.Add(duration);
                executions[step, pool]++;
                intervals[pool].Add((start, end));
            }
        }

        var activities = new List<ActivityModel>();
        var usedPools = new HashSet<int>();
        for (int a = 0; a < steps; a++)
        {
            if (durations[a].Count == 0)
            {
                continue;
            }

            var fit = DistributionFitter.Fit(durations[a].ToArray());
            long total = 0;
            for (int p = 0; p < poolNames.Length; p++)
            {
                total += executions[a, p];
            }

            var assignments = new List<PoolAssignment>();
            for (int p = 0; p < poolNames.Length; p++)
            {
                if (executions[a, p] == 0)
                {
                    continue;
                }

                usedPools.Add(p);
                Distribution? own = null;
                var sample = durationsByPool[(a, p)];
                if (sample.Count >= options.MinPoolSamples && sample.Count < durations[a].Count && Differs(sample, durations[a]))
                {
                    own = DistributionFitter.Fit(sample.ToArray()).Chosen;
                }

                assignments.Add(new PoolAssignment(poolNames[p], (double)executions[a, p] / total, own));
            }

            // A step mostly done without staff (no resource recorded) needs none in the model.
            if (total * 2 < durations[a].Count)
            {
                assignments.Clear();
            }

            activities.Add(new ActivityModel
            {
                Name = log.ActivityNames[a],
                Duration = fit.Chosen,
                Pools = assignments,
                Note = string.Create(CultureInfo.InvariantCulture, $"{fit.Count:N0} executions; {fit.Reason}"),
            });
        }

        var pools = new List<PoolModel>();
        for (int p = 0; p < poolNames.Length; p++)
        {
            if (!usedPools.Contains(p))
            {
                continue;
            }

            pools.Add(Pool(poolNames[p], intervals[p], working, options, poolNote));
        }

        return (activities, pools);
    }

    private static WeekProfile ArrivalRates(EventLog log, LogView view, Func<long, double> seconds, double first, double last)
    {
        var counts = new double[168];
        for (int i = 0; i < view.CaseCount; i++)
        {
            counts[HourOfWeek(seconds(log.CaseStartTime(view.CaseAt(i))))]++;
        }

        // Each hour of the week is divided by how often it occurs in the observed period.
        var occurrences = new double[168];
        long firstHour = (long)Math.Floor(first / 3600);
        long lastHour = (long)Math.Floor(last / 3600);
        long span = lastHour - firstHour + 1;
        long weeks = span / 168;
        for (int h = 0; h < 168; h++)
        {
            occurrences[h] = weeks;
        }

        for (long hour = firstHour + (weeks * 168); hour <= lastHour; hour++)
        {
            occurrences[hour % 168]++;
        }

        var rates = new double[168];
        for (int h = 0; h < 168; h++)
        {
            rates[h] = occurrences[h] > 0 ? counts[h] / occurrences[h] : 0;
        }

        return WeekProfile.FromHourOfWeek(rates);
    }

    private static RoutingModel Routing(EventLog log, LogView view, int history)
    {
        var rules = new Dictionary<string, (string[] After, Dictionary<string, int> Next, int Total)>(StringComparer.Ordinal);
        var names = log.ActivityNames;
        var window = new List<string>(history);
        for (int i = 0; i < view.CaseCount; i++)
        {
            var acts = log.CaseActivities(view.CaseAt(i));
            window.Clear();
            for (int j = 0; j <= acts.Length; j++)
            {
                string next = j < acts.Length ? names[acts[j]] : RoutingModel.End;
                string key = string.Join('\u001f', window);
                if (!rules.TryGetValue(key, out var rule))
                {
                    rule = ([.. window], new Dictionary<string, int>(StringComparer.Ordinal), 0);
                }

                rule.Next[next] = rule.Next.GetValueOrDefault(next) + 1;
                rules[key] = (rule.After, rule.Next, rule.Total + 1);
                if (j < acts.Length)
                {
                    window.Add(next);
                    if (window.Count > history)
                    {
                        window.RemoveAt(0);
                    }
                }
            }
        }

        var list = rules.Values
            .OrderBy(r => r.After.Length)
            .ThenByDescending(r => r.Total)
            .Select(r => new RoutingRule(r.After, r.Next.OrderByDescending(n => n.Value).ToDictionary(n => n.Key, n => (double)n.Value / r.Total, StringComparer.Ordinal), r.Total))
            .ToList();
        return new RoutingModel { History = history, Rules = list };
    }

    /// <summary>The pool of each event, -1 for work done without staff: an event with neither a pool value nor a
    /// resource, in a log that records resources elsewhere (a registration by the system, a customer's reply).</summary>
    private static (int[] PoolOf, string[] Names, string Note) Pools(EventLog log, string? attribute)
    {
        var resources = log.Resources;
        bool recordsResources = false;
        foreach (int r in resources)
        {
            if (r >= 0)
            {
                recordsResources = true;
                break;
            }
        }

        attribute ??= AttributeCodes.Exists(log, "org:group") ? "org:group" : null;
        var poolOf = new int[log.EventCount];
        if (attribute is null)
        {
            for (int e = 0; e < poolOf.Length; e++)
            {
                poolOf[e] = recordsResources && resources[e] < 0 ? -1 : 0;
            }

            return (poolOf, [AllStaff], "one pool of all staff");
        }

        if (!AttributeCodes.Exists(log, attribute))
        {
            throw new ArgumentException($"The log has no attribute '{attribute}' to form pools from.", nameof(attribute));
        }

        var (codes, values) = AttributeCodes.ForEvents(log, attribute);
        int missing = values.Count;
        bool anyMissing = false;
        for (int e = 0; e < codes.Length; e++)
        {
            if (codes[e] >= 0)
            {
                poolOf[e] = codes[e];
            }
            else if (recordsResources && resources[e] < 0)
            {
                poolOf[e] = -1;
            }
            else
            {
                poolOf[e] = missing;
                anyMissing = true;
            }
        }

        string[] names = anyMissing ? [.. values, $"(no {attribute})"] : [.. values];
        return (poolOf, names, $"pools by '{attribute}'");
    }

    internal static bool[] WorkingHours(EventLog log, LogView view, Func<long, double> seconds, double threshold)
    {
        var counts = new long[168];
        var times = log.Times;
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                counts[HourOfWeek(seconds(times[e]))]++;
            }
        }

        long max = counts.Max();
        var working = new bool[168];
        for (int h = 0; h < 168; h++)
        {
            working[h] = counts[h] > 0 && counts[h] >= threshold * max;
        }

        return working;
    }

    private static PoolModel Pool(string name, List<(double Start, double End)> intervals, bool[] working, DiscoveryOptions options, string poolNote)
    {
        // Sweep the intervals: +1 at each start, -1 at each end, recording the peak per hour of each week.
        var points = new List<(double Time, int Delta)>(intervals.Count * 2);
        foreach (var (start, end) in intervals)
        {
            if (end > start)
            {
                points.Add((start, 1));
                points.Add((end, -1));
            }
        }

        points.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Delta.CompareTo(b.Delta));
        var peakByHour = new Dictionary<long, int>();
        int level = 0;
        foreach (var (time, delta) in points)
        {
            level += delta;
            if (delta > 0)
            {
                long hour = (long)Math.Floor(time / 3600);
                peakByHour[hour] = Math.Max(peakByHour.GetValueOrDefault(hour), level);
            }
        }

        double[] capacity = new double[168];
        string note;
        var basis = CapacityBasis.WorkInProgress;
        if (options.CapacityOverrides.TryGetValue(name, out double given))
        {
            for (int h = 0; h < 168; h++)
            {
                capacity[h] = working[h] ? given : 0;
            }

            basis = CapacityBasis.Given;
            note = string.Create(CultureInfo.InvariantCulture, $"{poolNote}; staff {given:0.##} given by the user, in the working hours observed");
        }
        else
        {
            // With start times the concurrency is real work: staff on shift per hour of week is the typical peak of
            // that hour over the weeks it was observed busy.
            var perSlot = new List<int>[168];
            foreach (var (hour, value) in peakByHour)
            {
                (perSlot[hour % 168] ??= []).Add(value);
            }

            for (int h = 0; h < 168; h++)
            {
                if (perSlot[h] is { Count: > 0 } values)
                {
                    values.Sort();
                    capacity[h] = Math.Max(1, values[values.Count / 2]);
                }
            }

            note = $"{poolNote}; staff per hour of week = the median over weeks of the most work in progress in that hour";
        }

        return new PoolModel
        {
            Name = name,
            Capacity = WeekProfile.FromHourOfWeek(capacity),
            WorkPausesOffShift = false,
            CapacityBasis = basis,
            CostPerHour = options.CostPerHour,
            Note = note,
        };
    }

    internal static bool Differs(List<double> part, List<double> all)
    {
        var a = part.ToArray();
        var b = all.ToArray();
        Array.Sort(a);
        Array.Sort(b);
        int i = 0, j = 0;
        double d = 0;
        while (i < a.Length && j < b.Length)
        {
            double x = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] <= x)
            {
                i++;
            }

            while (j < b.Length && b[j] <= x)
            {
                j++;
            }

            d = Math.Max(d, Math.Abs(((double)i / a.Length) - ((double)j / b.Length)));
        }

        double n = a.Length, m = b.Length;
        return d > 1.36 * Math.Sqrt((n + m) / (n * m));
    }

    private static int HourOfWeek(double seconds) => (int)((long)Math.Floor(seconds / 3600) % 168);

    private static double Quantile(double[] sorted, double p)
    {
        double pos = p * (sorted.Length - 1);
        int lo = (int)pos;
        return lo >= sorted.Length - 1 ? sorted[^1] : sorted[lo] + ((pos - lo) * (sorted[lo + 1] - sorted[lo]));
    }
}
