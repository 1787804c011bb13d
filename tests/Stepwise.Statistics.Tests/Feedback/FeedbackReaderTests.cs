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
        // 5 review bodies hold line breaks between words inside their quotes (reviews 1060, 2603, 2703, 2921 and 2929,
        // found with Python's csv module); each must stay one response, its body whole. Reviews 2921 and 2929 carry the
        // site's label as their title, which is left out, so their comment is the body alone.
        var multiLine = t.ResponseIds.Select((id, i) => (id, i)).Where(x => t.Comments![x.i]!.Split('\n').Length > (x.id is "2921" or "2929" ? 1 : 2)).Select(x => x.id);
        Assert.Equal(["1060", "2603", "2703", "2921", "2929"], multiLine);
        Assert.StartsWith("Service level far worse then Ryanair", t.Comments![0], StringComparison.Ordinal);
        Assert.Equal("L Keele", t.RespondentNames![0]);
        Assert.Equal("3700", t.ResponseIds[^1]);
        Assert.Equal(3820, t.SourceLines[^1]);
    }

    [Fact]
    public void Read_BaReviews_ASiteLabelRepeatedAsTheTitleIsNotACustomersWords()
    {
        // Counted with Python's csv module: 956 of the 3,701 titles are "British Airways customer review", the site's
        // label for reviews without a title of their own; the next most common title is on 6 reviews.
        var import = SurveyFiles.Ba;
        var t = import.Table;
        int labelled = 0;
        using (var reader = new StreamReader(SurveyFiles.BaPath))
        {
            // The title is the third field and never holds a comma or a line break when it is this label.
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                labelled += line.Split(',').Length > 2 && line.Split(',')[2] == "British Airways customer review" ? 1 : 0;
            }
        }

        Assert.Equal(956, labelled);
        Assert.DoesNotContain(t.Comments!, c => c is not null && c.Contains("British Airways customer review", StringComparison.Ordinal));
        Assert.Contains(import.Notes, n => n.StartsWith("'British Airways customer review' in 956 rows of 'ReviewHeader' is left out of the comments", StringComparison.Ordinal));
        // Titles of the reviewer's own stay: the first review's title opens its comment.
        Assert.StartsWith("Service level far worse then Ryanair", t.Comments![0], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OneCommentColumn_ARepeatedShortAnswerIsTheCustomers()
    {
        string path = Path.Combine(Path.GetTempPath(), $"stepwise-repeated-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, ["id,score,comment", .. Enumerable.Range(1, 60).Select(i => $"{i},{1 + (i % 5)},{(i % 2 == 0 ? "Good" : "Slow reply number " + i)}")]);
        try
        {
            var import = FeedbackReader.Read(path);
            Assert.Equal(30, import.Table.Comments!.Count(c => c == "Good"));
            Assert.DoesNotContain(import.Notes, n => n.Contains("left out of the comments", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
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
    public void Parse_OneInvalidUtf8Byte_RefusedWithLineColumnAndByteNotGuessed()
    {
        // "café" in UTF-8 on line 2, then one Latin-1 byte (0xE9) on line 3: not silently read as Latin-1.
        byte[] bytes = [.. Encoding.UTF8.GetBytes("id;comment\n1;café\n2;cr"), 0xE9, .. Encoding.ASCII.GetBytes("me\n")];
        var ex = Assert.Throws<TextEncodingException>(() => DelimitedTextReader.Parse(bytes, "x.csv"));
        Assert.Equal(3, ex.Line);
        // Counted by hand: "2;cr" is 4 characters, so the bad byte is character 5; bytes: 11 + 8 + 4 before it.
        Assert.StartsWith("x.csv, line 3: character 5: the byte 0xE9 (byte 24 of the file) is not valid UTF-8", ex.Message, StringComparison.Ordinal);
        Assert.Contains("latin-1", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0xE9, ex.Value);
        Assert.Equal(23, ex.ByteOffset);

        var latin = DelimitedTextReader.Parse([.. Encoding.ASCII.GetBytes("id;comment\n1;caf"), 0xE9, 0x0A], "x.csv", new DelimitedTextOptions { Encoding = Encoding.Latin1 });
        Assert.Equal("latin-1", latin.EncodingName);
        Assert.Equal("café", latin.Records[0][1]);
    }

    [Fact]
    public void Parse_InvalidByteFarIntoALargeFile_StillNamesItsLine()
    {
        var text = new StringBuilder("id,comment\n");
        for (int i = 1; i <= 50_000; i++)
        {
            text.Append(i).Append(",fine ünïcode comment\n");
        }

        byte[] bytes = [.. Encoding.UTF8.GetBytes(text.ToString()), .. Encoding.ASCII.GetBytes("50001,bad "), 0xFF, 0x0A];
        var ex = Assert.Throws<TextEncodingException>(() => DelimitedTextReader.Parse(bytes, "big.csv"));
        Assert.Equal(50_002, ex.Line);
        Assert.Contains("character 11: the byte 0xFF", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ValueOverTheLimit_NotHeldAndReportedWithLineAndColumn()
    {
        string huge = new('x', 5000);
        byte[] bytes = Encoding.UTF8.GetBytes($"id,comment,score\n1,short,4\n2,\"{huge}\",5\n3,ok,3\n");
        var ex = Assert.Throws<DelimitedTextException>(() => DelimitedTextReader.Parse(bytes, "x.csv", new DelimitedTextOptions { MaxFieldChars = 1000 }));
        Assert.Equal(3, ex.Line);
        Assert.Equal("comment", ex.Column);
        Assert.Contains("longer than 1,000 characters", ex.Message, StringComparison.Ordinal);

        var table = DelimitedTextReader.Parse(bytes, "x.csv", new DelimitedTextOptions { MaxFieldChars = 1000, ReportOversizedFields = true });
        Assert.Equal(3, table.Records.Count);
        Assert.Equal("", table.Records[1][1]);
        Assert.Equal("5", table.Records[1][2]);
        Assert.Equal(new OversizedField(1, 3, "comment", table.Oversized[0].Problem), table.Oversized.Single());
    }

    [Fact]
    public void Import_HugeComment_SkippedAsABadRowTheRestKept()
    {
        string path = Path.Combine(Path.GetTempPath(), "huge-" + Guid.NewGuid().ToString("N") + ".csv");
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            writer.Write("id,rating,comment\n1,4,fine\n2,2,\"");
            writer.Write(new string('a', 3 << 20));
            writer.Write("\"\n3,5,great\n");
        }

        try
        {
            var ex = Assert.Throws<FeedbackImportException>(() => FeedbackReader.Read(path));
            Assert.Equal(3, ex.Line);
            Assert.Contains("longer than 1,048,576 characters", ex.Message, StringComparison.Ordinal);
            var import = FeedbackReader.Read(path, new FeedbackImportOptions { SkipBadRows = true });
            Assert.Equal(["1", "3"], import.Table.ResponseIds);
            Assert.Equal(3, import.BadRows.Single().Line);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_Windows1252_CurlyQuotesAndEuro()
    {
        var cp1252 = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var table = DelimitedTextReader.Parse(cp1252.GetBytes("id,comment\n1,\u201Cgood\u201D \u20AC5\n"), "x.csv", new DelimitedTextOptions { Encoding = cp1252 });
        Assert.Equal("windows-1252", table.EncodingName);
        Assert.Equal("\u201Cgood\u201D \u20AC5", table.Records[0][1]);
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

    [Theory]
    [InlineData("Reviews,Stars", "Stars", "Reviews")]
    [InlineData("id,rating,comment", "rating", "comment")]
    [InlineData("Ticket,Customer Complaint,Score", "Score", "Customer Complaint")]
    public void Import_CommonHeaders_ScoreAndCommentDetected(string header, string score, string comment)
    {
        string Row(int i) => header.Split(',').Length == 2 ? $"\"The service was slow and the refund late, number {i}\",{(i % 5) + 1}" : $"{i},{(i % 5) + 1},\"The service was slow and the refund late, number {i}\"";
        string csv = header.StartsWith("Reviews", StringComparison.Ordinal) ? "Reviews,Stars\n" + string.Join("\n", Enumerable.Range(1, 20).Select(Row))
            : header.StartsWith("id", StringComparison.Ordinal) ? header + "\n" + string.Join("\n", Enumerable.Range(1, 20).Select(i => $"{i},{(i % 5) + 1},\"The service was slow and the refund late, number {i}\""))
            : header + "\n" + string.Join("\n", Enumerable.Range(1, 20).Select(i => $"T{i},\"The service was slow and the refund late, number {i}\",{(i % 5) + 1}"));
        var import = FeedbackReader.Import(Parse(csv));
        Assert.Equal(score, import.Table.Overall?.Name);
        Assert.Equal([comment], import.Mapping.Comments);
        Assert.Null(import.Shortfall());
    }

    [Fact]
    public void Import_NothingRecognised_ShortfallNamesColumnsSeenAndWhatIsNeeded()
    {
        var import = FeedbackReader.Import(Parse("when,where\n2024-01-01,Leeds\n2024-01-02,York\n"));
        string shortfall = import.Shortfall()!;
        Assert.Contains("2 columns seen (when, where)", shortfall, StringComparison.Ordinal);
        Assert.Contains("an overall score", shortfall, StringComparison.Ordinal);
        Assert.Contains("comments", shortfall, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MultiValueStatus_MappedByYesAndNoLists()
    {
        const string csv = "id,status\n1,Resolved\n2,Escalated\n3,Pending\n4,Resolved\n5,Closed - no fix\n";
        var both = FeedbackReader.Import(Parse(csv), new FeedbackImportOptions
        {
            Mapping = new() { Outcome = "status" },
            OutcomePositiveValues = ["Resolved"],
            OutcomeNegativeValues = ["Escalated", "Closed - no fix"],
            UnlistedOutcome = UnlistedOutcome.Missing,
        });
        Assert.Equal([true, false, null, true, false], both.Table.Outcome!);
        Assert.Contains(both.Notes, n => n.Contains("read as no answer: Pending", StringComparison.Ordinal));

        var yesOnly = FeedbackReader.Import(Parse(csv), new FeedbackImportOptions { Mapping = new() { Outcome = "status" }, OutcomePositiveValues = ["Resolved"], UnlistedOutcome = UnlistedOutcome.No });
        Assert.Equal([true, false, false, true, false], yesOnly.Table.Outcome!);

        var ex = Assert.Throws<FeedbackImportException>(() => FeedbackReader.Import(Parse(csv), new FeedbackImportOptions { Mapping = new() { Outcome = "status" }, OutcomePositiveValues = ["Resolved"] }));
        Assert.Equal(3, ex.Line);
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

    [Fact]
    public void Items_OneRunningFromZeroWhereTheOthersStartAtOne_AreNamedAsPerhapsNotApplicable()
    {
        // speed and courtesy use 1 to 5; wifi also has 0 (not used), so its scale reads 0-5.
        byte[] file = Encoding.ASCII.GetBytes("id,speed,courtesy,wifi\n1,4,5,0\n2,3,4,2\n3,5,1,5\n4,2,3,4\n5,1,2,0\n");
        var plain = FeedbackReader.Import(DelimitedTextReader.Parse(file, "items.csv"));
        var note = Assert.Single(plain.Notes, n => n.Contains("scores of 0 where the other items start at 1", StringComparison.Ordinal));
        Assert.StartsWith("'wifi' has scores of 0", note, StringComparison.Ordinal);

        var given = FeedbackReader.Import(DelimitedTextReader.Parse(file, "items.csv"), new FeedbackImportOptions { NotApplicableValues = ["0"] });
        Assert.DoesNotContain(given.Notes, n => n.Contains("scores of 0 where", StringComparison.Ordinal));
    }

    [Fact]
    public void Items_OneRunningFromZero_PutsTheItemsOfItsTopOnOneScaleAndWarns()
    {
        // speed and courtesy hold 1 to 5, wifi 0 to 5. Read as scores, every item is on 0-5: courtesy's mean of 3 is
        // then (3 - 0) / 5 = 60% of the scale, not (3 - 1) / 4 = 50% as on 1-5.
        byte[] file = Encoding.ASCII.GetBytes("id,speed,courtesy,wifi\n1,4,5,0\n2,3,4,2\n3,5,1,5\n4,2,3,4\n5,1,2,0\n");
        var plain = FeedbackReader.Import(DelimitedTextReader.Parse(file, "items.csv"));
        Assert.All(plain.Table.Items, item => Assert.Equal(new ScoreScale(0, 5), item.Scale));
        var courtesy = Assert.Single(plain.Table.Items, i => i.Name == "courtesy");
        Assert.Equal(60.0, courtesy.Scale.ToPercent(3.0), 9);
        var warning = Assert.Single(plain.Warnings);
        Assert.Contains("'speed', 'courtesy' are read from 0 as well", warning, StringComparison.Ordinal);
        Assert.Contains(warning, plain.Notes);
        Assert.Contains("scale of 'courtesy' detected as 0-5", plain.Notes);
        Assert.DoesNotContain("scale of 'courtesy' detected as 1-5", plain.Notes);

        // Given 0 as not applicable, every item is 1-5 and nothing needs a decision.
        var given = FeedbackReader.Import(DelimitedTextReader.Parse(file, "items.csv"), new FeedbackImportOptions { NotApplicableValues = ["0"] });
        Assert.All(given.Table.Items, item => Assert.Equal(ScoreScale.Likert5, item.Scale));
        Assert.Empty(given.Warnings);
    }

    [Fact]
    public void Items_AirlineSurveyReadWithoutNotApplicable_NamesTheItemsWithZeros()
    {
        // Counted from the file: the columns of 1-5 items holding a 0 (the source's "not applicable").
        var lines = File.ReadAllLines(SurveyFiles.AirlinePath);
        var header = lines[0].Split(',');
        string[] items = ["Inflight wifi service", "Seat comfort", "Online boarding", "Cleanliness"];
        var withZero = items.Where(item => lines.Skip(1).Any(l => l.Split(',')[Array.IndexOf(header, item)] == "0")).ToList();
        Assert.Contains("Inflight wifi service", withZero);

        var note = Assert.Single(FeedbackReader.Read(SurveyFiles.AirlinePath).Notes, n => n.Contains("scores of 0 where the other items start at 1", StringComparison.Ordinal));
        foreach (var item in items)
        {
            Assert.Equal(withZero.Contains(item), note.Split(':')[0].Contains($"'{item}'", StringComparison.Ordinal));
        }
    }
}
