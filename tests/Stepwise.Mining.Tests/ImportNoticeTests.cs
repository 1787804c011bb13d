using System.Text;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.IO;

namespace Stepwise.Mining.Tests;

/// <summary>Case attributes whose rows disagree, and timestamps that are the case's rather than the event's: counted
/// in full and explained on import.</summary>
public class ImportNoticeTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static EventLogReadOptions CaseAttributes(BadRowPolicy policy, params string[] columns)
        => new() { BadRows = policy, Csv = new CsvLogOptions { CaseAttributeColumns = columns } };

    /// <summary>150 cases whose channel changes from phone to email (150 conflicting rows, more than the 100 issues
    /// an import lists), and case 7 whose priority changes from 1 to 2, 2 and 3 (3 conflicting rows; '?' is missing
    /// and no conflict).</summary>
    private string ManyConflicts()
    {
        var text = new StringBuilder("case,activity,timestamp,channel,prio\n");
        for (int c = 1; c <= 150; c++)
        {
            string day = $"2020-01-{1 + (c % 28):00}";
            if (c == 7)
            {
                text.Append($"{c},A,{day}T09:00:00,phone,1\n{c},B,{day}T10:00:00,email,2\n{c},C,{day}T11:00:00,phone,2\n{c},D,{day}T12:00:00,?,?\n{c},E,{day}T13:00:00,phone,3\n");
            }
            else
            {
                text.Append($"{c},A,{day}T09:00:00,phone,1\n{c},B,{day}T10:00:00,email,1\n");
            }
        }

        return _files.Write("conflicts.csv", text.ToString());
    }

    [Fact]
    public void Read_CaseAttributeConflicts_AllCountedByColumn()
    {
        string path = ManyConflicts();

        var error = Assert.Throws<EventLogFormatException>(() => EventLogFile.Read(path, CaseAttributes(BadRowPolicy.Reject, "channel", "prio")));

        Assert.Equal(153, error.TotalIssues);
        Assert.Contains("153 rows disagree with their case's first value in 2 case-attribute columns: channel 150, prio 3; nothing was imported.", error.Message, StringComparison.Ordinal);
        // Examples: every column, at most one a case and column, never the same line twice.
        Assert.Equal(["channel", "prio"], error.Issues.Select(i => i.Field).Distinct().Order());
        Assert.Equal(error.Issues.Count, error.Issues.Select(i => i.ToString()).Distinct().Count());
        Assert.Contains(error.Issues, i => i.Field == "prio" && i.Message == "case '7' has '1' first, then '2' (3 rows differ).");
        Assert.Contains(error.Issues, i => i.Field == "channel" && i.Message.EndsWith("' has 'phone' first, then 'email'.", StringComparison.Ordinal));
        Assert.True(error.Issues.Count <= 10);
        Assert.Contains("--skip-bad-rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CaseAttributeConflicts_OneColumn_SaysWhichAndInHowManyCases()
    {
        string path = ManyConflicts();

        var error = Assert.Throws<EventLogFormatException>(() => EventLogFile.Read(path, CaseAttributes(BadRowPolicy.Reject, "channel")));

        Assert.Equal(150, error.TotalIssues);
        Assert.Contains("150 rows disagree with their case's first value of the case attribute 'channel' (in 150 cases); nothing was imported.", error.Message, StringComparison.Ordinal);
        // The 150 cases show one pair of values (phone, then email): one example, not 150 alike.
        Assert.Single(error.Issues);
    }

    [Fact]
    public void Read_CaseAttributeConflicts_SkipBadRows_CountsTheSameAndKeepsTheFirstValue()
    {
        string path = ManyConflicts();

        var import = EventLogFile.Read(path, CaseAttributes(BadRowPolicy.Skip, "channel", "prio"));

        Assert.Equal(0, import.Report.SkippedRows);
        Assert.Contains(import.Report.Warnings, w => w.StartsWith("150 rows give the case attribute 'channel' a value different from the case's first (in 150 cases); the first value was kept.", StringComparison.Ordinal));
        Assert.Contains(import.Report.Warnings, w => w.StartsWith("3 rows give the case attribute 'prio' a value different from the case's first (in 1 case); the first value was kept. For example case '7' has '1' first, then '2' (3 rows differ).", StringComparison.Ordinal));
        var log = import.Log;
        var channel = (StringColumn)log.CaseAttributes["channel"];
        Assert.All(Enumerable.Range(0, log.CaseCount), c => Assert.Equal("phone", channel.GetString(c)));
        Assert.Equal("1", log.CaseAttributes["prio"].GetValue(log.IndexOfCase("7"))?.ToString());
    }

    [Fact]
    public void Read_CaseAttributeAgreeingWithMissingValues_NoConflict()
    {
        string path = _files.Write("t.csv", "case,activity,timestamp,channel\n1,A,2020-01-01,?\n1,B,2020-01-02,phone\n1,C,2020-01-03,\n1,D,2020-01-04,phone\n");

        var import = EventLogFile.Read(path, CaseAttributes(BadRowPolicy.Reject, "channel"));

        Assert.DoesNotContain(import.Report.Warnings, w => w.Contains("case attribute", StringComparison.Ordinal));
    }

    /// <summary>Four cases of two events, two events of case 5; opened is the case's opening time (the same on
    /// every row of a case) in all but <paramref name="differing"/> of the four.</summary>
    private string OpenedLog(int differing)
    {
        var text = new StringBuilder("case,activity,changed,opened\n");
        for (int c = 1; c <= 4; c++)
        {
            string second = c <= differing ? $"2020-01-0{c} 10:00" : $"2020-01-0{c} 09:00";
            text.Append($"{c},Open,2020-01-0{c} 09:00,2020-01-0{c} 09:00\n{c},Close,2020-01-0{c} 12:00,{second}\n");
        }

        text.Append("5,Open,2020-01-05 09:00,2020-01-05 09:00\n");
        return _files.Write("opened.csv", text.ToString());
    }

    private static EventLogReadOptions Timestamp(string column) => new() { Csv = new CsvLogOptions { CaseColumn = "case", ActivityColumn = "activity", TimestampColumn = column } };

    [Fact]
    public void Read_TimestampOfTheCase_Warned()
    {
        var import = EventLogFile.Read(OpenedLog(0), Timestamp("opened"));

        Assert.Contains("in every case of two or more events (4) all events have the same time, so no case takes any time: is 'opened' the time of each event, or of the case?", import.Report.Warnings);
    }

    [Fact]
    public void Read_TimestampOfTheCaseInMostCases_WarnedWithTheShare()
    {
        var import = EventLogFile.Read(OpenedLog(1), Timestamp("opened"));

        Assert.Contains("in 75% of cases of two or more events (3 of 4) all events have the same time, so those cases take no time: is 'opened' the time of each event, or of the case?", import.Report.Warnings);
    }

    [Theory]
    [InlineData("opened", 2)] // half the cases: not most
    [InlineData("changed", 0)] // the time of each event
    public void Read_TimestampOfEachEvent_NotWarned(string column, int differing)
    {
        var import = EventLogFile.Read(OpenedLog(differing), Timestamp(column));

        Assert.DoesNotContain(import.Report.Warnings, w => w.Contains("the same time", StringComparison.Ordinal));
    }
}
