using Stepwise.Monitoring.Periods;
using Xunit.Abstractions;

namespace Stepwise.Monitoring.Tests;

public sealed class SmokeTests(ITestOutputHelper output)
{
    [Fact]
    public void Helpdesk_Split_Prints()
    {
        var result = ChangeMonitor.Run(new MonitorRequest { Periods = new ChangeDateSplit { Log = Logs.Helpdesk, ChangeDate = new DateTimeOffset(2012, 6, 1, 0, 0, 0, TimeSpan.Zero) }, Options = new MonitorOptions { MixBy = "seriousness" } });
        output.WriteLine($"{result.Before} {result.After} tested {result.Tested}");
        foreach (var k in result.Kpis)
        {
            output.WriteLine($"{k.Key}: {k.Before:0.###} -> {k.After:0.###} d={k.Difference:0.###} [{k.Low:0.###},{k.High:0.###}] p={k.PValue:0.####} adj={k.AdjustedPValue:0.####} {k.Verdict} mdc={k.DetectableChange:0.###} m={k.MeaningfulChange:0.###} {k.Test} {k.Note} mix={k.Mix}");
        }

        foreach (var n in result.Notes)
        {
            output.WriteLine(n);
        }

        output.WriteLine(result.Mix?.ToString());
        output.WriteLine($"trends {result.Trends.Count} points {result.Trends[0].Points.Count}; newsteps {result.Conformance.NewSteps.Count} newpaths {result.Conformance.NewPathCount} newvariants {result.Conformance.NewVariantShare:P1}");
    }
}
