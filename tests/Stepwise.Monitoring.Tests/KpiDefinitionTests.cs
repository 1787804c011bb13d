using Stepwise.Monitoring.Files;
using Stepwise.Monitoring.Forecasts;
using Stepwise.Monitoring.Kpis;
using Stepwise.Steps.Files;

namespace Stepwise.Monitoring.Tests;

/// <summary>KPI keys, the mapping of a review plan's KPIs, the plan file and the options' validation.</summary>
public sealed class KpiDefinitionTests
{
    [Theory]
    [InlineData("throughput_median", KpiKind.ThroughputMedian, null)]
    [InlineData("waiting_p90:Resolve ticket", KpiKind.WaitingP90, "Resolve ticket")]
    [InlineData("breach_rate", KpiKind.BreachRate, null)]
    [InlineData("breach_rate:resolve-p1-4h", KpiKind.BreachRate, "resolve-p1-4h")]
    [InlineData("share:channel=phone|email", KpiKind.AttributeShare, "channel")]
    [InlineData("  Rework_Rate ", KpiKind.ReworkRate, null)]
    public void Parse_Keys_RoundTrip(string text, KpiKind kind, string? subject)
    {
        var measure = KpiMeasure.Parse(text);

        Assert.Equal(kind, measure.Kind);
        Assert.Equal(subject, measure.Subject);
        Assert.Equal(measure, KpiMeasure.Parse(measure.Key));
    }

    [Theory]
    [InlineData("throughput", "is not a KPI; use one of throughput_median")]
    [InlineData("waiting_median", "needs a step: write waiting_median:STEP")]
    [InlineData("volume:phone", "takes nothing after its name")]
    [InlineData("share:channel", "share:ATTRIBUTE=VALUE")]
    public void Parse_BadKeys_SayWhatWasExpected(string text, string expected)
    {
        Assert.False(KpiMeasure.TryParse(text, out _, out string? error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void FromPlan_ReviewKpi_MeasureFromTheDefinitionAndUnitsConverted()
    {
        var kpi = MonitoredKpi.FromPlan("Median resolution time", "Time from logging to closing, median [throughput_median]", "hours", higherIsBetter: false, target: 24, baseline: 30);
        var rate = MonitoredKpi.FromPlan("First-time fix", "first_contact_resolution", "%", higherIsBetter: true, target: 70, baseline: null);

        Assert.Equal(KpiKind.ThroughputMedian, kpi.Measure.Kind);
        Assert.Equal(24 * 3600.0, kpi.Target);
        Assert.Equal(30 * 3600.0, kpi.Baseline);
        Assert.Equal(KpiDirection.LowerIsBetter, kpi.EffectiveDirection);
        Assert.True(kpi.FromMonitoringPlan);
        Assert.Equal(0.7, rate.Target!.Value, 12);
        Assert.Equal(KpiDirection.HigherIsBetter, rate.EffectiveDirection);
        var ex = Assert.Throws<FormatException>(() => MonitoredKpi.FromPlan("Speed", "how fast we are", "hours", false, 1, null));
        Assert.Contains("put one in square brackets", ex.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => MonitoredKpi.FromPlan("Speed", "[throughput_median]", "percent", false, 1, null));
    }

    [Fact]
    public void PlanFile_EveryPart_Read()
    {
        var plan = MonitorPlanFile.Parse(
            """
            kpis:
              - { name: Median resolution time, measure: throughput_median, unit: hours, target: 24, baseline: 30h }
              - { measure: rework_rate, unit: "%", direction: lower, meaningful_change: 3 }
            agreed:
              removed: [Wait]
              mandatory: Assign seriousness
              order:
                - { first: Take in charge ticket, then: Resolve ticket }
            forecast:
              source: simulation of the option
              kpis:
                - { kpi: throughput_median, unit: days, low: 30, high: 35 }
                - { kpi: rework_rate, unit: "%", low: -8, high: -2, change: true }
              savings: { per_year: 25000, low: 18000, currency: EUR }
            """, "plan.yaml");

        Assert.Equal(24 * 3600.0, plan.Kpis[0].Target);
        Assert.Equal(30 * 3600.0, plan.Kpis[0].Baseline);
        Assert.Equal(0.03, plan.Kpis[1].MeaningfulChange!.Value, 12);
        Assert.Equal(["Wait"], plan.Agreed!.RemovedSteps);
        Assert.Equal(["Assign seriousness"], plan.Agreed.MandatorySteps);
        Assert.Equal("Resolve ticket", plan.Agreed.Orders[0].Then);
        Assert.Equal(30 * 86400.0, plan.Forecast!.Kpis[0].Low);
        Assert.True(plan.Forecast.Kpis[1].IsChange);
        Assert.Equal(-0.08, plan.Forecast.Kpis[1].Low, 12);
        Assert.Equal(18000, plan.Forecast.Savings!.LowPerYear);
    }

    [Theory]
    [InlineData("kpis:\n  - { measure: speed }\n", "line 2", "field 'measure'", "is not a KPI")]
    [InlineData("kpis:\n  - { measure: throughput_median, unit: percent }\n", "line 2", "field 'unit'", "expected seconds, minutes, hours, days or weeks")]
    [InlineData("kpis:\n  - { measure: rework_rate, target: lots }\n", "line 2", "field 'target'", "expected a number")]
    [InlineData("forecast:\n  kpis:\n    - { kpi: volume, low: 5, high: 2 }\n", "line 3", "field 'low'", "at most the high end")]
    [InlineData("agreed:\n  removd: [Wait]\n", "line 2", "field 'removd'", "unknown field")]
    public void PlanFile_Errors_NameLineFieldAndWhatWasExpected(string text, string line, string field, string problem)
    {
        var ex = Assert.Throws<StepsFileException>(() => MonitorPlanFile.Parse(text, "plan.yaml"));

        Assert.Contains("plan.yaml, " + line, ex.Message, StringComparison.Ordinal);
        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_RefuseValuesTheyCannotTake_NamingTheField()
    {
        Assert.Equal("confidence", Assert.Throws<MonitorOptionException>(() => new MonitorOptions { Confidence = 1.2 }).Field);
        Assert.Equal("resamples", Assert.Throws<MonitorOptionException>(() => new MonitorOptions { Resamples = 10 }).Field);
        Assert.Equal("meaningful_rate_change", Assert.Throws<MonitorOptionException>(() => new MonitorOptions { MeaningfulRateChange = 2 }).Field);
        Assert.Equal("repeat_window", Assert.Throws<MonitorOptionException>(() => new FirstContactOptions { RepeatWindow = TimeSpan.Zero }).Field);
        var message = Assert.Throws<MonitorOptionException>(() => new MonitorOptions { Confidence = 1.2 }).Message;
        Assert.DoesNotContain("Parameter", message, StringComparison.Ordinal);
        Assert.Throws<MonitorOptionException>(() => new Forecast { Kpis = [new KpiForecast { Key = "volume", Low = 3, High = 1 }] });
    }

    [Fact]
    public void Run_AttributeNotInTheLog_NamesTheFieldAndTheAttributes()
    {
        var ex = Assert.Throws<MonitorOptionException>(() => ChangeMonitor.Run(new MonitorRequest
        {
            Periods = new Periods.ChangeDateSplit { Log = Logs.Helpdesk, ChangeDate = new DateTimeOffset(2012, 1, 1, 0, 0, 0, TimeSpan.Zero) },
            Options = new MonitorOptions { MixBy = "channel" },
        }));

        Assert.Equal("mix_by", ex.Field);
        Assert.Contains("no attribute 'channel'; it has: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("service_type", ex.Message, StringComparison.Ordinal);
    }
}
