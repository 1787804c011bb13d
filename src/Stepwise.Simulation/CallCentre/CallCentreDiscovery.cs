using System.Globalization;
using Stepwise.Simulation.Calendars;
using Stepwise.Simulation.Distributions;
using Stepwise.Simulation.Model;

namespace Stepwise.Simulation.CallCentre;

/// <summary>
/// Discovers a contact-centre model from call records: calls that asked for an agent arrive as a Poisson stream with
/// a rate per hour of the week; each has a priority class; one pool of agents serves them, higher priority first;
/// service times are fitted; callers abandon after a patience estimated by Kaplan-Meier from abandoned and served waits.
/// <para>
/// The records do not say how many agents were answering calls. When a caller has to queue, every agent answering
/// calls is busy or finishing after-call work, so the calls in service at that instant bound the staff from below
/// and their upper quantiles come close to it. An hour's staff is a quantile of those counts (the most calls in service
/// at once in an hour when nobody queued), averaged per hour of the week over the weeks observed. The quantile is
/// calibrated, unless given, so that the simulated mean wait matches the records' mean wait; abandonment, utilisation
/// and the arrival profile are then independent checks.
/// </para>
/// </summary>
public static class CallCentreDiscovery
{
    /// <summary>The name of the one step of the model.</summary>
    public const string ServiceStep = "Service";

    /// <summary>The name of the pool.</summary>
    public const string AgentPool = "Agents";

    private static readonly double[] CalibrationGrid = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0];

    /// <summary>Discovers the model.</summary>
    /// <param name="calls">The call records.</param>
    /// <param name="options">How; null for defaults.</param>
    /// <param name="source">The file name, for the model's provenance.</param>
    /// <exception cref="ArgumentException">No call reached the agents.</exception>
    public static SimulationModel Discover(IReadOnlyList<CallRecord> calls, CallCentreOptions? options = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(calls);
        options ??= CallCentreOptions.Default;
        var reached = calls.Where(c => c.ReachedAgents).ToList();
        if (reached.Count == 0)
        {
            throw new ArgumentException("No call reached the agents: there is nothing to model.", nameof(calls));
        }

        var levels = StaffingLevels(reached);
        if (options.StaffingQuantile is { } given)
        {
            if (!(given >= 0.5 && given <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(options), "The staffing quantile must be from 0.5 to 1.");
            }

            return Build(reached, levels, given, options, source, "given");
        }

        // Calibrate: the candidate whose simulated mean wait is closest to the records'.
        double observed = reached.Average(c => (double)c.Wait);
        SimulationModel? best = null;
        double bestGap = double.PositiveInfinity;
        foreach (double q in CalibrationGrid)
        {
            var candidate = Build(reached, levels, q, options, source, "calibrated on the mean wait");
            var run = Engine.Simulator.Run(candidate, new Engine.SimulationOptions { Replications = options.CalibrationReplications, Seed = options.Seed });
            double simulated = run.Replications.Sum(r => r.WaitingSeconds.Sum) / Math.Max(1, run.Replications.Sum(r => (double)r.WaitingSeconds.Count));
            double gap = Math.Abs(simulated - observed);
            if (gap < bestGap)
            {
                bestGap = gap;
                best = candidate;
            }

            if (simulated < observed)
            {
                break; // more staff only lowers the wait further
            }
        }

        return best!;
    }

    private static SimulationModel Build(List<CallRecord> reached, Dictionary<(DateOnly Date, int Hour), HourLevels> levels, double quantile, CallCentreOptions options, string? source, string how)
    {
        var firstDay = reached.Min(c => c.Date);
        var lastDay = reached.Max(c => c.Date);
        var origin = firstDay.AddDays(-(((int)firstDay.DayOfWeek + 6) % 7));
        int days = lastDay.DayNumber - firstDay.DayNumber + 1;

        // Arrivals per hour of week, divided by how many times that hour occurs in the observed days.
        var arrivals = new double[168];
        var occurrences = new double[168];
        for (int d = 0; d < days; d++)
        {
            int dayOfWeek = (firstDay.AddDays(d).DayNumber - origin.DayNumber) % 7;
            for (int h = 0; h < 24; h++)
            {
                occurrences[(dayOfWeek * 24) + h]++;
            }
        }

        foreach (var call in reached)
        {
            arrivals[HourOfWeek(call.Date, call.AskedForAgent, origin)]++;
        }

        for (int h = 0; h < 168; h++)
        {
            arrivals[h] = occurrences[h] > 0 ? arrivals[h] / occurrences[h] : 0;
        }

        int classes = reached.Max(c => c.Priority) + 1;
        var shares = new double[classes];
        foreach (var call in reached)
        {
            shares[Math.Max(0, call.Priority)] += 1.0 / reached.Count;
        }

        var staffByHour = new double[168];
        foreach (var ((date, hour), level) in levels)
        {
            staffByHour[HourOfWeek(date, hour * 3600, origin)] += level.Staff(quantile);
        }

        for (int h = 0; h < 168; h++)
        {
            staffByHour[h] = occurrences[h] > 0 ? Math.Round(staffByHour[h] / occurrences[h], 2) : 0;
            if (staffByHour[h] == 0 && arrivals[h] > 0)
            {
                // Calls came in an hour when no agent was ever seen serving: keep one agent so they are answered eventually.
                staffByHour[h] = 1;
            }
        }

        var service = DistributionFitter.Fit(reached.Where(c => c.Outcome == CallOutcome.Served).Select(c => (double)c.ServiceTime).ToArray());
        var abandonedWaits = reached.Where(c => c.Outcome == CallOutcome.Abandoned).Select(c => (double)c.Wait).ToList();
        var servedWaits = reached.Where(c => c.Outcome == CallOutcome.Served && c.QueueStart is not null).Select(c => (double)c.Wait).ToList();
        var patience = PatienceEstimator.Estimate(abandonedWaits, servedWaits);
        var start = origin.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return new SimulationModel
        {
            Name = source is null ? "contact centre" : $"contact centre discovered from {source}",
            Start = start,
            HorizonDays = lastDay.DayNumber - origin.DayNumber + 1,
            Arrivals = new ArrivalModel { CasesPerHour = WeekProfile.FromHourOfWeek(arrivals), PriorityShares = shares },
            Activities =
            [
                new ActivityModel
                {
                    Name = ServiceStep,
                    Duration = service.Chosen,
                    Pools = [new PoolAssignment(AgentPool, 1)],
                    Patience = patience,
                    Note = string.Create(CultureInfo.InvariantCulture, $"{service.Count:N0} served calls; {service.Reason}; patience by Kaplan-Meier from {abandonedWaits.Count:N0} abandoned and {servedWaits.Count:N0} served waits"),
                },
            ],
            Pools =
            [
                new PoolModel
                {
                    Name = AgentPool,
                    Capacity = WeekProfile.FromHourOfWeek(staffByHour),
                    Discipline = QueueDiscipline.Priority,
                    WorkPausesOffShift = false,
                    CapacityBasis = CapacityBasis.WorkInProgress,
                    CostPerHour = options.CostPerHour,
                    Note = string.Create(CultureInfo.InvariantCulture, $"agents per hour of week = the {quantile:0.##} quantile ({how}) of the calls in service when callers had to queue, else the most in service at once; averaged over the weeks observed"),
                },
            ],
            Routing = new RoutingModel
            {
                History = 1,
                Rules =
                [
                    new RoutingRule([], new Dictionary<string, double> { [ServiceStep] = 1 }, reached.Count),
                    new RoutingRule([ServiceStep], new Dictionary<string, double> { [RoutingModel.End] = 1 }, reached.Count),
                ],
            },
            ServiceLevel = new ServiceLevel(ServiceLevelMeasure.Waiting, options.ServiceLevelSeconds),
            DiscoveredFrom = new ModelProvenance(
                source ?? "call records",
                reached.Count,
                reached.Count,
                reached.Min(c => c.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddSeconds(c.AskedForAgent)),
                reached.Max(c => c.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddSeconds(c.AskedForAgent)),
                "call records: queue and service times"),
        };
    }

    /// <summary>For each date and hour of day: the calls in service seen whenever a caller joined the queue (sorted),
    /// and the most calls in service at once.</summary>
    internal static Dictionary<(DateOnly Date, int Hour), HourLevels> StaffingLevels(IEnumerable<CallRecord> calls)
    {
        var points = new List<(long Time, int Delta)>();
        var queued = new List<long>();
        foreach (var call in calls)
        {
            long day = call.Date.DayNumber * 86400L;
            if (call.QueueStart is { } q && call.Wait > 0)
            {
                queued.Add(day + q);
            }

            if (call.Server is null || call.ServiceStart is not { } s || call.ServiceExit is not { } e || e <= s)
            {
                continue;
            }

            points.Add((day + s, 1));
            points.Add((day + e, -1));
        }

        points.Sort((x, y) => x.Time != y.Time ? x.Time.CompareTo(y.Time) : x.Delta.CompareTo(y.Delta));
        queued.Sort();
        var result = new Dictionary<(DateOnly, int), HourLevels>();
        HourLevels At(long time)
        {
            var key = KeyOf(time);
            if (!result.TryGetValue(key, out var levels))
            {
                result[key] = levels = new HourLevels();
            }

            return levels;
        }

        int level = 0;
        int next = 0;
        foreach (var (time, delta) in points)
        {
            while (next < queued.Count && queued[next] < time)
            {
                At(queued[next]).AtQueue.Add(level);
                next++;
            }

            level += delta;
            if (delta > 0)
            {
                var levels = At(time);
                levels.Peak = Math.Max(levels.Peak, level);
            }
        }

        foreach (var levels in result.Values)
        {
            levels.AtQueue.Sort();
        }

        return result;
    }

    /// <summary>The staff of each dated hour at a quantile (see <see cref="StaffingLevels"/>).</summary>
    internal static Dictionary<(DateOnly Date, int Hour), int> AgentsPerHour(IEnumerable<CallRecord> calls, double quantile)
        => StaffingLevels(calls).ToDictionary(p => p.Key, p => p.Value.Staff(quantile));

    private static (DateOnly Date, int Hour) KeyOf(long time) => (DateOnly.FromDayNumber((int)(time / 86400)), (int)(time % 86400 / 3600));

    internal static int HourOfWeek(DateOnly date, int secondsOfDay, DateOnly origin)
    {
        int day = date.DayNumber - origin.DayNumber + (secondsOfDay / 86400);
        return (((day % 7) + 7) % 7 * 24) + (secondsOfDay % 86400 / 3600);
    }

    /// <summary>What was seen in one dated hour.</summary>
    internal sealed class HourLevels
    {
        public List<int> AtQueue { get; } = [];

        public int Peak { get; set; }

        public int Staff(double quantile) => AtQueue.Count > 0 ? Math.Max(1, AtQueue[(int)Math.Round(quantile * (AtQueue.Count - 1))]) : Peak;
    }
}
