using System.Globalization;
using System.Text.RegularExpressions;
using Stepwise.Charts;
using Stepwise.Reports;
using Stepwise.Review.Quality;
using Stepwise.Testing;
using Stepwise.Workbench.Quality;
using Stepwise.Workbench.Reports;
using Stepwise.Workbench.Reviews;
using Stepwise.Workbench.Survey;

namespace Stepwise.Workbench.Tests.Reports;

/// <summary>
/// The quality packs of a review of the British Airways reviews (3,701 reviews dated by DateFlown as "23-Nov", yy-MMM).
/// Every expected figure was counted from the CSV with Python's csv module: 2,923 reviews have a DateFlown (778 do
/// not); by quarter of DateFlown the median quarter holds 71 reviews (the median month 24); the latest four quarters
/// (2023-Q1 to 2023-Q4) hold 239 reviews of which 53 recommend (22.2%), against 995 of 2,684 before (37.1%), Pearson's
/// chi-square 21.17 (p 4.2e-6); their mean OverallRating is 3.23 against 4.51 (Welch's t -6.35); 2023-Q2 holds 78
/// reviews, 11.5% recommending (Wilson 95% 6.2% to 20.5%); the mean OverallRating of the 3,696 rated reviews is 4.73 and
/// of ValueForMoney (3,700 rated) 2.69.
/// </summary>
public sealed class QualityAirlineReviewsTests
{
    private static readonly string Reviews = SharedData.PathOf("surveys/BA_AirlineReviews.csv");

    private static readonly Lazy<(Workbench Bench, Access.Actor Admin, Guid Id)> Review = new(Build);

    private const string Partner = "Inflight connectivity partner";

    private static (Workbench Bench, Access.Actor Admin, Guid Id) Build()
    {
        var f = new BenchFixture();
        var b = f.Bench;
        var id = b.Reviews.Create(f.Admin, new NewReview { Title = "British Airways reviews", Quality = true }).Id;
        var q = b.Quality;
        foreach (var name in new[] { "Recommendation", "Value for money", "Cabin staff service", "Wifi and connectivity" })
        {
            q.SaveFeature(f.Admin, id, new FeatureRequest { Name = name, Why = "Named in reviews." });
        }

        q.SaveMeasure(f.Admin, id, new MeasureRequest { Metric = "Recommend rate", Feature = "Recommendation", Statistic = "csat", Column = "Recommended", Method = "survey", Target = ">=50%", Frequency = "quarterly", Owner = "Head of customer experience" });
        q.SaveMeasure(f.Admin, id, new MeasureRequest { Metric = "NPS", Feature = "Recommendation", Statistic = "nps", Column = "OverallRating", Method = "survey", Target = ">=0", Frequency = "quarterly", Owner = "Head of customer experience" });
        q.SaveMeasure(f.Admin, id, new MeasureRequest { Metric = "Overall rating (mean)", Feature = "Recommendation", Statistic = "mean", Column = "OverallRating", Method = "survey", Target = ">=6", Frequency = "quarterly", Owner = "Head of customer experience" });
        q.SaveMeasure(f.Admin, id, new MeasureRequest { Metric = "Value for money (mean)", Feature = "Value for money", Statistic = "mean", Column = "ValueForMoney", Method = "survey", Target = ">=3.5", Frequency = "quarterly", Owner = "Pricing team" });
        q.SaveMeasure(f.Admin, id, new MeasureRequest { Metric = "Cabin staff (mean)", Feature = "Cabin staff service", Statistic = "mean", Column = "CabinStaffService", Method = "survey", Target = ">=3", Frequency = "quarterly", Owner = "Cabin crew managers" });
        q.SaveMeasure(f.Admin, id, new MeasureRequest { Metric = "Wifi (mean)", Feature = "Wifi and connectivity", Statistic = "mean", Column = "Wifi&Connectivity", Method = "survey", Target = ">=3", Frequency = "quarterly", Owner = Partner });
        q.Analyse(f.Admin, id, new FeedbackAnalysisRequest
        {
            Title = "Reviews 2014-2023",
            File = Reviews,
            Read = new FeedbackReadRequest
            {
                Id = "ReviewID", Date = "DateFlown", DateFormat = ["yy-MMM"], Overall = "OverallRating", OverallScale = "1-10", Outcome = "Recommended",
                Item = ["SeatComfort", "CabinStaffService", "GroundService", "ValueForMoney", "Food&Beverages", "InflightEntertainment", "Wifi&Connectivity"], ItemScale = "1-5",
                Comment = ["ReviewBody"], NameColumn = "Name", Segment = ["SeatType", "TypeOfTraveller"], Missing = ["N/A"],
                Ignore = ["Datetime", "ReviewHeader", "VerifiedReview", "Route", "Aircraft"],
            },
            Discover = 4,
        });
        q.FindingsFrom(f.Admin, id, "Reviews 2014-2023");
        q.SaveAction(f.Admin, id, new ActionRequest { Title = "Review pricing of short-haul economy fares", Finding = ["Overall rating (mean)", "Value for money (mean)"], Owner = "Pricing team", Due = "2024-06-30", Measure = "Value for money at 3 or more" });
        q.SaveAction(f.Admin, id, new ActionRequest { Title = "Free messaging on board", Finding = ["Wifi (mean)"], Owner = Partner, Due = "2024-09-30", Measure = "Wifi mean of 3 or more" });
        // The partner is told about every finding for information, and asked for one action.
        var findings = q.Show(f.Admin, id).Findings.Where(x => x.Value.FindingKind == FindingKind.Gap).Select(x => x.Value.Subject!).ToList();
        q.RecordBriefing(f.Admin, id, new BriefingRequest { Audience = "service-partners", Recipients = Partner, Channel = "meeting", At = "2024-04-10", Message = "The reviews' results", Finding = findings, Action = ["Free messaging on board"] });
        return (b, f.Admin, id);
    }

    private static ReportDocument Document(string audience, string? team = null, string? partner = null)
    {
        var (b, admin, id) = Review.Value;
        return b.Reports.Document(admin, id, new ReportRequest { Audience = audience, Team = team, Partner = partner, Format = "html" });
    }

    [Fact]
    public void TeamLeaders_TrendIsByDateFlown_PerQuarter_WithIntervals_AndThe2023FallIsTested()
    {
        var (b, admin, id) = Review.Value;
        var analysis = b.Quality.Show(admin, id).Analyses.Single().Value;
        Assert.Equal("DateFlown", analysis.DateColumn);
        Assert.Equal("quarter", analysis.PeriodGrain);
        Assert.Equal(778, analysis.UndatedResponses);
        Assert.Equal(2923, analysis.Periods.Sum(p => p.Responses));
        Assert.Equal(38, analysis.Periods.Count);
        var q2 = analysis.Periods.Single(p => p.Period == "2023-Q2");
        Assert.Equal(78, q2.Responses);
        Assert.Equal(9.0 / 78, q2.Outcome!.Value, 9);
        Assert.Equal(0.062, q2.Outcome.Lower, 3);
        Assert.Equal(0.205, q2.Outcome.Upper, 3);

        var doc = Document("team-leaders");
        var trend = Assert.Single(doc.Sections, s => s.Heading == "The trend by quarter of DateFlown");
        Assert.Contains("Recommended (yes share) fell to 22.2% in the latest 4 quarters (2023-Q1 to 2023-Q4) from 37.1% before (p < 0.001).", trend.Message, StringComparison.Ordinal);
        Assert.Contains("Mean OverallRating fell to 3.23 in the latest 4 quarters (2023-Q1 to 2023-Q4) from 4.51 before (p < 0.001).", trend.Message, StringComparison.Ordinal);
        var bullets = Assert.Single(trend.Blocks.OfType<BulletList>()).Items;
        Assert.Contains(bullets, l => l.Contains("22.2% in the latest 4 quarters (2023-Q1 to 2023-Q4), 239 responses, against 37.1% in the 2,684 responses before: a clear fall of 14.9 points", StringComparison.Ordinal));
        Assert.Contains(trend.Blocks.OfType<Note>(), n => n.Text.Contains("778 of 3,701 responses have no date", StringComparison.Ordinal) && n.Text.Contains("38 quarters, 4 to 217 responses each", StringComparison.Ordinal));

        // The share and the mean each on a chart of its own, by quarter of DateFlown, never by the date of an analysis.
        var charts = trend.Blocks.OfType<ChartBlock>().Select(c => Assert.IsType<TrendChart>(c.Chart)).ToList();
        Assert.Equal(2, charts.Count);
        Assert.All(charts, c => Assert.Equal("Quarter", c.PeriodName));
        Assert.Equal(MeasureKind.Percent, charts[0].Value.Kind);
        Assert.Equal(MeasureKind.Number, charts[1].Value.Kind);
        Assert.Equal(analysis.Periods.Select(p => p.Period), charts[0].Periods);
        Assert.DoesNotContain(doc.Sections.SelectMany(s => s.Blocks).OfType<ChartBlock>(), c => c.Chart is TrendChart { PeriodName: "Analysis" });

        // The fall is a finding of the analysis.
        var signal = Assert.Single(b.Quality.Show(admin, id).Findings, x => x.Value.FindingKind == FindingKind.Signal && x.Value.Subject == "Recommended by DateFlown").Value;
        Assert.Equal("The Recommended share fell to 22.2% in the latest 4 quarters (2023-Q1 to 2023-Q4) from 37.1% before, by the responses' DateFlown.", signal.Summary);
        Assert.Equal(1, signal.Priority);
    }

    [Fact]
    public void TeamLeaders_WithoutADateColumn_SaySoPlainly_AndDrawNoTrendByAnalysisDate()
    {
        var (b, admin, id) = QualityReportTests.Build();
        var doc = b.Reports.Document(admin, id, new ReportRequest { Audience = "team-leaders", Format = "html" });
        var trend = Assert.Single(doc.Sections, s => s.Heading == "The trend");
        Assert.Contains("have no date column, so no trend over time can be shown", Assert.Single(trend.Blocks.OfType<Paragraph>()).Text, StringComparison.Ordinal);
        Assert.Empty(trend.Blocks.OfType<ChartBlock>());
    }

    [Fact]
    public void TeamLeaders_ForASegment_NpsAndEachMeanOnAChartOfItsOwn_SharesTogether()
    {
        var doc = Document("team-leaders", team: "Economy Class");
        var charts = doc.Sections.SelectMany(s => s.Blocks).OfType<ChartBlock>().Select(c => c.Chart).OfType<BeforeAfterChart>().ToList();
        Assert.NotEmpty(charts);
        foreach (var chart in charts)
        {
            // A chart holds shares only (one 0-100% axis) or a single measure on its own scale.
            Assert.True(chart.Value.Kind == MeasureKind.Percent || chart.Items.Count == 1, $"'{chart.Title}' puts {string.Join(", ", chart.Items.Select(i => i.Label))} on one {chart.Value.Kind} axis");
        }

        Assert.Contains(charts, c => c.Items.Count == 1 && c.Items[0].Label == "NPS");
        Assert.Contains(charts, c => c.Items.Count == 1 && c.Items[0].Label == "Overall rating (mean)");
    }

    [Fact]
    public void SeniorManagers_EverySheetTheBoardPaperNames_IsInTheWorkbook_ByAShortWholeName()
    {
        var (b, admin, id) = Review.Value;
        var pdf = b.Reports.Build(admin, id, new ReportRequest { Audience = "senior-managers", Format = "pdf" });
        ReportOutputs.SavePdf("quality-ba-" + pdf.FileName, pdf.Content);
        string text = ReportPackTests.PdfText(pdf.Content, out _);
        var workbook = b.Reports.Build(admin, id, new ReportRequest { Audience = "senior-managers", Format = "xlsx" });
        using var xlsx = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(workbook.Content), false);
        var names = xlsx.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value!).ToList();
        Assert.All(names, n => Assert.True(n.Length <= 31 && n.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) < 0, n));
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());

        var referenced = Regex.Matches(text, @"sheet '([^']+)'").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(referenced);
        Assert.All(referenced, r => Assert.Contains(r, names));
        Assert.Contains("Features by importance", referenced);
        string html = System.Text.Encoding.UTF8.GetString(b.Reports.Build(admin, id, new ReportRequest { Audience = "senior-managers", Format = "html" }).Content);
        Assert.All(Regex.Matches(html, @"sheet (?:'|&#39;)([^'&]+)(?:'|&#39;)").Select(m => m.Groups[1].Value), r => Assert.Contains(r, names));
    }

    [Fact]
    public void FrontLine_SaysWhyWithTheEvidence_AndQuotesOnlyCommentsThatSaySomethingOfTheirTheme()
    {
        var doc = Document("front-line-staff");
        var why = Assert.Single(doc.Sections, s => s.Heading == "What changes, and why");
        string pricing = Assert.Single(Assert.Single(why.Blocks.OfType<BulletList>()).Items, l => l.StartsWith("Review pricing", StringComparison.Ordinal));
        Assert.DoesNotContain("because Overall rating (mean).", pricing, StringComparison.Ordinal);
        Assert.Contains("Overall rating (mean) is 4.73", pricing, StringComparison.Ordinal);
        Assert.Contains("against a target of at least 6.00 in 3,696 responses, so it misses its target.", pricing, StringComparison.Ordinal);
        Assert.Contains("ValueForMoney scores 2.69 on a 1-5 scale", pricing, StringComparison.Ordinal);

        var said = Assert.Single(doc.Sections, s => s.Heading == "What customers and colleagues said");
        var quotes = said.Blocks.OfType<Quote>().Where(q => q.Attribution?.Contains("theme '", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(quotes);
        foreach (var quote in quotes)
        {
            string theme = Regex.Match(quote.Attribution!, "theme '([^']+)'").Groups[1].Value;
            var words = Regex.Matches(quote.Text.ToLowerInvariant(), @"\p{L}[\p{L}'-]*").Select(m => m.Value).ToList();
            Assert.True(words.Count >= 6, $"'{quote.Text}' is too short to say anything");
            var stems = theme.ToLowerInvariant().Split([' ', ',', '&', '/'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 3 && w != "and").Select(w => w.Length > 5 ? w[..5] : w);
            Assert.True(words.Any(w => stems.Any(s => w.StartsWith(s, StringComparison.Ordinal))), $"'{quote.Text}' uses no word of the theme '{theme}'");
        }
    }

    [Fact]
    public void Partners_SeeOnlyTheTargetsTheyAreResponsibleFor_OthersOnlyWhatIsMissedOrAtRisk()
    {
        var doc = Document("partners", partner: Partner);
        var targets = Assert.Single(doc.Sections, s => s.Heading == "Service levels you are responsible for");
        var table = Assert.Single(targets.Blocks.OfType<TableBlock>()).Table;
        Assert.Equal(["Wifi (mean)"], table.Rows.Select(r => r[0].Text));
        Assert.Contains(targets.Blocks.OfType<Note>(), n => n.Text.Contains("5 other targets that concern other teams", StringComparison.Ordinal));
        Assert.Contains("Wifi (mean) missed its target: 1.92 against 3.00, from 609 responses.", targets.Message, StringComparison.Ordinal);

        // Without a partner named: the targets missed or too close to call, and the met ones in one line.
        var all = Document("partners");
        var open = Assert.Single(all.Sections, s => s.Heading == "Targets missed or at risk");
        var shown = Assert.Single(open.Blocks.OfType<TableBlock>()).Table.Rows.Select(r => r[0].Text).ToList();
        Assert.DoesNotContain("Cabin staff (mean)", shown);
        Assert.Equal(5, shown.Count);
        Assert.Contains(open.Blocks.OfType<Paragraph>(), p => p.Text.StartsWith("Met: 1 target (Cabin staff (mean) 3.25)", StringComparison.Ordinal));
    }
}
