using Stepwise.Mining;

namespace Stepwise.Simulation.Discovery;

/// <summary>
/// The staff of each pool on shift in each hour of the week, counted in the log: the distinct people who complete at
/// least one event of the pool in that hour, summed over the weeks and divided by the number of weeks in which the pool
/// worked at all (1.4 means one person in most of those weeks and two in 40% of them; 0.4 means someone in 40% of
/// them). In the process's working hours the pool was never seen in, it has its mean over the hours it was seen, so
/// that work reaching it then is not held up by the hours the log happens to show.
/// </summary>
/// <remarks>
/// Weeks without any of the pool's work are left out of the average: a team that handles a ticket a fortnight would
/// otherwise have a tenth of a person and its work would wait weeks for a shift. Averaging only over the weeks in which
/// someone was seen in that very hour, the other choice tried, puts a person on every Saturday of a desk that works one
/// Saturday in three, so that the waits of the other Saturdays are nobody's and adding staff shortens nothing (BPI 2013:
/// no team's waits changed when staff were added). People at work who record nothing in an hour are not counted, so
/// the figure is a lower bound of the staff a pool has.
/// </remarks>
internal static class StaffSeen
{
    /// <summary>A pool that records less work than this per hour it works (over the weeks it works) is sporadic: an hour
    /// without its records does not mean nobody was there.</summary>
    public const double MinEventsPerHour = 1.0;

    /// <summary>An hour of the week in which a pool is seen in at least this share of the weeks it works is one of its
    /// shifts.</summary>
    public const double RegularShare = 0.5;

    /// <summary>Per pool, staff per hour of the week (168 values) and the weeks in which the pool worked.</summary>
    public static (double[][] Capacity, double[] Weeks, bool[] Sporadic) Count(EventLog log, LogView view, int[] poolOf, int pools, Func<long, double> seconds, bool[] working)
    {
        var seen = new HashSet<(int Pool, long Hour, int Resource)>();
        var events = new long[pools];
        var resources = log.Resources;
        var times = log.Times;
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                int p = poolOf[e];
                if (p >= 0 && resources[e] >= 0)
                {
                    seen.Add((p, (long)Math.Floor(seconds(times[e]) / 3600), resources[e]));
                    events[p]++;
                }
            }
        }

        var people = new double[pools][];
        var activeWeeks = new HashSet<long>[pools];
        var activeHours = new HashSet<long>[pools];
        for (int p = 0; p < pools; p++)
        {
            people[p] = new double[168];
            activeWeeks[p] = [];
            activeHours[p] = [];
        }

        foreach (var (p, hour, _) in seen)
        {
            people[p][(int)(hour % 168)]++;
            activeWeeks[p].Add(hour / 168);
            activeHours[p].Add(hour);
        }

        var capacity = new double[pools][];
        var weeks = new double[pools];
        var sporadic = new bool[pools];
        for (int p = 0; p < pools; p++)
        {
            capacity[p] = new double[168];
            weeks[p] = activeWeeks[p].Count;
            if (weeks[p] == 0)
            {
                continue;
            }

            int hours = 0;
            for (int h = 0; h < 168; h++)
            {
                hours += people[p][h] > 0 ? 1 : 0;
            }

            // In how many of the weeks the pool worked someone of it was seen in each hour of the week.
            var clock = new double[168];
            foreach (long hour in activeHours[p])
            {
                clock[(int)(hour % 168)]++;
            }

            bool rare = events[p] < MinEventsPerHour * weeks[p] * hours;
            sporadic[p] = rare;
            double present = 0;
            for (int h = 0; h < 168; h++)
            {
                // A shift: an hour the pool works in most weeks (or any hour of a pool recording too little for an empty
                // hour to mean anything) has the people seen when it worked; other hours have them as often as seen.
                bool shift = rare || clock[h] >= RegularShare * weeks[p];
                double presence = shift ? 1 : clock[h] / weeks[p];
                capacity[p][h] = clock[h] == 0 ? 0 : presence * people[p][h] / clock[h];
                present += capacity[p][h];
            }

            double mean = present / hours;
            for (int h = 0; h < 168; h++)
            {
                capacity[p][h] = Math.Round(clock[h] > 0 ? capacity[p][h] : working[h] ? mean : 0, 3);
            }
        }

        return (capacity, weeks, sporadic);
    }
}
