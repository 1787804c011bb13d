using System.Globalization;
using MathNet.Numerics.Distributions;
using Stepwise.Mining;
using Stepwise.Mining.IO;
using Stepwise.Review.Monitoring;
using Stepwise.Testing;
using Stepwise.Workbench.Monitoring;
using Stepwise.Workbench.Planning;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Tests;

/// <summary>
/// Satisfaction from the review's survey responses and first-contact resolution, monitored inside the review on the
/// help-desk log, checked against a second computation written here from the stated definitions (the file read with
/// a plain CSV split, the scope and the periods applied by hand, Welch's t and the Newcombe interval from their
/// formulas); and the plan's go-live date as the default change date.
/// </summary>
public sealed class ChangeMonitoringFeedbackTests
{
    private const double Z = 1.959963984540054;
    private static readonly DateTimeOffset Change = new(2012, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string FeedbackFile = Path.Combine(SharedData.RepositoryRoot, "samples", "helpdesk-feedback.csv");
    private static readonly Lazy<EventLog> Log = new(() => EventLogFile.Read(HelpdeskReview.Log).Log);

    [Fact]
    public void Monitor_FeedbackByCaseIdAndHandlerProxy_SatisfactionAndFirstContactAsComputedByHand()
    {
        var r = ChangeMonitoringTests.Implemented();
        var run = r.Bench.Monitoring.Monitor(r.Lead, r.Id, ChangeMonitoringTests.Request with { Feedback = FeedbackFile }).Run.Value;
        var (before, after) = Periods();
        var log = Log.Value;

        // Satisfaction: the first response in the file with the case's id, its overall score; cases without one left out.
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var row in File.ReadLines(FeedbackFile).Skip(1).Select(Split))
        {
            if (row[1].Length > 0)
            {
                scores.TryAdd(row[1], double.Parse(row[4], CultureInfo.InvariantCulture));
            }
        }

        double[] Scored(IEnumerable<int> cases) => [.. cases.Where(c => scores.ContainsKey(log.CaseIds[c])).Select(c => scores[log.CaseIds[c]])];
        var satisfaction = Assert.Single(run.Kpis, k => k.Key == "satisfaction");
        CheckWelch(satisfaction, Scored(before), Scored(after));
        Assert.Equal(("score", "higher"), (satisfaction.Unit, satisfaction.Better));

        // First-contact resolution by the proxy: every event with a participant by the same one, and no step done twice.
        double? Proxy(int c)
        {
            var events = Enumerable.Range(log.CaseStart(c), log.CaseLength(c)).ToList();
            var who = events.Select(e => log.Resources[e]).Where(x => x >= 0).Distinct().Count();
            bool repeated = events.Select(e => log.Activities[e]).Distinct().Count() < events.Count;
            return events.All(e => log.Resources[e] < 0) ? null : who == 1 && !repeated ? 1 : 0;
        }

        // On this log no closed ticket stays with one participant without a repeated step: both shares are 0.
        var fcr = Assert.Single(run.Kpis, k => k.Key == "first_contact_resolution");
        CheckNewcombe(fcr, [.. before.Select(Proxy).OfType<double>()], [.. after.Select(Proxy).OfType<double>()]);
        Assert.Equal((0.0, 0.0, ChangeVerdict.NoDetectableChange), (fcr.Before, fcr.After, fcr.Verdict));
        Assert.Equal(("one_handler_no_rework", "org:resource"), (run.Settings.FirstContact, run.Settings.FirstContactAttribute));
        Assert.Equal(("helpdesk-feedback.csv", Review.Common.ContentHash.OfFile(FeedbackFile), "by case id"), (run.Settings.Feedback, run.Settings.FeedbackHash!.Value, run.Settings.FeedbackLink));
        Assert.Contains(run.Notes, n => n.StartsWith("The step assessments linked no survey responses", StringComparison.Ordinal));
    }

    [Fact]
    public void Monitor_CustomerAttribute_FirstContactAsNoRepeatContactComputedByHandAndMoreResponsesLinked()
    {
        var r = ChangeMonitoringTests.Implemented();
        var byCaseId = r.Bench.Monitoring.Monitor(r.Lead, r.Id, ChangeMonitoringTests.Request with { Feedback = FeedbackFile }).Run.Value;
        var run = r.Bench.Monitoring.Monitor(r.Lead, r.Id, ChangeMonitoringTests.Request with { Feedback = FeedbackFile, CustomerAttribute = "customer" }).Run.Value;
        var (before, after) = Periods();
        var log = Log.Value;

        // No repeat contact: the customer opens no other case (of the whole log) from this case's start until 7 days
        // after its end; unknown when those 7 days reach past the log's last event.
        var (codes, values) = Stepwise.Mining.Attributes.AttributeCodes.ForCases(log, "customer");
        var customer = Enumerable.Range(0, log.CaseCount).Select(c => codes[c] < 0 ? null : values[codes[c]]).ToArray();
        long logEnd = Enumerable.Range(0, log.CaseCount).Max(log.CaseEndTime);
        var byCustomer = Enumerable.Range(0, log.CaseCount).Where(c => customer[c] is not null).ToLookup(c => customer[c]!, StringComparer.Ordinal);
        double? NoRepeat(int c)
        {
            if (customer[c] is not { } who)
            {
                return null;
            }

            long limit = log.CaseEndTime(c) + TimeSpan.FromDays(7).Ticks;
            bool repeat = byCustomer[who].Any(d => d != c && (log.CaseStartTime(d) > log.CaseStartTime(c) || (log.CaseStartTime(d) == log.CaseStartTime(c) && d > c)) && log.CaseStartTime(d) <= limit);
            return repeat ? 0 : limit > logEnd ? null : 1;
        }

        var fcr = Assert.Single(run.Kpis, k => k.Key == "first_contact_resolution");
        CheckNewcombe(fcr, [.. before.Select(NoRepeat).OfType<double>()], [.. after.Select(NoRepeat).OfType<double>()]);
        Assert.Equal(("no_repeat_contact", "customer"), (run.Settings.FirstContact, run.Settings.FirstContactAttribute));
        Assert.Contains(run.Notes, n => n.Contains("opened no other case within 7 days", StringComparison.Ordinal));

        // A fifth of the responses carry only a customer id: linking by customer scores more cases in each period.
        var linked = Assert.Single(run.Kpis, k => k.Key == "satisfaction");
        var caseIdOnly = Assert.Single(byCaseId.Kpis, k => k.Key == "satisfaction");
        Assert.True(linked.BeforeCount > caseIdOnly.BeforeCount && linked.AfterCount > caseIdOnly.AfterCount, $"{linked.BeforeCount}/{linked.AfterCount} against {caseIdOnly.BeforeCount}/{caseIdOnly.AfterCount}");
        Assert.StartsWith("by case id, else to the last case of the customer ('customer') ending within 14 days", run.Settings.FeedbackLink, StringComparison.Ordinal);
    }

    [Fact]
    public void Monitor_BadFeedbackAndFirstContactFields_RefusedByFieldAndNothingStored()
    {
        var r = ChangeMonitoringTests.Implemented();
        StepwiseException Refused(ChangeMonitoringRequest request) => Assert.Throws<StepwiseException>(() => r.Bench.Monitoring.Monitor(r.Lead, r.Id, request));
        Assert.Equal("feedback", Refused(ChangeMonitoringTests.Request with { Feedback = "/no/such/feedback.csv" }).Errors[0].Field);
        Assert.Equal("link_window", Refused(ChangeMonitoringTests.Request with { Feedback = FeedbackFile, LinkWindow = "-3d" }).Errors[0].Field);
        Assert.Equal("customer_attribute", Refused(ChangeMonitoringTests.Request with { CustomerAttribute = "client" }).Errors[0].Field);
        Assert.Equal("fcr_attribute", Refused(ChangeMonitoringTests.Request with { FcrAttribute = "resolved_first_time" }).Errors[0].Field);
        Assert.Equal("fcr_attribute", Refused(ChangeMonitoringTests.Request with { FcrAttribute = "fcr=" }).Errors[0].Field);
        Assert.Equal("repeat_window", Refused(ChangeMonitoringTests.Request with { RepeatWindow = "0d" }).Errors[0].Field);
        Assert.Null(r.Bench.Monitoring.Latest(r.Lead, r.Id));
    }

    [Fact]
    public void GoLive_OnThePlan_IsTheDefaultChangeDateAndTheRunIsInTheReviewContents()
    {
        var r = ChangeMonitoringTests.Implemented();
        Assert.Equal("go_live", Assert.Throws<StepwiseException>(() => r.Bench.Plan.SetGoLive(r.Lead, r.Id, new GoLiveRequest { GoLive = "first of June" })).Errors[0].Field);
        Assert.Equal(ProblemKind.Forbidden, Assert.Throws<StepwiseException>(() => r.Bench.Plan.SetGoLive(r.Tia, r.Id, new GoLiveRequest { GoLive = "2012-06-01" })).Kind);
        var plan = r.Bench.Plan.SetGoLive(r.Lead, r.Id, new GoLiveRequest { GoLive = "2012-06-01" });
        Assert.Equal(Change, plan.Value.GoLive);
        Assert.Single(plan.Value.Tasks);
        Assert.Null(r.Bench.Reviews.Show(r.Sam, r.Id).MonitoringRun);

        // No change date given: the plan's go-live splits the one data source.
        var run = r.Bench.Monitoring.Monitor(r.Lead, r.Id, new ChangeMonitoringRequest { SettlingIn = "14d", WaitingSteps = 3, Resamples = 2000 }).Run;
        Assert.Equal(Change, run.Value.ChangeDate);
        Assert.Contains("The change date 2012-06-01 00:00 UTC is the implementation plan's go-live date.", run.Value.Notes);
        var (before, after) = Periods();
        Assert.Equal((before.Count, after.Count), (run.Value.Before.Cases, run.Value.After.Cases));

        // A date given wins over the go-live; the review's contents carry the latest run.
        var later = r.Bench.Monitoring.Monitor(r.Lead, r.Id, new ChangeMonitoringRequest { ChangeDate = "2012-09-01", WaitingSteps = 3, Resamples = 2000 }).Run;
        Assert.Equal(new DateTimeOffset(2012, 9, 1, 0, 0, 0, TimeSpan.Zero), later.Value.ChangeDate);
        Assert.DoesNotContain(later.Value.Notes, n => n.Contains("go-live", StringComparison.Ordinal));
        var shown = r.Bench.Reviews.Show(r.Sam, r.Id).MonitoringRun;
        Assert.Equal((2L, later.Value.ChangeDate), (shown!.Version, shown.Value.ChangeDate));

        // Cleared, the previous run's date is the default again.
        Assert.Null(r.Bench.Plan.SetGoLive(r.Lead, r.Id, new GoLiveRequest { GoLive = "" }).Value.GoLive);
        var again = r.Bench.Monitoring.Monitor(r.Lead, r.Id, new ChangeMonitoringRequest { WaitingSteps = 3, Resamples = 2000 }).Run;
        Assert.Equal(later.Value.ChangeDate, again.Value.ChangeDate);
        Assert.Contains(again.Value.Notes, n => n.EndsWith("is the one the previous monitoring used.", StringComparison.Ordinal));
    }

    /// <summary>Cases ending with Closed (the review's scope) starting before the change, and from 14 days after it.</summary>
    private static (List<int> Before, List<int> After) Periods()
    {
        var log = Log.Value;
        var closed = Enumerable.Range(0, log.CaseCount).Where(c => log.ActivityNames[log.Activities[log.CaseEnd(c) - 1]] == "Closed").ToList();
        long change = Change.UtcTicks, settled = Change.AddDays(14).UtcTicks;
        return ([.. closed.Where(c => log.CaseStartTime(c) < change)], [.. closed.Where(c => log.CaseStartTime(c) >= settled)]);
    }

    /// <summary>Welch's t: the means, the interval of their difference and the two-sided p-value.</summary>
    private static void CheckWelch(KpiOutcome kpi, double[] b, double[] a)
    {
        Assert.Equal((b.Length, a.Length), (kpi.BeforeCount, kpi.AfterCount));
        Assert.Equal(b.Average(), kpi.Before!.Value, 12);
        Assert.Equal(a.Average(), kpi.After!.Value, 12);
        double vb = Var(b) / b.Length, va = Var(a) / a.Length, se = Math.Sqrt(vb + va);
        double df = (vb + va) * (vb + va) / ((vb * vb / (b.Length - 1)) + (va * va / (a.Length - 1)));
        double d = a.Average() - b.Average(), t = StudentT.InvCDF(0, 1, df, 0.975);
        Assert.Equal(d - (t * se), kpi.Low!.Value, 9);
        Assert.Equal(d + (t * se), kpi.High!.Value, 9);
        Assert.Equal(2 * StudentT.CDF(0, 1, df, -Math.Abs(d) / se), kpi.PValue!.Value, 9);
    }

    /// <summary>Shares, the Newcombe (1998, method 10) interval of their difference and the pooled z-test.</summary>
    private static void CheckNewcombe(KpiOutcome kpi, double[] b, double[] a)
    {
        int x1 = (int)b.Sum(), n1 = b.Length, x2 = (int)a.Sum(), n2 = a.Length;
        Assert.Equal((n1, n2), (kpi.BeforeCount, kpi.AfterCount));
        double p1 = (double)x1 / n1, p2 = (double)x2 / n2;
        Assert.Equal(p1, kpi.Before!.Value, 12);
        Assert.Equal(p2, kpi.After!.Value, 12);
        var (l1, u1) = Wilson(x1, n1);
        var (l2, u2) = Wilson(x2, n2);
        Assert.Equal(p2 - p1 - Math.Sqrt(((p2 - l2) * (p2 - l2)) + ((u1 - p1) * (u1 - p1))), kpi.Low!.Value, 9);
        Assert.Equal(p2 - p1 + Math.Sqrt(((u2 - p2) * (u2 - p2)) + ((p1 - l1) * (p1 - l1))), kpi.High!.Value, 9);
        double pooled = (double)(x1 + x2) / (n1 + n2);
        double z = (p2 - p1) / Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2)));
        // Every case alike in both periods (no variation): no test can see a difference, p = 1.
        Assert.Equal(pooled is 0 or 1 ? 1 : 2 * Normal.CDF(0, 1, -Math.Abs(z)), kpi.PValue!.Value, 9);
    }

    private static (double Low, double High) Wilson(int x, int n)
    {
        double p = (double)x / n, z2 = Z * Z;
        double centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        double half = Z / (1 + (z2 / n)) * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n)));
        return (centre - half, centre + half);
    }

    private static double Var(double[] values)
    {
        double mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
    }

    /// <summary>A CSV line split at commas outside double quotes.</summary>
    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (ch == '"')
            {
                if (quoted && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = !quoted;
                }
            }
            else if (ch == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
