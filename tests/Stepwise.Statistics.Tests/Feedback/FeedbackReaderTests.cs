using System.Text;
using Stepwise.Statistics.Feedback;
using Stepwise.Statistics.Tabular;
using Stepwise.Testing;

namespace Stepwise.Statistics.Tests.Feedback;

public class FeedbackReaderTests
{
    // Expected counts below were taken with Python's csv module, an independent RFC 4180 reader.
    [Fact]
    public void Read_BaReviewsWithDefaults_DetectsEveryRole()
    {
        Assert.Equal(SurveyFiles.BaHash, SharedData.Sha256(SurveyFiles.BaPath));
        var import = SurveyFiles.Ba;
        var t = import.Table;
        Assert.Equal(3701, t.Count);
        Assert.Empty(import.BadRows);
        Assert.Equal("ReviewID", import.Mapping.ResponseId);
        Assert.Equal("OverallRating", t.Overall!.Name);
        Assert.Equal(new ScoreScale(1, 10), t.Overall.Scale);
        Assert.Equal(3696, t.Overall.AnsweredCount);
        Assert.Equal("Recommended", t.OutcomeName);
        Assert.Equal(1498, t.Outcome!.Count(o => o == true));
        Assert.Equal(["ReviewHeader", "ReviewBody"], import.Mapping.Comments);
        Assert.Equal("Name", import.Mapping.RespondentName);
        Assert.Equal("Datetime", import.Mapping.Date);
        Assert.Equal(new DateTime(2023, 11, 19), t.ResponseDates![0]);
        Assert.Equal(7, t.Items.Count);
        var seat = t.FindScore("SeatComfort")!;
        Assert.Equal(ScoreScale.Likert5, seat.Scale);
        Assert.Equal(3585, seat.AnsweredCount);
        Assert.Contains(t.Segments, s => s.Name == "SeatType");
        Assert.Contains(t.Segments, s => s.Name == "TypeOfTraveller");
    }

    [Fact]
    public void Read_BaReviews_KeepsMultiLineCommentsWhole()
    {
        var t = SurveyFiles.Ba.Table;
        // 5 review bodies hold line breaks between words inside their quotes; each must stay one response.
        Assert.Equal(5, t.Comments!.Count(c => c!.Split('\n').Length > 2));
        Assert.StartsWith("Service level far worse then Ryanair", t.Comments![0], StringComparison.Ordinal);
        Assert.Equal("L Keele", t.RespondentNames![0]);
        Assert.Equal("3700", t.ResponseIds[^1]);
        Assert.Equal(3820, t.SourceLines[^1]);
    }

    [Fact]
    public void Read_AirlineWithZeroAsNotApplicable_Items1To5AndOutcome()
    {
        Assert.Equal(SurveyFiles.AirlineHash, SharedData.Sha256(SurveyFiles.AirlinePath));
        var import = SurveyFiles.Airline;
        var t = import.Table;
        Assert.Equal(25976, t.Count);
        Assert.Null(t.Overall);
        Assert.Equal("id", import.Mapping.ResponseId);
        Assert.Equal("satisfaction", t.OutcomeName);
        Assert.Equal(11403, t.Outcome!.Count(o => o == true));
        Assert.Equal(14, t.Items.Count);
        Assert.All(t.Items, i => Assert.Equal(ScoreScale.Likert5, i.Scale));
        Assert.Equal(25976 - 813, t.FindScore("Inflight wifi service")!.AnsweredCount);
        Assert.Equal(["Gender", "Customer Type", "Type of Travel", "Class"], t.Segments.Select(s => s.Name));
        var arrival = t.Measures.Single(m => m.Name == "Arrival Delay in Minutes");
        Assert.Equal(83, arrival.Values.Count(double.IsNaN));
    }

    [Fact]
    public void Read_AirlineWithoutNotApplicable_ItemScaleIsZeroToFive()
    {
        var t = FeedbackReader.Read(SurveyFiles.AirlinePath).Table;
        Assert.Equal(new ScoreScale(0, 5), t.FindScore("Inflight wifi service")!.Scale);
        Assert.Equal(25976, t.FindScore("Inflight wifi service")!.AnsweredCount);
    }

    [Fact]
    public void Import_BadScoreAfterMultiLineComment_RejectsNamingTheLineAndColumn()
    {
        string csv = "id,score,comment\n1,4,\"fine\"\n2,5,\"two\nlines\"\n3,9,\"bad score\"\n4,x,ok\n";
        var options = new FeedbackImportOptions { Mapping = new() { Overall = "score" }, OverallScale = ScoreScale.Likert5 };
        var ex = Assert.Throws<FeedbackImportException>(() => FeedbackReader.Import(Parse(csv), options));
        Assert.Equal(5, ex.Line);
        Assert.Equal("score", ex.Column);
        Assert.Contains("test.csv, line 5, column 'score'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("off the scale 1-5", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, ex.BadRows.Count);
    }

    [Fact]
    public void Import_SkipBadRows_KeepsGoodRowsAndReportsEachBadOne()
    {
        string csv = "id,score,comment\n1,4,\"fine\"\n2,5,\"two\nlines\"\n3,9,\"bad score\"\n4,x,ok\n5,3\n";
        var options = new FeedbackImportOptions { Mapping = new() { Overall = "score" }, OverallScale = ScoreScale.Likert5, SkipBadRows = true };
        var import = FeedbackReader.Import(Parse(csv), options);
        Assert.Equal(["1", "2"], import.Table.ResponseIds);
        Assert.Equal([2, 3], import.Table.SourceLines);
        Assert.Equal([5, 6, 7], import.BadRows.Select(b => b.Line));
        Assert.Contains("expected 3 fields", import.BadRows[2].Problem, StringComparison.Ordinal);
        Assert.Equal("two\nlines", import.Table.Comments![1]);
    }

    [Fact]
    public void Import_DuplicateId_IsABadRow()
    {
        var options = new FeedbackImportOptions { Mapping = new() { ResponseId = "id" } };
        var ex = Assert.Throws<FeedbackImportException>(() => FeedbackReader.Import(Parse("id,rating\na,1\nb,2\na,3\n"), options));
        Assert.Equal(4, ex.Line);
        Assert.Contains("already used on line 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Latin1BytesWithoutBom_FallsBackToLatin1()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("id;comment\n1;caf"), 0xE9, .. Encoding.ASCII.GetBytes(" cr"), 0xE8, .. Encoding.ASCII.GetBytes("me\n")];
        var table = DelimitedTextReader.Parse(bytes, "x.csv");
        Assert.Equal(';', table.Delimiter);
        Assert.Equal("latin-1", table.EncodingName);
        Assert.Equal("café crème", table.Records[0][1]);
    }

    [Fact]
    public void Parse_Utf16WithBomAndTabs_ReadsFields()
    {
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("id\tscore\r\n1\t5\r\n")];
        var table = DelimitedTextReader.Parse(bytes, "x.tsv");
        Assert.Equal('\t', table.Delimiter);
        Assert.Equal("utf-16", table.EncodingName);
        Assert.Equal(["1", "5"], table.Records[0]);
    }

    [Fact]
    public void Parse_UnclosedQuote_NamesTheLineItOpensOn()
    {
        var ex = Assert.Throws<DelimitedTextException>(() => Parse("a,b\n1,2\n3,\"open\n\n"));
        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void Import_UnknownMappedColumn_ListsTheColumns()
    {
        var options = new FeedbackImportOptions { Mapping = new() { Overall = "nps" } };
        var ex = Assert.Throws<DelimitedTextException>(() => FeedbackReader.Import(Parse("id,score\n1,5\n"), options));
        Assert.Contains("'nps' is not in the header; the columns are: id, score", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("21st August 2017", 2017, 8, 21)]
    [InlineData("2nd May 2019", 2019, 5, 2)]
    [InlineData("2023-11-03", 2023, 11, 3)]
    [InlineData("03/11/2023", 2023, 11, 3)]
    public void Import_Dates_ReadWithDefaultFormats(string text, int year, int month, int day)
    {
        var t = FeedbackReader.Import(Parse($"id,date\n1,{text}\n")).Table;
        Assert.Equal(new DateTime(year, month, day), t.ResponseDates![0]);
    }

    [Fact]
    public void Import_MonthFirstColumn_EveryRowReadMonthFirst()
    {
        // 11/23/2023 can only be month-first, so 03/11/2023 in the same column is 11 March, not 3 November.
        var t = FeedbackReader.Import(Parse("id,date\n1,11/23/2023\n2,03/11/2023\n")).Table;
        Assert.Equal(new DateTime(2023, 3, 11), t.ResponseDates![1]);
    }

    private static DelimitedTable Parse(string text) => DelimitedTextReader.Parse(Encoding.UTF8.GetBytes(text), "test.csv");
}

public class ScoreScaleAndTextTests
{
    [Theory]
    [InlineData(1, 5, 1, 5)]
    [InlineData(0, 5, 0, 5)]
    [InlineData(2, 7, 1, 7)]
    [InlineData(1, 9, 1, 10)]
    [InlineData(0, 9, 0, 10)]
    [InlineData(0, 85, 0, 100)]
    public void Fit_ObservedRange_SmallestUsualScale(double min, double max, int scaleMin, int scaleMax)
        => Assert.Equal(new ScoreScale(scaleMin, scaleMax), ScoreScale.Fit(min, max));

    [Fact]
    public void Parse_OldMacLineEndings_LinesCounted()
    {
        var table = DelimitedTextReader.Parse(Encoding.ASCII.GetBytes("a,b\r1,2\r\r3,4\r"), "mac.csv");
        Assert.Equal(2, table.Records.Count);
        Assert.Equal([2, 4], table.Lines);
    }

    [Fact]
    public void Parse_TooLarge_Refused()
    {
        var ex = Assert.Throws<DelimitedTextException>(() => DelimitedTextReader.Parse(new byte[100], "big.csv", new DelimitedTextOptions { MaxBytes = 10 }));
        Assert.Contains("at most 10 are accepted", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_NpsOnFivePointScale_Refused()
    {
        var t = FeedbackReader.Import(DelimitedTextReader.Parse(Encoding.ASCII.GetBytes("id,score\n1,4\n2,5\n"), "x.csv")).Table;
        var ex = Assert.Throws<ArgumentException>(() => Stepwise.Statistics.Targets.MetricEstimator.Estimate(t, Stepwise.Statistics.Targets.QualityMetric.NetPromoterScore, null));
        Assert.Contains("0-10", ex.Message, StringComparison.Ordinal);
    }
}
