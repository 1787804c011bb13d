using Stepwise.Monitoring.Kpis;
using Stepwise.Monitoring.Periods;

namespace Stepwise.Monitoring.Tests;

/// <summary>
/// Ping-pong between support teams on the BPI Challenge 2013 incidents, split at 2012-05-01 by case start: the share
/// of cases whose work went from one team to another and straight back, and the hand-overs per case, by team
/// (org:group) and by person. The figures were counted separately with a short Python script reading the XES file
/// (718 of 2,365 cases before, 459 of 5,189 after by team; 593 and 593 by person).
/// </summary>
public sealed class PingPongTests
{
    private static readonly DateTimeOffset Change = new(2012, 5, 1, 0, 0, 0, TimeSpan.Zero);

    private static MonitorResult Run(string by) => ChangeMonitor.Run(new MonitorRequest
    {
        Periods = new ChangeDateSplit { Log = Logs.Bpic, ChangeDate = Change },
        Kpis = [MonitoredKpi.Of(KpiMeasure.Parse("ping_pong_rate")), MonitoredKpi.Of(KpiMeasure.Parse("handovers_per_case"))],
        Options = new MonitorOptions { HandoverBy = by, Parts = MonitorParts.None },
    });

    [Theory]
    [InlineData("org:group", 718, 459, 2.434, 0.712)]
    [InlineData("org:resource", 593, 593, 4.970, 1.714)]
    public void PingPongRate_SharesOfCasesHandedStraightBack_ByTheHandOverAttribute(string by, int beforeCases, int afterCases, double beforeHandovers, double afterHandovers)
    {
        var result = Run(by);

        var ping = result.Kpis.Single(k => k.Key == "ping_pong_rate");
        Assert.Equal((2365, 5189), (ping.BeforeCount, ping.AfterCount));
        Assert.Equal(beforeCases / 2365.0, ping.Before, 12);
        Assert.Equal(afterCases / 5189.0, ping.After, 12);
        Assert.True(ping.Low < ping.After - ping.Before && ping.After - ping.Before < ping.High);
        Assert.Equal(KpiFamily.Proportion, new KpiMeasure(KpiKind.PingPongRate).Family);
        var handovers = result.Kpis.Single(k => k.Key == "handovers_per_case");
        Assert.Equal(beforeHandovers, handovers.Before, 3);
        Assert.Equal(afterHandovers, handovers.After, 3);
    }

    [Fact]
    public void PingPongRate_IsAStandardKpi_LowerIsBetter_AndParsesBack()
    {
        Assert.Contains(StandardKpis.For(false, false, false, false, []), k => k.Measure.Kind == KpiKind.PingPongRate);
        var measure = KpiMeasure.Parse(" Ping_Pong_Rate ");
        Assert.Equal((KpiKind.PingPongRate, "ping_pong_rate", KpiDirection.LowerIsBetter, KpiUnit.Share), (measure.Kind, measure.Key, measure.DefaultDirection, measure.Unit));
        Assert.Contains("ping_pong_rate", KpiMeasure.KeyForms);
    }
}
