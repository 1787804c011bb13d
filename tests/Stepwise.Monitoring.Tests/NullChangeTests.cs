using Stepwise.Mining;
using Stepwise.Monitoring.Comparison;
using Stepwise.Monitoring.Periods;
using Xunit.Abstractions;

namespace Stepwise.Monitoring.Tests;

/// <summary>
/// Null changes on the real logs: random halves of the cases, and random change dates on a copy whose cases start at
/// random times, so nothing differs between before and after but chance. With Holm's adjustment the chance of any
/// false improved, worse, increased or decreased verdict in a run is at most 5%; over 100 seeded repetitions the count
/// must stay within what a 5% rate allows (at most 10: P(X &gt; 10) is about 1.1% for a binomial(100, 0.05)). The
/// unadjusted p-values are checked too: about 5% of all single tests fall below 0.05.
/// </summary>
public sealed class NullChangeTests(ITestOutputHelper output)
{
    private const int Repetitions = 100;

    private static MonitorOptions Options => new() { Resamples = 2000, Parts = MonitorParts.None };

    [Fact]
    public void Helpdesk_RandomHalves_FalseVerdictsWithinTheErrorRate()
    {
        var log = Logs.Helpdesk;
        var (runs, tests, rawSignificant) = Count(i =>
        {
            var (a, b) = Planting.Halves(log, 500 + i);
            return new SeparatePeriods { Before = a, After = b };
        }, "random halves");

        Assert.True(runs <= 10, $"{runs} of {Repetitions} runs had a false verdict");
        Assert.InRange(rawSignificant / (double)tests, 0.02, 0.08);
    }

    [Fact]
    public void Helpdesk_RandomDatesOnShuffledStarts_FalseVerdictsWithinTheErrorRate()
    {
        var log = Logs.Helpdesk;
        var (runs, tests, rawSignificant) = Count(i =>
        {
            var shuffled = Planting.Shuffle(log, 700 + i);
            return new ChangeDateSplit { Log = shuffled, ChangeDate = Planting.MiddleDate(shuffled, 900 + i) };
        }, "random dates");

        Assert.True(runs <= 10, $"{runs} of {Repetitions} runs had a false verdict");
        Assert.InRange(rawSignificant / (double)tests, 0.02, 0.08);
    }

    private (int Runs, int Tests, int RawSignificant) Count(Func<int, ChangePeriods> periods, string what)
    {
        int runs = 0, tests = 0, raw = 0;
        var perKpi = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Repetitions; i++)
        {
            var result = ChangeMonitor.Run(new MonitorRequest { Periods = periods(i), Options = Options with { Seed = i } });
            var measured = result.Kpis.Where(k => k.Verdict != Verdict.NotMeasured).ToList();
            var false_ = measured.Where(k => VerdictWords.IsChange(k.Verdict)).ToList();
            runs += false_.Count > 0 ? 1 : 0;
            tests += measured.Count;
            foreach (var k in measured.Where(k => k.PValue < 0.05))
            {
                raw++;
                perKpi[k.Key] = perKpi.GetValueOrDefault(k.Key) + 1;
            }
        }

        output.WriteLine($"{what}: {runs} of {Repetitions} runs with a false verdict; {raw} of {tests} single tests with p < 0.05 ({raw / (double)tests:P1})");
        foreach (var (key, count) in perKpi.OrderByDescending(kv => kv.Value))
        {
            output.WriteLine($"  {key}: {count}");
        }

        return (runs, tests, raw);
    }
}
