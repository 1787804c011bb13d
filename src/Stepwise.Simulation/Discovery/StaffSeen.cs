using Stepwise.Mining;

namespace Stepwise.Simulation.Discovery;

/// <summary>
/// The staff of each pool on shift in each hour of the week, counted in the log: in each hour of the week, the mean
/// number of distinct people who complete at least one event of the pool, over the weeks in which someone of the pool
/// did so in that hour (1.4 means one person in most of those weeks and two in 40% of them). A pool is on shift in the
/// hours of the week it was seen working, and in the process's working hours it was never seen in (with its mean staff
/// over all hours), so that sporadic work is not held up by the hours the log happens to show.
/// </summary>
/// <remarks>
/// Averaging over every week instead would count the weeks without work as weeks without staff: a team that handles a
/// ticket a fortnight would have a tenth of a person and its work would wait weeks for a shift (on the BPI 2013
/// incidents, median throughput +42%). People at work who record nothing in an hour are still not counted, so the
/// figure is a lower bound of the staff a busy pool has.
/// </remarks>
internal static class StaffSeen
{
    /// <summary>Per pool, staff per hour of the week (168 values) and the weeks the pool was observed.</summary>
    public static (double[][] Capacity, double[] Weeks) Count(EventLog log, LogView view, int[] poolOf, int pools, Func<long, double> seconds, bool[] working)
    {
        var seen = new HashSet<(int Pool, long Hour, int Resource)>();
        var firstHour = new long[pools];
        var lastHour = new long[pools];
        Array.Fill(firstHour, long.MaxValue);
        Array.Fill(lastHour, long.MinValue);
        var resources = log.Resources;
        var times = log.Times;
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                int p = poolOf[e];
                if (p < 0 || resources[e] < 0)
                {
                    continue;
                }

                long hour = (long)Math.Floor(seconds(times[e]) / 3600);
                seen.Add((p, hour, resources[e]));
                firstHour[p] = Math.Min(firstHour[p], hour);
                lastHour[p] = Math.Max(lastHour[p], hour);
            }
        }

        var peopleSeen = new double[pools][];
        for (int p = 0; p < pools; p++)
        {
            peopleSeen[p] = new double[168];
        }

        foreach (var (p, hour, _) in seen)
        {
            peopleSeen[p][(int)(hour % 168)]++;
        }

        var capacity = new double[pools][];
        var weeks = new double[pools];
        var activeHours = new double[pools][];
        foreach (var group in seen.GroupBy(x => (x.Pool, x.Hour)))
        {
            (activeHours[group.Key.Pool] ??= new double[168])[(int)(group.Key.Hour % 168)]++;
        }

        for (int p = 0; p < pools; p++)
        {
            capacity[p] = new double[168];
            if (firstHour[p] == long.MaxValue)
            {
                continue;
            }

            weeks[p] = (lastHour[p] - firstHour[p] + 1) / 168.0;
            double people = 0, hours = 0;
            for (int h = 0; h < 168; h++)
            {
                people += peopleSeen[p][h];
                hours += activeHours[p][h];
            }

            double overall = hours > 0 ? people / hours : 0;
            for (int h = 0; h < 168; h++)
            {
                capacity[p][h] = activeHours[p][h] > 0 ? Math.Round(peopleSeen[p][h] / activeHours[p][h], 3) : working[h] ? Math.Round(overall, 3) : 0;
            }
        }

        return (capacity, weeks);
    }
}
