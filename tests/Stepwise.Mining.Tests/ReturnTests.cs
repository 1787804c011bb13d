using FsCheck;
using FsCheck.Xunit;
using Stepwise.Mining.Discovery;
using Stepwise.Mining.Tests.Reference;

namespace Stepwise.Mining.Tests;

/// <summary>Rework (a step done again) against returns (going back to a step after another step).</summary>
public class ReturnTests
{
    [Fact]
    public void Compute_HandMadeCases_ReworkAndReturnsAsWorkedOut()
    {
        var t = new DateTime(2024, 1, 1, 9, 0, 0, DateTimeKind.Utc);
        RefEvent At(string activity, int minutes) => new(activity, t.AddMinutes(minutes), null);
        var log = new ReferenceLog(
        [
            ("1 same state twice", [At("A", 0), At("A", 1), At("B", 2)]),
            ("2 back to A", [At("A", 0), At("B", 1), At("A", 2)]),
            ("3 straight through", [At("A", 0), At("B", 1), At("C", 2)]),
            ("4 back after two updates", [At("A", 0), At("B", 1), At("B", 2), At("A", 3)]),
            ("5 one event", [At("A", 0)]),
        ]).ToEngine();

        var stats = CaseStatistics.Compute(log);
        var byId = Enumerable.Range(0, stats.Cases.Count).ToDictionary(i => log.CaseIds[stats.Cases[i]], i => (stats.Rework[i], stats.Returns[i]));

        Assert.Equal((true, false), byId["1 same state twice"]);
        Assert.Equal((true, true), byId["2 back to A"]);
        Assert.Equal((false, false), byId["3 straight through"]);
        Assert.Equal((true, true), byId["4 back after two updates"]);
        Assert.Equal((false, false), byId["5 one event"]);
        Assert.Equal(3, stats.ReworkCases);
        Assert.Equal(2, stats.ReturnCases);

        // Per activity: A comes back after another step in cases 2 and 4 (once each); case 1 only repeats it straight
        // after itself. B is repeated straight after itself in case 4 only.
        var byName = ActivityStatistics.Compute(log).ToDictionary(a => a.Name);
        Assert.Equal((5, 3, 2, 2L, 1L), (byName["A"].Cases, byName["A"].CasesWithRepeats, byName["A"].CasesWithReturns, byName["A"].Returns, byName["A"].SelfLoops));
        Assert.Equal((4, 1, 0, 0L, 1L), (byName["B"].Cases, byName["B"].CasesWithRepeats, byName["B"].CasesWithReturns, byName["B"].Returns, byName["B"].SelfLoops));
    }

    [Property(MaxTest = 100)]
    public void ComputeActivities_RandomLogs_ReturnsEqualAReadingOfTheCollapsedPaths(PositiveInt seed, bool withStarts)
    {
        var reference = RandomLogs.Create(seed.Get, withStarts);
        var log = reference.ToEngine();
        var paths = ReferenceLog.FromEngine(log).Cases.Select(c => c.Events.Select(e => e.Activity).ToList()).ToList();
        foreach (var a in ActivityStatistics.Compute(log))
        {
            // A case returns to the activity when it still occurs twice once runs of the same activity are one.
            int want = paths.Count(path => path.Where((x, k) => x == a.Name && (k == 0 || path[k - 1] != x)).Count() > 1);
            Assert.Equal(want, a.CasesWithReturns);
        }
    }

    [Property(MaxTest = 100)]
    public void Compute_RandomLogs_EqualAReadingOfTheCollapsedPaths(PositiveInt seed, bool withStarts)
    {
        var reference = RandomLogs.Create(seed.Get, withStarts);
        var log = reference.ToEngine();
        var stats = CaseStatistics.Compute(log);
        var engine = ReferenceLog.FromEngine(log).Cases.ToDictionary(c => c.CaseId, c => c.Events.Select(e => e.Activity).ToList());
        for (int i = 0; i < stats.Cases.Count; i++)
        {
            var path = engine[log.CaseIds[stats.Cases[i]]];
            // Rework: some activity occurs twice; a return: it still does once runs of the same activity are one.
            var collapsed = path.Where((a, k) => k == 0 || path[k - 1] != a).ToList();
            Assert.Equal(path.Distinct().Count() < path.Count, stats.Rework[i]);
            Assert.Equal(collapsed.Distinct().Count() < collapsed.Count, stats.Returns[i]);
        }
    }
}
