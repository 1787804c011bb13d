using System.Text.Json;
using Stepwise.Mining.Filtering;
using Stepwise.Mining.IO;
using Stepwise.Testing;

namespace Stepwise.Mining.Tests;

/// <summary>
/// Filters on the textbook running example (W. van der Aalst, Process Mining, 2nd ed., Table 1.1): requests 1, 4 and
/// 5 are rejected, 2, 3 and 6 paid; 3 and 5 are re-initiated; every case starts with "register request".
/// </summary>
public class FilterTests
{
    private static readonly EventLog Log = EventLogFile.Read(SharedData.PathOf("eventlogs/running-example.xes")).Log;

    private static string[] Ids(LogView view) => [.. Enumerable.Range(0, view.CaseCount).Select(i => Log.CaseIds[view.CaseAt(i)]).OrderBy(x => x, StringComparer.Ordinal)];

    [Fact]
    public void Contains_RejectRequest_IsCases145()
        => Assert.Equal(["1", "4", "5"], Ids(new ActivityPresenceFilter("reject request").Apply(Log)));

    [Fact]
    public void NotContains_Reinitiate_IsCases1246()
        => Assert.Equal(["1", "2", "4", "6"], Ids(new ActivityPresenceFilter("reinitiate request", Present: false).Apply(Log)));

    [Fact]
    public void EndsWith_PayCompensation_IsCases236()
        => Assert.Equal(["2", "3", "6"], Ids(new EndActivityFilter(["pay compensation"]).Apply(Log)));

    [Fact]
    public void StartsWith_Register_IsEveryCase()
        => Assert.Equal(6, new StartActivityFilter(["register request"]).Apply(Log).CaseCount);

    [Fact]
    public void Attribute_EventResourceSara_CasesWhereSaraWorked()
    {
        // Cases in which Sara performed any event, found by a plain scan of the log.
        var expected = Enumerable.Range(0, Log.CaseCount).Where(c => Enumerable.Range(Log.CaseStart(c), Log.CaseLength(c)).Any(e => Log.Resources[e] >= 0 && Log.ResourceNames[Log.Resources[e]] == "Sara")).Select(c => Log.CaseIds[c]).OrderBy(x => x, StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Ids(new AttributeFilter("org:resource", ["Sara"]).Apply(Log)));
        Assert.Equal(6 - expected.Length, new AttributeFilter("org:resource", ["Sara"], Exclude: true).Apply(Log).CaseCount);
    }

    [Fact]
    public void TimeWindow_Modes_OnKnownCaseSpans()
    {
        // Membership checked against the definition of each mode, over every case's span.
        var from = new DateTimeOffset(2011, 1, 5, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2011, 1, 10, 0, 0, 0, TimeSpan.Zero);
        foreach (var mode in Enum.GetValues<TimeWindowMode>())
        {
            var kept = Ids(new TimeWindowFilter(from, to, mode).Apply(Log));
            var expected = Enumerable.Range(0, Log.CaseCount).Where(c =>
            {
                var s = new DateTimeOffset(Log.CaseStartTime(c), TimeSpan.Zero);
                var e = new DateTimeOffset(Log.CaseEndTime(c), TimeSpan.Zero);
                return mode switch
                {
                    TimeWindowMode.Starting => s >= from && s < to,
                    TimeWindowMode.Ending => e >= from && e < to,
                    TimeWindowMode.Contained => s >= from && e < to,
                    _ => s < to && e >= from,
                };
            }).Select(c => Log.CaseIds[c]).OrderBy(x => x, StringComparer.Ordinal);
            Assert.Equal(expected, kept);
        }
    }

    [Fact]
    public void TopVariant_And_AllOf_Compose()
    {
        // The six cases follow six different sequences: the two most frequent variants hold two cases.
        Assert.Equal(2, new VariantFilter(Top: 2).Apply(Log).CaseCount);
        var combined = new AllOfFilter([new ActivityPresenceFilter("reinitiate request"), new EndActivityFilter(["pay compensation"])]);
        Assert.Equal(["3"], Ids(combined.Apply(Log)));
    }

    [Fact]
    public void ThroughputTime_SplitsFastAndSlowCases()
    {
        var fast = new ThroughputTimeFilter(null, TimeSpan.FromDays(10)).Apply(Log);
        var slow = new ThroughputTimeFilter(TimeSpan.FromDays(10) + TimeSpan.FromTicks(1), null).Apply(Log);
        Assert.Equal(6, fast.CaseCount + slow.CaseCount);
        Assert.All(Enumerable.Range(0, fast.CaseCount), i => Assert.True(Log.CaseEndTime(fast.CaseAt(i)) - Log.CaseStartTime(fast.CaseAt(i)) <= TimeSpan.FromDays(10).Ticks));
    }

    [Fact]
    public void Filters_RoundTripThroughJson()
    {
        CaseFilter filter = new AllOfFilter(
        [
            new TimeWindowFilter(new DateTimeOffset(2011, 1, 1, 0, 0, 0, TimeSpan.Zero), null, TimeWindowMode.Starting),
            new AttributeFilter("org:resource", ["Sara", "Mike"]),
            new ActivityPresenceFilter("reject request", false),
        ]);
        var options = new JsonSerializerOptions { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
        string json = JsonSerializer.Serialize(filter, options);
        Assert.Contains("\"kind\":\"all\"", json, StringComparison.Ordinal);
        var back = JsonSerializer.Deserialize<CaseFilter>(json, options)!;
        Assert.Equal(Ids(filter.Apply(Log)), Ids(back.Apply(Log)));
    }

    [Fact]
    public void UnknownActivity_ListsTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => new ActivityPresenceFilter("approve").Apply(Log));
        Assert.Contains("register request", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(30 * 24 * 60, null, "cases taking at least 30d")]
    [InlineData(null, 270, "cases taking at most 4h 30m")]
    [InlineData(90, 1500, "cases taking 1h 30m to 1d 1h")]
    [InlineData(null, null, "cases of any duration")]
    public void ThroughputTime_DescribedAsPeopleWriteDurations(int? minMinutes, int? maxMinutes, string expected)
        => Assert.Equal(expected, new ThroughputTimeFilter(minMinutes is { } a ? TimeSpan.FromMinutes(a) : null, maxMinutes is { } b ? TimeSpan.FromMinutes(b) : null).Describe());
}
