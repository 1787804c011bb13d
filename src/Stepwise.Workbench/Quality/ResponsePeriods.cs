using Stepwise.Review.Quality;
using Stepwise.Statistics.Control;
using Stepwise.Statistics.Estimates;
using Stepwise.Statistics.Feedback;
using Stepwise.Statistics.Inference;

namespace Stepwise.Workbench.Quality;

/// <summary>
/// The responses by the period of their own date (the date column read with the file, not when the analysis ran): the
/// outcome share and the mean overall score per period with intervals, at the finest grain (month, quarter, year) whose
/// periods hold enough responses, and the latest year of periods tested against all earlier ones.
/// </summary>
public static class ResponsePeriods
{
    /// <summary>Responses the median period must hold for a grain to be used (fewer make intervals too wide to read).</summary>
    public const int EnoughPerPeriod = 30;

    /// <summary>The periods of <paramref name="table"/>, the grain, the responses without a date and the changes; null
    /// when no response has a date.</summary>
    public static (string Grain, IReadOnlyList<ResponsePeriod> Periods, int Undated, IReadOnlyList<PeriodChange> Changes)? Of(FeedbackTable table, double confidence)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.ResponseDates is not { } dates)
        {
            return null;
        }

        var dated = new List<int>(table.Count);
        for (int i = 0; i < table.Count; i++)
        {
            if (dates[i] is not null)
            {
                dated.Add(i);
            }
        }

        if (dated.Count == 0)
        {
            return null;
        }

        var grain = Grain(dated, dates);
        var groups = dated.GroupBy(i => PeriodLabels.Of(dates[i]!.Value, grain)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (Label: g.Key, Rows: g.ToList())).ToList();
        var periods = groups.Select(g => new ResponsePeriod(g.Label, g.Rows.Count, Outcome(table, g.Rows, confidence), Overall(table, g.Rows, confidence))).ToList();
        var changes = new List<PeriodChange>();
        if (groups.Count >= 2)
        {
            int recent = Math.Clamp(PeriodsInAYear(grain), 1, groups.Count / 2);
            var before = groups.Take(groups.Count - recent).SelectMany(g => g.Rows).ToList();
            var latest = groups.Skip(groups.Count - recent).SelectMany(g => g.Rows).ToList();
            string from = groups[^recent].Label, to = groups[^1].Label;
            if (table.Outcome is { } outcome && ShareChange(outcome, latest, before) is { } share)
            {
                changes.Add(new PeriodChange(table.OutcomeName ?? "Outcome", true, from, to, recent, share.Recent, share.RecentN, share.Earlier, share.EarlierN, share.Test.Test, share.Test.PValue));
            }

            if (table.Overall is { } overall)
            {
                var a = Values(overall, latest);
                var b = Values(overall, before);
                if (a.Length >= 2 && b.Length >= 2)
                {
                    var test = WelchTest.Compare(a, b);
                    changes.Add(new PeriodChange(overall.Name, false, from, to, recent, a.Average(), a.Length, b.Average(), b.Length, test.Test, test.PValue));
                }
            }
        }

        return (grain.ToString().ToLowerInvariant(), periods, table.Count - dated.Count, changes);
    }

    /// <summary>The finest of month, quarter and year whose median period holds <see cref="EnoughPerPeriod"/> responses
    /// or more (the year when none does).</summary>
    private static Period Grain(List<int> dated, IReadOnlyList<DateTime?> dates)
    {
        foreach (var grain in new[] { Period.Month, Period.Quarter })
        {
            var counts = dated.GroupBy(i => PeriodLabels.Of(dates[i]!.Value, grain)).Select(g => g.Count()).Order().ToList();
            double median = counts.Count % 2 == 1 ? counts[counts.Count / 2] : (counts[(counts.Count / 2) - 1] + counts[counts.Count / 2]) / 2.0;
            if (median >= EnoughPerPeriod)
            {
                return grain;
            }
        }

        return Period.Year;
    }

    private static int PeriodsInAYear(Period grain) => grain switch
    {
        Period.Month => 12,
        Period.Quarter => 4,
        _ => 1,
    };

    private static PeriodEstimate? Outcome(FeedbackTable table, List<int> rows, double confidence)
    {
        if (table.Outcome is not { } outcome)
        {
            return null;
        }

        int yes = 0, n = 0;
        foreach (int i in rows)
        {
            if (outcome[i] is bool b)
            {
                n++;
                yes += b ? 1 : 0;
            }
        }

        if (n == 0)
        {
            return null;
        }

        var e = Proportions.Wilson(yes, n, confidence);
        return new PeriodEstimate(e.Value, e.Lower, e.Upper, n);
    }

    private static PeriodEstimate? Overall(FeedbackTable table, List<int> rows, double confidence)
    {
        if (table.Overall is not { } overall)
        {
            return null;
        }

        var values = Values(overall, rows);
        if (values.Length == 0)
        {
            return null;
        }

        // A small period's t interval can reach past the scale (below 1 on a 1-10 score): no mean can lie there.
        var e = Means.TInterval(values, confidence);
        var scale = overall.Scale;
        return new PeriodEstimate(e.Value, double.IsFinite(e.Lower) ? Math.Max(e.Lower, scale.Min) : e.Lower, double.IsFinite(e.Upper) ? Math.Min(e.Upper, scale.Max) : e.Upper, values.Length);
    }

    private static double[] Values(ScoreColumn column, List<int> rows)
    {
        var values = new List<double>(rows.Count);
        foreach (int i in rows)
        {
            if (!double.IsNaN(column.Values[i]))
            {
                values.Add(column.Values[i]);
            }
        }

        return [.. values];
    }

    private static (double Recent, int RecentN, double Earlier, int EarlierN, TestResult Test)? ShareChange(IReadOnlyList<bool?> outcome, List<int> latest, List<int> before)
    {
        var counts = new long[2, 2];
        foreach (int i in latest)
        {
            if (outcome[i] is bool b)
            {
                counts[0, b ? 0 : 1]++;
            }
        }

        foreach (int i in before)
        {
            if (outcome[i] is bool b)
            {
                counts[1, b ? 0 : 1]++;
            }
        }

        long recentN = counts[0, 0] + counts[0, 1], earlierN = counts[1, 0] + counts[1, 1];
        if (recentN == 0 || earlierN == 0 || counts[0, 0] + counts[1, 0] == 0 || counts[0, 1] + counts[1, 1] == 0)
        {
            return null;
        }

        return ((double)counts[0, 0] / recentN, (int)recentN, (double)counts[1, 0] / earlierN, (int)earlierN, ChiSquareTest.Independence(counts));
    }
}
