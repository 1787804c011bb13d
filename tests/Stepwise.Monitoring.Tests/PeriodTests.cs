using Stepwise.Mining;
using Stepwise.Monitoring.Kpis;
using Stepwise.Monitoring.Periods;

namespace Stepwise.Monitoring.Tests;

/// <summary>How one log is split at a change date (the help-desk log), and two logs compared.</summary>
public sealed class PeriodTests
{
    private static readonly DateTimeOffset Change = new(2012, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static MonitorResult Split(CaseAssignment assignment, TimeSpan settling)
        => ChangeMonitor.Run(new MonitorRequest
        {
            Periods = new ChangeDateSplit { Log = Logs.Helpdesk, ChangeDate = Change, SettlingIn = settling, Assignment = assignment },
            Kpis = [MonitoredKpi.Of(new KpiMeasure(KpiKind.ReworkRate))],
            Options = new MonitorOptions { Parts = MonitorParts.None },
        });

    [Theory]
    [InlineData(CaseAssignment.ByStart)]
    [InlineData(CaseAssignment.ByEnd)]
    [InlineData(CaseAssignment.Contained)]
    public void ChangeDateSplit_EachAssignment_CountsCasesAsDefined(CaseAssignment assignment)
    {
        var log = Logs.Helpdesk;
        long change = Change.UtcTicks, settled = change + TimeSpan.FromDays(10).Ticks;
        var cases = Enumerable.Range(0, log.CaseCount);
        Func<int, long> at = assignment == CaseAssignment.ByEnd ? log.CaseEndTime : log.CaseStartTime;
        int before = assignment == CaseAssignment.Contained ? cases.Count(c => log.CaseEndTime(c) < change) : cases.Count(c => at(c) < change);
        int after = cases.Count(c => at(c) >= settled);
        int across = assignment == CaseAssignment.Contained ? cases.Count(c => log.CaseStartTime(c) < change && log.CaseEndTime(c) >= change) : 0;

        var result = Split(assignment, TimeSpan.FromDays(10));

        Assert.Equal(before, result.Before.Cases);
        Assert.Equal(after, result.After.Cases);
        Assert.Equal(across, result.LeftOutAcross);
        Assert.Equal(log.CaseCount - before - after - across, result.LeftOutSettling);
        Assert.Equal(Change, result.ChangeDate);
    }

    [Fact]
    public void ChangeDateSplit_DateBeforeEveryCase_NamesTheLogsSpan()
    {
        var ex = Assert.Throws<MonitorOptionException>(() => ChangeMonitor.Run(new MonitorRequest
        {
            Periods = new ChangeDateSplit { Log = Logs.Bpic, ChangeDate = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero) },
        }));

        Assert.Equal("change_date", ex.Field);
        Assert.Contains("leaves 0 cases before it", ex.Message, StringComparison.Ordinal);
        Assert.Contains("the log's cases run from", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SeparatePeriods_TwoLogs_StepsMatchedByName()
    {
        // Two exports: the log's cases before and after the change as separate logs (built afresh, so their activity
        // tables differ in order), compared step by step by name.
        var log = Logs.Helpdesk;
        var (beforeLog, afterLog) = (Copy(log, c => c % 2 == 0, reverse: false), Copy(log, c => c % 2 == 1, reverse: true));
        var result = ChangeMonitor.Run(new MonitorRequest
        {
            Periods = new SeparatePeriods { Before = beforeLog, After = afterLog },
            Kpis = [MonitoredKpi.Of(new KpiMeasure(KpiKind.WaitingMedian, "Resolve ticket")), MonitoredKpi.Of(new KpiMeasure(KpiKind.StepShare, "Wait"))],
            Options = new MonitorOptions { Resamples = 1000 },
        });

        var wait = result.Kpis.Single(k => k.Key == "share_with:Wait");
        Assert.Equal(Enumerable.Range(0, log.CaseCount).Where(c => c % 2 == 0).Average(c => Reference.Contains(log, c, "Wait") ? 1.0 : 0), wait.Before, 12);
        Assert.Equal(Enumerable.Range(0, log.CaseCount).Where(c => c % 2 == 1).Average(c => Reference.Contains(log, c, "Wait") ? 1.0 : 0), wait.After, 12);
        Assert.Equal(Reference.Median(Reference.Waits(log, "Resolve ticket", Enumerable.Range(0, log.CaseCount).Where(c => c % 2 == 1))), result.Kpis[0].After, 6);
        Assert.Null(result.ChangeDate);
        Assert.DoesNotContain(result.Conformance!.NewSteps, s => Enumerable.Range(0, log.CaseCount).Where(c => c % 2 == 0).Any(c => Reference.Contains(log, c, s.From)));
    }

    /// <summary>A new log of the chosen cases, its activities interned in reverse order when asked.</summary>
    private static EventLog Copy(EventLog log, Func<int, bool> keep, bool reverse)
    {
        var builder = new EventLogBuilder();
        var cases = Enumerable.Range(0, log.CaseCount).Where(keep);
        foreach (int c in reverse ? cases.Reverse() : cases)
        {
            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                builder.Add(log.CaseIds[c], log.ActivityNames[log.Activities[e]], new DateTimeOffset(log.Times[e], TimeSpan.Zero), log.Resources[e] < 0 ? null : log.ResourceNames[log.Resources[e]]);
            }
        }

        return builder.Build();
    }
}
