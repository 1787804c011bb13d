using Stepwise.Mining;
using Stepwise.Mining.IO;
using Stepwise.Monitoring;
using Stepwise.Monitoring.Conformance;
using Stepwise.Monitoring.Forecasts;
using Stepwise.Monitoring.Kpis;
using Stepwise.Monitoring.Periods;
using Stepwise.Review.Artefacts;
using Stepwise.Review.History;
using Stepwise.Review.Monitoring;
using Stepwise.Review.Options;
using Stepwise.Workbench.Decisions;
using Stepwise.Workbench.Evaluation;
using Stepwise.Workbench.Monitoring;
using Stepwise.Workbench.Planning;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Workbench.Tests;

/// <summary>
/// The change of the help-desk review monitored inside the review, on its stored log: every figure is checked against
/// the engine run independently on the file itself (the scope applied by hand), one KPI and the conformance against a
/// hand count, and the run is stored with the hashes of its data, its options and its history entry.
/// </summary>
public sealed class ChangeMonitoringTests
{
    private static readonly DateTimeOffset Change = new(2012, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The review taken to stage Monitor: "No waiting step" (remove Wait) simulated, costed, recommended,
    /// signed, planned and done; a plan KPI with a target.</summary>
    internal static HelpdeskReview Implemented(BenchFixture? fixture = null)
    {
        var r = new HelpdeskReview(fixture).Challenge();
        r.Evaluate();
        r.Bench.Evaluation.SetCriteria(r.Lead, r.Id, new CriteriaRequest { Criterion = ["Speed=1"] });
        r.Bench.Evaluation.Score(r.Lead, r.Id, new ScoreRequest { Option = "No waiting step", Criterion = "Speed", Score = 5, Rationale = "fastest" });
        r.Bench.Evaluation.CostBenefit(r.Lead, r.Id, new CostBenefitRequest { Option = "No waiting step", OneOffCost = 8_000m, YearlyCost = 500m, YearlySavings = 3_000m });
        r.Bench.Reviews.MoveStage(r.Lead, r.Id, "decide");
        r.Bench.Decisions.Recommend(r.Lead, r.Id, new RecommendationRequest { Title = "Stop parking tickets", Options = ["No waiting step"], Rationale = "Fastest" });
        r.Bench.Reviews.SignOff(r.Sam, r.Id, new SignOffRequest { Artefact = "recommendation", Decision = "approve" });
        r.Bench.Plan.SaveTask(r.Lead, r.Id, new TaskRequest { Title = "Change the Wait rule", Owner = "Tia Teamlead", Due = "2026-04-15" });
        r.Bench.Reviews.MoveStage(r.Lead, r.Id, "implement");
        r.Bench.Plan.UpdateStatus(r.Tia, r.Id, new TaskStatusRequest { Task = "Change the Wait rule", Status = "done" });
        r.Bench.Reviews.MoveStage(r.Lead, r.Id, "monitor");
        r.Bench.Monitoring.SaveKpi(r.Lead, r.Id, new KpiRequest { Name = "Median resolution time", Metric = "throughput_median_hours", Target = 850, Baseline = 900, BaselineSource = "service report 2011" });
        return r;
    }

    internal static ChangeMonitoringRequest Request => new() { ChangeDate = "2012-06-01", SettlingIn = "14d", WaitingSteps = 3, Resamples = 2000 };

    [Fact]
    public void Monitor_HandOverAttribute_KeptWithTheRun_UsedByPingPong_AndAnUnknownOneNamed()
    {
        var r = Implemented();
        var first = r.Bench.Monitoring.Monitor(r.Lead, r.Id, Request with { Kpi = ["ping_pong_rate", "handovers_per_case"], HandoverBy = "org:resource" }).Run.Value;
        Assert.Equal("org:resource", first.Settings.HandoverBy);
        Assert.Contains(first.Kpis, k => k.Key == "ping_pong_rate");

        // Left out, the last run's attribute is used again.
        var second = r.Bench.Monitoring.Monitor(r.Lead, r.Id, Request with { Kpi = ["ping_pong_rate"] }).Run.Value;
        Assert.Equal("org:resource", second.Settings.HandoverBy);

        var ex = Assert.Throws<StepwiseException>(() => r.Bench.Monitoring.Monitor(r.Lead, r.Id, Request with { HandoverBy = "no_such_team" }));
        Assert.Equal("handover_by", ex.Errors[0].Field);
    }

    [Fact]
    public void Monitor_HelpdeskSplitAtChangeDate_EveryFigureAsTheEngineRunOnTheFileWithTheScopeByHand()
    {
        var r = Implemented();
        var monitored = r.Bench.Monitoring.Monitor(r.Lead, r.Id, Request);
        var run = monitored.Run.Value;

        var option = r.Bench.Options.Find(r.Lead, r.Id, "No waiting step").Value;
        var expected = ChangeMonitor.Run(new MonitorRequest
        {
            Periods = new ChangeDateSplit { Log = ScopeByHand(EventLogFile.Read(HelpdeskReview.Log).Log), ChangeDate = Change, SettlingIn = TimeSpan.FromDays(14) },
            PlanKpis = [MonitoredKpi.FromPlan("Median resolution time", "throughput_median", "hours", false, 850, 900)],
            Options = new MonitorOptions { WaitingSteps = 3, Resamples = 2000 },
            Agreed = new AgreedChange { RemovedSteps = ["Wait"] },
            Forecast = new Forecast
            {
                Kpis = [.. option.Simulation!.Kpis.Where(k => k.Key is "throughput_median" or "throughput_p90" or "cost_per_case")
                    .Select(k => new KpiForecast { Key = k.Key, Low = k.Difference.Low!.Value, High = k.Difference.High!.Value, IsChange = true })],
                Savings = new SavingsForecast { PerYear = 3000 },
            },
        });

        Assert.Equal(expected.Kpis.Count, run.Kpis.Count);
        Assert.True(run.Kpis.Count >= 8, $"only {run.Kpis.Count} KPIs");
        foreach (var (e, a) in expected.Kpis.Zip(run.Kpis))
        {
            Assert.Equal(e.Key, a.Key);
            Assert.Equal(e.Name, a.Name);
            Assert.Equal((N(e.Before), N(e.After), N(e.Difference), N(e.Low), N(e.High)), (a.Before, a.After, a.Difference, a.Low, a.High));
            Assert.Equal((N(e.PValue), N(e.AdjustedPValue), N(e.DetectableChange), N(e.MeaningfulChange)), (a.PValue, a.AdjustedPValue, a.DetectableChange, a.MeaningfulChange));
            Assert.Equal(MonitoringWords.Verdict(a.Verdict), Stepwise.Monitoring.Comparison.VerdictWords.Of(e.Verdict));
            Assert.Equal((e.BeforeCount, e.AfterCount), (a.BeforeCount, a.AfterCount));
        }

        var plan = Assert.Single(run.Kpis, k => k.PlanKpi == "Median resolution time");
        Assert.Equal(("throughput_median", 850 * 3600.0, 900 * 3600.0), (plan.Key, plan.Target, plan.Baseline));
        Assert.NotNull(plan.TargetVerdict);
        Assert.Equal((expected.Before.Cases, expected.After.Cases, expected.LeftOutSettling), (run.Before.Cases, run.After.Cases, run.LeftOutSettling));
        Assert.Equal(expected.Trends.Count, run.Trends.Count);
        Assert.Equal(expected.Trends.SelectMany(t => t.Points.Select(p => (p.Label, p.Value, p.Lower))), run.Trends.SelectMany(t => t.Points.Select(p => (p.Label, p.Value, p.Lower ?? double.NaN))));
        var wait = Assert.Single(run.Conformance);
        var expectedWait = Assert.Single(expected.Conformance!.Checks);
        Assert.Equal((expectedWait.BeforeBreaking, expectedWait.AfterBreaking, expectedWait.AfterCases), (wait.BeforeBreaking, wait.AfterBreaking, wait.AfterCases));
        Assert.Equal(expected.Forecast.Select(f => (f.Key, f.ForecastLow, f.ForecastHigh, f.Actual)), run.Forecasts.Select(f => (f.Key, f.ForecastLow ?? double.NaN, f.ForecastHigh ?? double.NaN, f.Actual ?? double.NaN)));
        Assert.Contains(run.Forecasts, f => f.Key == "throughput_median" && f.ForecastLow == option.Simulation.Kpi("throughput_median")!.Difference.Low);
        Assert.Contains("No waiting step", run.ForecastSource, StringComparison.Ordinal);
        Assert.Equal("No waiting step", run.OptionTitle);
    }

    [Fact]
    public void Monitor_ReworkAndRemovedStep_MatchAHandCountOfTheFile()
    {
        var r = Implemented();
        var run = r.Bench.Monitoring.Monitor(r.Lead, r.Id, Request).Run.Value;

        // By hand: cases ending with Closed, before = starting before 1 June 2012, after = starting from 15 June 2012.
        var log = EventLogFile.Read(HelpdeskReview.Log).Log;
        int before = 0, after = 0, reworkBefore = 0, reworkAfter = 0, waitAfter = 0;
        for (int c = 0; c < log.CaseCount; c++)
        {
            if (log.ActivityNames[log.Activities[log.CaseEnd(c) - 1]] != "Closed")
            {
                continue;
            }

            var start = Mining.Time.Timestamp.ToDateTimeOffset(log.CaseStartTime(c));
            var steps = Enumerable.Range(log.CaseStart(c), log.CaseEnd(c) - log.CaseStart(c)).Select(e => log.ActivityNames[log.Activities[e]]).ToList();
            bool rework = steps.Count != steps.Distinct().Count();
            if (start < Change)
            {
                before++;
                reworkBefore += rework ? 1 : 0;
            }
            else if (start >= Change.AddDays(14))
            {
                after++;
                reworkAfter += rework ? 1 : 0;
                waitAfter += steps.Contains("Wait") ? 1 : 0;
            }
        }

        var kpi = Assert.Single(run.Kpis, k => k.Key == "rework_rate");
        Assert.Equal((before, after), (run.Before.Cases, run.After.Cases));
        Assert.Equal((double)reworkBefore / before, kpi.Before!.Value, 12);
        Assert.Equal((double)reworkAfter / after, kpi.After!.Value, 12);
        Assert.Equal((after, waitAfter), (run.Conformance[0].AfterCases, run.Conformance[0].AfterBreaking));
    }

    [Fact]
    public void Monitor_Stored_PinsDataHashesAndOptionsKeepsEachRunInHistoryAndLetsTheReviewClose()
    {
        var r = Implemented();
        Assert.Contains("stepwise review monitor", Assert.Throws<Review.Common.ReviewRuleException>(() => r.Bench.Reviews.MoveStage(r.Lead, r.Id, "closed")).Message);
        var first = r.Bench.Monitoring.Monitor(r.Lead, r.Id, Request);
        Assert.Equal((r.Source.ContentHash, r.Source.ContentHash), (first.Run.Value.Before.DataHash, first.Run.Value.After.DataHash));
        Assert.Equal((0.95, "holm", 2000, 14.0, "week"), (first.Run.Value.Settings.Confidence, first.Run.Value.Settings.Adjustment, first.Run.Value.Settings.Resamples, first.Run.Value.Settings.SettlingInDays, first.Run.Value.Settings.Interval));

        // A second run takes the change date recorded by the first, and becomes version 2; version 1 stays readable.
        var second = r.Bench.Monitoring.Monitor(r.Lead, r.Id, new ChangeMonitoringRequest { Resamples = 1000 + 1000, WaitingSteps = 3, Confidence = 0.9 });
        Assert.Equal((2L, Change), (second.Run.Version, second.Run.Value.ChangeDate!.Value));
        Assert.Equal(0.95, r.Bench.Monitoring.Version(r.Sam, r.Id, 1)!.Value.Settings.Confidence);
        Assert.Equal(0.9, r.Bench.Monitoring.Latest(r.Sam, r.Id)!.Value.Settings.Confidence);
        var lines = r.Bench.Reviews.HistoryLines(r.Sam, r.Id).Where(l => l.Artefact == "the monitoring of the change").ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.StartsWith($"Monitored the change on helpdesk.xes.gz (sha256 {r.Source.ContentHash.Short}) split at 2012-06-01:", l.Summary, StringComparison.Ordinal));

        Assert.Equal("Closed", r.Bench.Reviews.MoveStage(r.Lead, r.Id, "closed").Stage.ToString());
    }

    [Fact]
    public void Monitor_BadRequests_RefusedByFieldAndRoleAndNothingStored()
    {
        var r = Implemented();
        Assert.Equal("change_date", Assert.Throws<StepwiseException>(() => r.Bench.Monitoring.Monitor(r.Lead, r.Id, new ChangeMonitoringRequest())).Errors[0].Field);
        Assert.Equal("settling_in", Assert.Throws<StepwiseException>(() => r.Bench.Monitoring.Monitor(r.Lead, r.Id, Request with { SettlingIn = "soon" })).Errors[0].Field);
        Assert.Equal("change_date", Assert.Throws<StepwiseException>(() => r.Bench.Monitoring.Monitor(r.Lead, r.Id, Request with { ChangeDate = "2030-01-01" })).Errors[0].Field);
        Assert.Equal("meaningful_rate_change", Assert.Throws<StepwiseException>(() => r.Bench.Monitoring.Monitor(r.Lead, r.Id, Request with { MeaningfulRateChange = 3 })).Errors[0].Field);
        Assert.Equal("mix_by", Assert.Throws<StepwiseException>(() => r.Bench.Monitoring.Monitor(r.Lead, r.Id, Request with { MixBy = "no_such_attribute" })).Errors[0].Field);
        Assert.Equal(ProblemKind.Forbidden, Assert.Throws<StepwiseException>(() => r.Bench.Monitoring.Monitor(r.Tia, r.Id, Request)).Kind);
        Assert.Null(r.Bench.Monitoring.Latest(r.Lead, r.Id));

        var early = new HelpdeskReview();
        Assert.Equal(ProblemKind.RuleBroken, Assert.Throws<StepwiseException>(() => early.Bench.Monitoring.Monitor(early.Lead, early.Id, Request)).Kind);
    }

    [Fact]
    public void Words_Verdicts_SayWhetherTheChangeIsLargerThanTheMeaningfulChange()
    {
        var kpi = new KpiOutcome { Key = "throughput_median", Name = "x", Unit = "seconds", Better = "lower", Verdict = ChangeVerdict.Improved, Low = -5 * 86400, High = -3 * 86400, MeaningfulChange = 2 * 86400 };
        Assert.Equal("improved, and the improvement is larger than the meaningful change (2.0 d).", MonitoringWords.Sentence(kpi));
        Assert.Equal("improved, but the improvement may be smaller than the meaningful change (2.0 d).", MonitoringWords.Sentence(kpi with { High = -86400 }));
        Assert.StartsWith("undecided: the data cannot rule out", MonitoringWords.Sentence(kpi with { Verdict = ChangeVerdict.Undecided }), StringComparison.Ordinal);
        Assert.Equal("+2.0 pp", MonitoringWords.Change(0.02, "share"));
        Assert.Equal("−3.0 d to −2.0 d", MonitoringWords.Interval(-3 * 86400, -2 * 86400, "seconds"));
        Assert.Equal("+8,734.52", MonitoringWords.Interval(8734.52, 8734.52, "money"));
    }

    private static double? N(double value) => double.IsFinite(value) ? value : null;

    private static LogView ScopeByHand(EventLog log)
    {
        var cases = Enumerable.Range(0, log.CaseCount).Where(c => log.ActivityNames[log.Activities[log.CaseEnd(c) - 1]] == "Closed").ToArray();
        return new LogView(log, cases);
    }
}
