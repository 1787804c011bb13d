using Stepwise.Mining;
using Stepwise.Mining.Attributes;
using Stepwise.Steps.Costing;
using Stepwise.Steps.Evidence;
using Stepwise.Steps.Files;

namespace Stepwise.Steps.Tests;

public class CostingTests
{
    private static KeyValuePair<string, object?>[] Team(string team) => [new("team", team)];

    /// <summary>Two cases with start times; ann has her own rate, bob's team T2 has a rate, carl has neither.</summary>
    private static EventLog Measured() => new EventLogBuilder()
        .Add("c1", "Register", Logs.At(9.5), "ann", Logs.At(9), Team("T1"))
        .Add("c1", "Resolve", Logs.At(11), "bob", Logs.At(10), Team("T2"))
        .Add("c2", "Register", Logs.At(9.25, 1), "ann", Logs.At(9, 1), Team("T1"))
        .Add("c2", "Register", Logs.At(9 + (50 / 60.0), 1), "ann", Logs.At(9 + (20 / 60.0), 1), Team("T1"))
        .Add("c2", "Resolve", Logs.At(10.5, 1), "carl", Logs.At(10, 1), Team("T3"))
        .Build();

    private static CostModel Model() => new()
    {
        Currency = "GBP",
        Levels = [new RateLevel("org:resource", new Dictionary<string, double> { ["ann"] = 40 }), new RateLevel("team", new Dictionary<string, double> { ["T2"] = 30 })],
        DefaultRate = 25,
        FixedCosts = new Dictionary<string, double> { ["Resolve"] = 5 },
    };

    [Fact]
    public void Compute_MeasuredTimes_CostsWorkedByHand()
    {
        var report = ActivityCosting.Compute(Measured(), Model());

        // By hand: c1 = ann 0.5h x 40 = 20, bob (team T2) 1h x 30 + 5 = 35; c2 = ann 0.25h x 40 = 10, ann again
        // 0.5h x 40 = 20 (rework), carl (default) 0.5h x 25 + 5 = 17.5.
        var register = report.Find("Register")!;
        var resolve = report.Find("Resolve")!;
        Assert.Equal(50, register.TotalCost, 9);
        Assert.Equal(20, register.ReworkCost, 9);
        Assert.Equal(1, register.ReworkInstances);
        Assert.Equal(52.5, resolve.TotalCost, 9);
        Assert.Equal(10, resolve.FixedCost, 9);
        Assert.Equal(102.5, report.TotalCost, 9);
        Assert.Equal(20, report.ReworkCost, 9);
        Assert.Equal(52.5 / 102.5, resolve.Share, 9);
        Assert.Equal(HandlingTimeBasis.Measured, register.Handling.Basis);
        Assert.Equal([55.0, 47.5], report.CostliestCases.Select(c => Math.Round(c.TotalCost, 9)));
        Assert.Equal(2, report.Variants.Count);
        Assert.Equal(102.5, report.Variants.Sum(v => v.TotalCost), 9);
        Assert.Equal(51.25, report.CaseSummary.Mean, 9);
        Assert.StartsWith("Handling time: measured from start and completion times.", report.HandlingMethod, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_NoStartTimesAndStandardTimes_UsesThemAndSaysSo()
    {
        var log = new EventLogBuilder()
            .Add("c1", "Register", Logs.At(9), "ann")
            .Add("c1", "Resolve", Logs.At(12), "bob")
            .Build();
        var model = Model() with
        {
            Levels = [new RateLevel("org:resource", new Dictionary<string, double> { ["ann"] = 40 })],
            Handling = new HandlingTimeOptions { StandardTimes = new Dictionary<string, TimeSpan> { ["Register"] = TimeSpan.FromMinutes(6), ["Resolve"] = TimeSpan.FromMinutes(30) } },
        };

        var report = ActivityCosting.Compute(log, model);

        // ann 0.1h x 40 = 4; bob has no rate of his own and no team, so the default: 0.5h x 25 + 5 = 17.5.
        Assert.Equal(4, report.Find("Register")!.TotalCost, 9);
        Assert.Equal(17.5, report.Find("Resolve")!.TotalCost, 9);
        Assert.All(report.Steps, s => Assert.Equal(HandlingTimeBasis.Standard, s.Handling.Basis));
        Assert.Contains("standard times given by the user for 'Register', 'Resolve'", report.HandlingMethod, StringComparison.Ordinal);
        Assert.DoesNotContain("measured", report.HandlingMethod, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NoStartTimesNoStandard_EstimatesFromShortGapsAndSaysItIsNotMeasured()
    {
        // ann completes at 9:00, 9:10, 9:25, 11:00 and 11:05: the gaps are 10, 15, 95 and 5 minutes; 95 is above the
        // 60-minute cap, so the estimate for 'Reply' is the median of 10, 15 and 5 = 10 minutes.
        var log = new EventLogBuilder()
            .Add("c1", "Open", Logs.At(9), "ann")
            .Add("c1", "Reply", Logs.At(9 + (10 / 60.0)), "ann")
            .Add("c2", "Reply", Logs.At(9 + (25 / 60.0)), "ann")
            .Add("c2", "Reply", Logs.At(11), "ann")
            .Add("c3", "Reply", Logs.At(11 + (5 / 60.0)), "ann")
            .Build();

        var handling = HandlingTimes.Resolve(log, new HandlingTimeOptions { EstimateMinSamples = 3 });

        var reply = handling.Find("Reply")!;
        Assert.Equal(HandlingTimeBasis.Estimated, reply.Basis);
        Assert.Equal(600, reply.PerInstanceSeconds, 3);
        Assert.Equal(3, reply.EstimateSamples);
        Assert.Equal(HandlingTimeBasis.Unknown, handling.Find("Open")!.Basis);
        Assert.Contains("estimated, not measured", handling.Method, StringComparison.Ordinal);
        Assert.Contains("unknown", handling.Method, StringComparison.Ordinal);
        Assert.True(double.IsNaN(handling.SecondsOf(0)));
    }

    [Fact]
    public void Compute_RealHelpdesk_TotalsAgreeWithABruteForceCosting()
    {
        var log = Logs.Helpdesk;
        var model = new CostModel
        {
            Levels = [new RateLevel("org:resource", new Dictionary<string, double> { ["Value 1"] = 30, ["Value 2"] = 35 }), new RateLevel("workgroup", new Dictionary<string, double> { ["Value 2"] = 45 })],
            DefaultRate = 28,
            Handling = new HandlingTimeOptions { StandardTimes = new Dictionary<string, TimeSpan> { ["Closed"] = TimeSpan.FromMinutes(2), ["Wait"] = TimeSpan.FromMinutes(1) } },
            FixedCosts = new Dictionary<string, double> { ["Create SW anomaly"] = 12.5 },
        };

        var report = ActivityCosting.Compute(log, model);

        // The estimate for 'Resolve ticket', by brute force: every completion by a resource, minus that resource's
        // previous completion, where the gap is above zero and at most an hour; the median.
        int resolve = log.ActivityNames.IdOf("Resolve ticket");
        var gaps = Enumerable.Range(0, log.EventCount).Where(e => log.Resources[e] >= 0)
            .GroupBy(e => log.Resources[e])
            .SelectMany(g =>
            {
                var ordered = g.OrderBy(e => log.Times[e]).ThenBy(e => e).ToList();
                return ordered.Skip(1).Select((e, i) => (Row: e, Gap: log.Times[e] - log.Times[ordered[i]]));
            })
            .Where(x => log.Activities[x.Row] == resolve && x.Gap > 0 && x.Gap <= TimeSpan.TicksPerHour)
            .Select(x => (double)x.Gap).OrderBy(x => x).ToList();
        double median = gaps.Count % 2 == 1 ? gaps[gaps.Count / 2] : (gaps[(gaps.Count / 2) - 1] + gaps[gaps.Count / 2]) / 2;
        Assert.Equal(median / TimeSpan.TicksPerSecond, report.Find("Resolve ticket")!.Handling.PerInstanceSeconds, 6);

        // Total by brute force over events, with the per-activity handling times the report states.
        var (resourceCodes, resourceNames) = AttributeCodes.ForEvents(log, "org:resource");
        var (groupCodes, groupNames) = AttributeCodes.ForEvents(log, "workgroup");
        double total = 0;
        for (int e = 0; e < log.EventCount; e++)
        {
            string activity = log.ActivityNames[log.Activities[e]];
            double seconds = report.Find(activity)!.Handling.PerInstanceSeconds;
            string? person = resourceCodes[e] >= 0 ? resourceNames[resourceCodes[e]] : null;
            string? group = groupCodes[e] >= 0 ? groupNames[groupCodes[e]] : null;
            double rate = person is "Value 1" ? 30 : person is "Value 2" ? 35 : group is "Value 2" ? 45 : 28;
            total += (double.IsNaN(seconds) ? 0 : seconds / 3600 * rate) + (activity == "Create SW anomaly" ? 12.5 : 0);
        }

        Assert.Equal(total, report.TotalCost, 6);
        Assert.Equal(report.TotalCost, report.Steps.Where(s => s.Coverage != CostCoverage.None).Sum(s => s.TotalCost), 6);

        // Steps the log gives no handling time for, with no standard time or fixed cost, are not costed: no figure,
        // not a cost of zero, and they say how to cost them.
        var notCosted = report.Steps.Where(s => s.Coverage == CostCoverage.None).Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["DUPLICATE", "INVALID", "RESOLVED", "VERIFIED"], notCosted);
        Assert.All(report.Steps.Where(s => s.Coverage == CostCoverage.None), s =>
        {
            Assert.True(double.IsNaN(s.TotalCost));
            Assert.True(double.IsNaN(s.Share));
            Assert.Contains($"a standard time for '{s.Name}'", s.HowToCost, StringComparison.Ordinal);
        });
        Assert.Contains(report.Notes, n => n.StartsWith("Not costed (a missing figure, not a cost of zero): 'DUPLICATE', 'INVALID', 'RESOLVED', 'VERIFIED'", StringComparison.Ordinal));
        Assert.Equal(CostCoverage.Full, report.Find("Resolve ticket")!.Coverage);
        Assert.Equal(report.TotalCost, report.Variants.Sum(v => v.TotalCost), 6);
        Assert.Equal(4580, report.Variants.Sum(v => v.Cases));
        Assert.Equal(HandlingTimeBasis.Standard, report.Find("Closed")!.Handling.Basis);
        Assert.Equal(HandlingTimeBasis.Estimated, report.Find("Resolve ticket")!.Handling.Basis);
        Assert.Contains("estimated, not measured", report.HandlingMethod, StringComparison.Ordinal);
        Assert.Contains("standard times given by the user for 'Closed', 'Wait'", report.HandlingMethod, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_RateForAnAttributeTheLogLacks_NamesIt()
    {
        var model = new CostModel { Levels = [new RateLevel("team", new Dictionary<string, double> { ["T1"] = 30 })] };

        var error = Assert.Throws<ArgumentException>(() => ActivityCosting.Compute(Logs.Helpdesk, model));

        Assert.Contains("'team'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadYaml_FullModel_ReadsEveryPart()
    {
        const string text = """
            currency: GBP
            default_rate: 28.5
            rates:
              org:resource: { Value 1: 35, Value 2: 32 }
              workgroup:
                G97: 30
            standard_times:
              Take in charge ticket: 12m
              Closed: 90s
            fixed_costs:
              Closed: 0.40
            estimate: { enabled: false, max_gap: 45m, min_samples: 3 }
            """;

        var model = CostModelFile.ReadYaml(text, "rates.yaml");

        Assert.Equal("GBP", model.Currency);
        Assert.Equal(28.5, model.DefaultRate);
        Assert.Equal(["org:resource", "workgroup"], model.Levels.Select(l => l.By));
        Assert.Equal(32, model.Levels[0].Rates["Value 2"]);
        Assert.Equal(TimeSpan.FromMinutes(12), model.Handling.StandardTimes["Take in charge ticket"]);
        Assert.Equal(TimeSpan.FromSeconds(90), model.Handling.StandardTimes["Closed"]);
        Assert.Equal(0.40, model.FixedCosts["Closed"]);
        Assert.False(model.Handling.Estimate);
        Assert.Equal(TimeSpan.FromMinutes(45), model.Handling.EstimateMaxGap);
        Assert.Equal(3, model.Handling.EstimateMinSamples);
    }

    [Theory]
    [InlineData("default_rate: cheap", "line 1, column 15, field 'default_rate': expected an hourly rate (a number)")]
    [InlineData("rates:\n  org:resource:\n    Value 1: lots", "line 3, column 14, field 'org:resource/Value 1': expected an hourly rate (a number, e.g. 32.50); found 'lots'")]
    [InlineData("standard_times:\n  Closed: soon", "line 2, column 11, field 'Closed': expected a duration")]
    [InlineData("rate: 30", "line 1, column 1, field 'rate': unknown field in a cost model")]
    [InlineData("fixed_costs:\n  Closed: -2", "field 'fixed_costs/Closed': expected a cost per instance of zero or more")]
    [InlineData("rates: [1, 2", "not valid YAML")]
    public void ReadYaml_BadValue_NamesFileLineColumnAndField(string text, string expected)
    {
        var error = Assert.Throws<StepsFileException>(() => CostModelFile.ReadYaml(text, "rates.yaml"));

        Assert.StartsWith("rates.yaml, ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CsvRates_ReadsRatesAndDefault()
    {
        using var file = new TempFile(".csv", "resource,hourly_rate\nValue 1,35\nValue 2,32.5\n*,28\n");

        var model = CostModelFile.Read(file.Path);

        Assert.Equal("org:resource", model.Levels.Single().By);
        Assert.Equal(32.5, model.Levels[0].Rates["Value 2"]);
        Assert.Equal(28, model.DefaultRate);
    }

    [Fact]
    public void Read_CsvBadRate_NamesLineAndColumn()
    {
        using var file = new TempFile(".csv", "resource,hourly_rate\nValue 1,35\nValue 2,thirty\n");

        var error = Assert.Throws<StepsFileException>(() => CostModelFile.Read(file.Path));

        Assert.Equal(3, error.Line);
        Assert.Equal("hourly_rate", error.Field);
        Assert.Contains("'thirty'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_SomeInstancesWithoutRate_PartlyCostedAndSaysHow()
    {
        // carl has no rate and there is no default rate: the 'Resolve' he did carries no labour cost, so the step is
        // partly costed; with no fixed cost either, a step done only by him would not be costed at all.
        var model = Model() with { DefaultRate = null, FixedCosts = new Dictionary<string, double>() };

        var report = ActivityCosting.Compute(Measured(), model);

        var resolve = report.Find("Resolve")!;
        Assert.Equal(CostCoverage.Partial, resolve.Coverage);
        Assert.Equal(30, resolve.TotalCost, 9); // bob's hour at his team's 30
        Assert.Contains("a rate for whoever did 1 of its instances", resolve.HowToCost, StringComparison.Ordinal);
        Assert.Equal(CostCoverage.Full, report.Find("Register")!.Coverage);
        Assert.Null(report.Find("Register")!.HowToCost);
    }
}
