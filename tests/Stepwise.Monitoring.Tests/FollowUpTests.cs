using Stepwise.Monitoring.Comparison;
using Stepwise.Monitoring.Forecasts;
using Stepwise.Monitoring.Kpis;
using Stepwise.Monitoring.Periods;

namespace Stepwise.Monitoring.Tests;

/// <summary>
/// After cases cut short by the end of the data. The figures were worked out from the XES files in Python, apart
/// from the product (each case's first and last timestamp; follow-up = the log's last timestamp - the case's first;
/// chance = the share of before throughputs above it): BPI Challenge 2013 split at 1 May 2012 gives 2,365 before and
/// 5,189 after cases, data ending 22 May 2012 23:22, after follow-ups 16.75 to 21.97 days, chances 0.393499 after and
/// 0.209557 before (0.183941 beyond), the before throughput's 90th percentile 54.41 days; the help desk split at 1 January
/// 2012 gives 0.007457.
/// </summary>
public sealed class FollowUpTests
{
    private static MonitorResult Run(Mining.EventLog log, DateTimeOffset change, Forecast? forecast = null)
        => ChangeMonitor.Run(new MonitorRequest
        {
            Periods = new ChangeDateSplit { Log = log, ChangeDate = change },
            Kpis = [MonitoredKpi.Of(new KpiMeasure(KpiKind.ThroughputMedian)), MonitoredKpi.Of(new KpiMeasure(KpiKind.Volume))],
            Options = new MonitorOptions { Parts = MonitorParts.None, Resamples = 1000 },
            Forecast = forecast,
        });

    [Fact]
    public void Bpic2013_AfterCasesOfThreeWeeks_AreCutShortAndTheirVerdictWithheld()
    {
        var forecast = new Forecast { Kpis = [new KpiForecast { Key = "throughput_median", Low = -1, High = 0, IsChange = true }] };
        var result = Run(Logs.Bpic, new DateTimeOffset(2012, 5, 1, 0, 0, 0, TimeSpan.Zero), forecast);

        var followUp = Assert.IsType<FollowUp>(result.FollowUp);
        Assert.True(followUp.CutShort);
        Assert.Equal(0.183941, followUp.Share, 5);
        Assert.Equal(0.393499, followUp.AfterChance, 5);
        Assert.Equal(16.75, followUp.ShortestDays, 0.01);
        Assert.Equal(21.97, followUp.LongestDays, 0.01);
        Assert.Equal(54.41, followUp.BeforeP90Days, 0.01);
        Assert.Equal(new DateOnly(2012, 5, 22), DateOnly.FromDateTime(followUp.DataEnd.UtcDateTime));

        // Throughput fell by 12 days, all of it from the cut: no verdict, and no forecast judged against it.
        var throughput = result.Kpis.Single(k => k.Kpi.Measure.Kind == KpiKind.ThroughputMedian);
        Assert.True(throughput.Difference < -10 * 86400);
        Assert.True(throughput.CutShort);
        Assert.Equal(Verdict.Undecided, throughput.Verdict);
        Assert.Equal(ForecastVerdict.NotMeasured, Assert.Single(result.Forecast).Verdict);

        // Volume counts arrivals, which the end of the data does not cut.
        Assert.False(result.Kpis.Single(k => k.Kpi.Measure.Kind == KpiKind.Volume).CutShort);
        var note = Assert.Single(result.Notes, n => n.StartsWith("The data end on 22 May 2012", StringComparison.Ordinal));
        Assert.Contains("had only 16.7 d to 22 d to finish, and 39% of them", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Helpdesk_AfterCasesWatchedForMonths_AreNotCutShort()
    {
        var result = Run(Logs.Helpdesk, new DateTimeOffset(2012, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var followUp = Assert.IsType<FollowUp>(result.FollowUp);
        Assert.False(followUp.CutShort);
        Assert.Equal(0.007457, followUp.Share, 5);
        Assert.All(result.Kpis, k => Assert.False(k.CutShort));
        Assert.DoesNotContain(result.Notes, n => n.StartsWith("The data end on", StringComparison.Ordinal));
    }
}
