using System.Globalization;
using Stepwise.Mining;
using Stepwise.Mining.Time;

namespace Stepwise.Monitoring.Periods;

/// <summary>
/// Whether the cases after the change had the time to finish before the data end. A log extracted a few days after
/// the change holds after cases that are still open: their throughput, hand-overs, rework and cost stop where the
/// data stop, so the after period looks better for no other reason. Each case is given the time from its start to
/// the end of its log (its follow-up), and the share of before cases that took longer than that is the chance it was
/// cut short; averaged over the after cases, less the same for the before cases, it is the share of after cases the
/// end of the data cuts short beyond what it cuts short before.
/// </summary>
/// <param name="Share">The after cases' mean chance of being cut short, less the before cases'.</param>
/// <param name="AfterChance">The after cases' mean chance of being cut short.</param>
/// <param name="DataEnd">The last time in the after cases' log.</param>
/// <param name="ShortestDays">The shortest follow-up of an after case, in days.</param>
/// <param name="LongestDays">The longest follow-up of an after case, in days.</param>
/// <param name="BeforeP90Days">The 90th percentile of the before cases' throughput, in days.</param>
public sealed record FollowUp(double Share, double AfterChance, DateTimeOffset DataEnd, double ShortestDays, double LongestDays, double BeforeP90Days)
{
    /// <summary>The share of after cases cut short beyond the before period's from which verdicts on whole cases are withheld.</summary>
    public const double Threshold = 0.05;

    /// <summary>Whether the after cases are cut short enough to withhold the verdicts on measures of whole cases.</summary>
    public bool CutShort => Share >= Threshold;

    /// <summary>The check for two periods, from the before cases' throughput (seconds) and both periods' cases; null when a period has no case.</summary>
    internal static FollowUp? Of(LogView before, LogView after, double[] beforeThroughput)
    {
        if (before.CaseCount == 0 || after.CaseCount == 0 || beforeThroughput.Length == 0)
        {
            return null;
        }

        double[] sorted = [.. beforeThroughput.Where(d => !double.IsNaN(d))];
        if (sorted.Length == 0)
        {
            return null;
        }

        Array.Sort(sorted);
        var (afterChance, shortest, longest, afterEnd) = Chance(after, sorted);
        var (beforeChance, _, _, _) = Chance(before, sorted);
        double p90 = sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(0.9 * sorted.Length) - 1)];
        const double day = 86400;
        return new FollowUp(afterChance - beforeChance, afterChance, Timestamp.ToDateTimeOffset(afterEnd), shortest / day, longest / day, p90 / day);
    }

    /// <summary>The note that says why the verdicts on whole cases are withheld.</summary>
    public string Describe()
    {
        var c = CultureInfo.InvariantCulture;
        return string.Create(c, $"The data end on {DataEnd:d MMM yyyy}, so the cases after the change had only {Days(ShortestDays)} to {Days(LongestDays)} to finish, and {AfterChance * 100:0}% of them would still be open then if they took as long as the cases before (whose 90th percentile is {Days(BeforeP90Days)}). ")
            + "Measures of whole cases after the change (throughput, waiting, hand-overs, rework, rule breaches, cost) stop where the data stop and look better for that reason alone, so their verdicts are withheld as undecided: "
            + string.Create(c, $"monitor again when the after cases have had {Days(BeforeP90Days)} to finish.");
    }

    private static string Days(double days) => days >= 2
        ? string.Create(CultureInfo.InvariantCulture, $"{days:0.#} d")
        : string.Create(CultureInfo.InvariantCulture, $"{days * 24:0.#} h");

    private static (double Chance, double Shortest, double Longest, long End) Chance(LogView view, double[] sorted)
    {
        var log = view.Log;
        long end = long.MinValue;
        for (int c = 0; c < log.CaseCount; c++)
        {
            end = Math.Max(end, log.CaseEndTime(c));
        }

        double sum = 0, shortest = double.PositiveInfinity, longest = 0;
        for (int i = 0; i < view.CaseCount; i++)
        {
            double followUp = Timestamp.ToSeconds(end - log.CaseStartTime(view.CaseAt(i)));
            shortest = Math.Min(shortest, followUp);
            longest = Math.Max(longest, followUp);
            sum += Longer(sorted, followUp);
        }

        return (sum / view.CaseCount, shortest, longest, end);
    }

    /// <summary>The share of <paramref name="sorted"/> above <paramref name="value"/>.</summary>
    private static double Longer(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return (sorted.Length - lo) / (double)sorted.Length;
    }
}
