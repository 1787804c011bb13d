using Stepwise.Mining;
using Stepwise.Mining.Filtering;
using Stepwise.Review.Scoping;

namespace Stepwise.Review.Tests;

public sealed class ScopeFilterTests
{
    [Fact]
    public void ToCaseFilter_EveryCondition_MapsToTheEnginesFiltersInOrder()
    {
        var from = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var filter = new ScopeFilter
        {
            StartActivities = ["Register"],
            EndActivities = ["Close"],
            ContainsActivities = ["Diagnose"],
            ExcludesActivities = ["Reopen"],
            Attributes = [new AttributeCondition("channel", ["phone"], exclude: true)],
            Window = new TimeWindow(from, from.AddMonths(3), Scoping.TimeWindowMode.Contained),
            MaxThroughput = TimeSpan.FromDays(10),
        }.ToCaseFilter();

        var all = Assert.IsType<AllOfFilter>(filter);
        Assert.Equal(
            [typeof(StartActivityFilter), typeof(EndActivityFilter), typeof(ActivityPresenceFilter), typeof(ActivityPresenceFilter), typeof(AttributeFilter), typeof(TimeWindowFilter), typeof(ThroughputTimeFilter)],
            all.Filters.Select(f => f.GetType()));
        Assert.False(((ActivityPresenceFilter)all.Filters[3]).Present);
        Assert.True(((AttributeFilter)all.Filters[4]).Exclude);
        Assert.Equal(Mining.Filtering.TimeWindowMode.Contained, ((TimeWindowFilter)all.Filters[5]).Mode);
    }

    [Fact]
    public void ToCaseFilter_HandBuiltLog_KeepsOnlyTheCaseInsideEveryBoundary()
    {
        var t = new DateTimeOffset(2024, 1, 1, 9, 0, 0, TimeSpan.Zero);
        var log = new EventLogBuilder()
            .Add("in", "Register", t).Add("in", "Close", t.AddHours(1))
            .Add("reopened", "Register", t).Add("reopened", "Reopen", t.AddHours(1)).Add("reopened", "Close", t.AddHours(2))
            .Add("open", "Register", t)
            .Add("late", "Register", t.AddYears(1)).Add("late", "Close", t.AddYears(1).AddHours(1))
            .Build();
        var scope = new ScopeFilter
        {
            StartActivities = ["Register"],
            EndActivities = ["Close"],
            ExcludesActivities = ["Reopen"],
            Window = new TimeWindow(t.AddDays(-1), t.AddDays(30), Scoping.TimeWindowMode.Starting),
        };
        var view = scope.ToCaseFilter().Apply(log.All);
        Assert.Equal(["in"], view.CaseIndices().Select(c => log.CaseIds[c]));
    }

    [Fact]
    public void ToCaseFilter_NoCondition_KeepsEveryCase()
    {
        var t = DateTimeOffset.UnixEpoch;
        var log = new EventLogBuilder().Add("a", "x", t).Add("b", "y", t).Build();
        Assert.Equal(2, ScopeFilter.Everything.ToCaseFilter().Apply(log.All).CaseCount);
    }
}
