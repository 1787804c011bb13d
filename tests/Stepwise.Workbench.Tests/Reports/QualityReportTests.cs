using System.Globalization;
using System.Text;
using Stepwise.Review.Quality;
using Stepwise.Testing;
using Stepwise.Workbench.Quality;
using Stepwise.Workbench.Reports;
using Stepwise.Workbench.Reviews;
using Stepwise.Workbench.Survey;

namespace Stepwise.Workbench.Tests.Reports;

/// <summary>
/// The packs of a quality review of the real airline survey: results against targets (the share of satisfied
/// passengers counted here from the file), an action signed off, three audiences briefed, and the evidence map.
/// </summary>
public sealed class QualityReportTests
{
    private static readonly string Airline = SharedData.PathOf("surveys/airline_passenger_satisfaction_kaggle_test.csv");

    internal static (Workbench Bench, Access.Actor Admin, Guid Id) Build()
    {
        var f = new BenchFixture();
        var b = f.Bench;
        var id = b.Reviews.Create(f.Admin, new NewReview { Title = "Passenger satisfaction 2024", Quality = true }).Id;
        var q = b.Quality;
        q.SaveFeature(f.Admin, id, new FeatureRequest { Name = "Overall satisfaction", Why = "What the airline is judged on." });
        q.SaveFeature(f.Admin, id, new FeatureRequest { Name = "Inflight wifi service", Why = "Business travellers work on board." });
        q.SaveMeasure(f.Admin, id, new MeasureRequest { Metric = "Satisfied passengers", Feature = "Overall satisfaction", Statistic = "csat", Column = "satisfaction", Method = "survey", Target = ">=50%", Frequency = "quarterly", Owner = "Head of customer experience" });
        q.SaveMeasure(f.Admin, id, new MeasureRequest { Metric = "Wifi top-2-box", Feature = "Inflight wifi service", Statistic = "top2", Column = "Inflight wifi service", Method = "survey", Target = ">=50%", Frequency = "monthly", Owner = "Inflight product manager" });
        q.Analyse(f.Admin, id, new FeedbackAnalysisRequest { Title = "Passenger survey, test split", File = Airline, Read = new FeedbackReadRequest { NotApplicable = ["0"] }, Discover = 0 });
        q.FindingsFrom(f.Admin, id, "Passenger survey, test split");
        var sam = f.User("sam", "Sam Sponsor");
        b.Reviews.SetMember(f.Admin, id, new NewMember { User = "sam", Role = "approver" });
        b.Reviews.SaveStakeholder(f.Admin, id, new NewStakeholder { Name = "Sam Sponsor", Group = "senior-managers", Role = "accountable", Account = "sam" });
        q.SaveAction(f.Admin, id, new ActionRequest { Title = "Simplify the wifi log-in", Finding = ["Wifi top-2-box"], Owner = "Inflight product manager", Due = "2024-09-30", Measure = "Wifi top-2-box at 40% or more" });
        b.Reviews.SignOff(sam, id, new SignOffRequest { Artefact = "action", Decision = "approve" });
        foreach (var (audience, who) in new[] { ("senior-managers", "Executive team"), ("front-line-staff", "Cabin crew"), ("service-partners", "Inflight wifi provider") })
        {
            q.RecordBriefing(f.Admin, id, new BriefingRequest { Audience = audience, Recipients = who, Message = "Wifi misses its target", Channel = "meeting", At = "2024-04-10", Action = ["Simplify the wifi log-in"] });
        }

        return (b, f.Admin, id);
    }

    [Fact]
    public void QualityPacks_ResultsAgainstTargets_MatchTheFile_AndTheEvidenceMapCountsAudiences()
    {
        var (b, admin, id) = Build();
        var lines = File.ReadAllLines(Airline);
        int column = Array.IndexOf(lines[0].Split(','), "satisfaction");
        double satisfied = lines.Skip(1).Count(l => l.Split(',')[column] == "satisfied") / (double)(lines.Length - 1);

        var senior = b.Reports.Build(admin, id, new ReportRequest { Audience = "senior-managers", Format = "pdf" });
        ReportOutputs.Save("quality-" + senior.FileName, senior.Content);
        string text = ReportPackTests.PdfText(senior.Content, out int pages);
        Assert.True(pages <= 2, $"{pages} pages");
        Assert.Contains((satisfied * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%", text, StringComparison.Ordinal);
        Assert.Contains("Simplify", text, StringComparison.Ordinal);
        Assert.Contains("Inflight", text, StringComparison.Ordinal);
        Assert.Contains(SharedData.Sha256(Airline)[..12], text, StringComparison.Ordinal);

        var partners = b.Reports.Build(admin, id, new ReportRequest { Audience = "partners", Format = "html", Partner = "Inflight wifi provider" });
        string html = Encoding.UTF8.GetString(partners.Content);
        Assert.Contains("Wifi top-2-box", html, StringComparison.Ordinal);
        Assert.Contains("Simplify the wifi log-in", html, StringComparison.Ordinal);
        Assert.Equal("partner", Assert.Throws<Problems.StepwiseException>(() => b.Reports.Build(admin, id, new ReportRequest { Audience = "partners", Partner = "Catering" })).Errors[0].Field);

        // One action, signed off by the sponsor (Build): counted in the singular.
        string seniorHtml = Encoding.UTF8.GetString(b.Reports.Build(admin, id, new ReportRequest { Audience = "senior-managers", Format = "html" }).Content);
        Assert.Contains("1 of 1 action is signed off; the first is due", seniorHtml, StringComparison.Ordinal);
        string frontHtml = Encoding.UTF8.GetString(b.Reports.Build(admin, id, new ReportRequest { Audience = "front-line-staff", Format = "html" }).Content);
        Assert.Contains("1 improvement is agreed.", frontHtml, StringComparison.Ordinal);

        foreach (var audience in new[] { "team-leaders", "front-line-staff", "analysts" })
        {
            foreach (var format in new[] { "html", "pdf", "xlsx", "pptx" })
            {
                var file = b.Reports.Build(admin, id, new ReportRequest { Audience = audience, Format = format });
                ReportOutputs.Save("quality-" + file.FileName, file.Content);
            }
        }

        var map = b.Reports.Evidence(admin, id).ToDictionary(l => l.Criterion.Number);
        Assert.Equal("Unit B14", map["2.5"].Criterion.Unit);
        Assert.Equal(EvidenceStatus.Evidenced, map["2.5"].Status);
        Assert.Equal(3, map["2.5"].Artefacts.Count);
        Assert.Equal(EvidenceStatus.Evidenced, map["2.6"].Status);
        Assert.Equal(EvidenceStatus.None, map["2.4"].Status);
        Assert.Equal(EvidenceStatus.Partial, map["1.2"].Status);
        Assert.Contains("2 features (Overall satisfaction, Inflight wifi service)", map["1.1"].Artefacts[0], StringComparison.Ordinal);
        Assert.Contains("2 measures with method, target, frequency and owner", map["1.2"].Artefacts[0], StringComparison.Ordinal);
        Assert.Contains($"({(lines.Length - 1).ToString("N0", CultureInfo.InvariantCulture)} responses, 2 results,", map["2.2"].Artefacts[0], StringComparison.Ordinal);
        Assert.Equal(ResultVerdict.Missed, b.Quality.Show(admin, id).Analyses.Single().Value.Results.Single(r => r.Metric == "Wifi top-2-box").Verdict);
    }

    /// <summary>The demo's quality review: four features, three measures from the survey and one by mystery shopping, a
    /// finding from the crew, two actions signed off by the sponsor, and the board briefed.</summary>
    internal static (Workbench Bench, Access.Actor Admin, Guid Id) BuildAsDemo()
    {
        var f = new BenchFixture();
        var b = f.Bench;
        var id = b.Reviews.Create(f.Admin, new NewReview { Title = "Passenger satisfaction, test split", Quality = true }).Id;
        var q = b.Quality;
        foreach (var (name, why) in new[] { ("Overall satisfaction", "What passengers judge the airline on"), ("Inflight wifi service", "Business travellers work on board"), ("Online boarding", "The first contact on the day of travel"), ("Seat comfort", "Named first in complaints about long flights") })
        {
            q.SaveFeature(f.Admin, id, new FeatureRequest { Name = name, Why = why });
        }

        q.SaveMeasure(f.Admin, id, new MeasureRequest { Metric = "Satisfied passengers", Feature = "Overall satisfaction", Statistic = "csat", Column = "satisfaction", Method = "survey", Target = ">=50%", Frequency = "quarterly", Owner = "Head of customer experience" });
        q.SaveMeasure(f.Admin, id, new MeasureRequest { Metric = "Wifi top-2-box", Feature = "Inflight wifi service", Statistic = "top2", Column = "Inflight wifi service", Method = "survey", Target = ">=50%", Frequency = "monthly", Owner = "Inflight product manager" });
        q.SaveMeasure(f.Admin, id, new MeasureRequest { Metric = "Online boarding score", Feature = "Online boarding", Statistic = "mean", Column = "Online boarding", Method = "survey", Target = ">=3.5", Frequency = "monthly", Owner = "Digital channels manager" });
        q.SaveMeasure(f.Admin, id, new MeasureRequest { Metric = "Seat comfort audit", Feature = "Seat comfort", Method = "mystery-shopping", Target = ">=4", Frequency = "quarterly", Owner = "Cabin product manager", Source = "mystery flyers, 20 flights a quarter" });
        q.Analyse(f.Admin, id, new FeedbackAnalysisRequest { Title = "Passenger survey, test split", File = Airline, Read = new FeedbackReadRequest { NotApplicable = ["0"] }, Discover = 0 });
        q.FindingsFrom(f.Admin, id, "Passenger survey, test split");
        q.RecordFinding(f.Admin, id, new FindingRequest { Kind = "other", Subject = "Wifi log-in", Summary = "Cabin crew report that passengers give up on the wifi log-in page before paying", Evidence = ["Crew briefing notes"] });
        var sam = f.User("sam", "Sam Sponsor");
        b.Reviews.SetMember(f.Admin, id, new NewMember { User = "sam", Role = "approver" });
        b.Reviews.SaveStakeholder(f.Admin, id, new NewStakeholder { Name = "Sam Sponsor", Group = "senior-managers", Role = "accountable", Account = "sam" });
        var wifi = q.SaveAction(f.Admin, id, new ActionRequest { Title = "Simplify the wifi log-in", Finding = ["Wifi top-2-box", "Inflight wifi service", "Wifi log-in"], Owner = "Inflight product manager", Due = "2024-09-30", Measure = "Wifi top-2-box at 40% or more in the next quarter's survey" });
        var boarding = q.SaveAction(f.Admin, id, new ActionRequest { Title = "Online boarding pass in the app", Finding = ["Online boarding score"], Owner = "Digital channels manager", Due = "2024-12-31", Measure = "Online boarding score of 3.5 or more" });
        foreach (var action in new[] { wifi, boarding })
        {
            b.Reviews.SignOff(sam, id, new SignOffRequest { Artefact = "action", ArtefactId = action.Value.Id, Decision = "approve" });
        }

        q.RecordBriefing(f.Admin, id, new BriefingRequest { Audience = "senior-managers", Recipients = "Executive team", Channel = "report", At = "2024-04-08", Message = "Fewer passengers are satisfied than the target", Action = ["Simplify the wifi log-in", "Online boarding pass in the app"] });
        return (b, f.Admin, id);
    }

    [Fact]
    public void SeniorManagers_Pdf_OfTheDemoReview_TwoPagesAtMost_TheAnswerFirst_TheFeaturesTableNamedWhereItIs()
    {
        var (b, admin, id) = BuildAsDemo();
        var file = b.Reports.Build(admin, id, new ReportRequest { Audience = "senior-managers", Format = "pdf" });
        string path = ReportOutputs.SavePdf("quality-demo-" + file.FileName, file.Content);
        Stepwise.Reports.Tests.LayoutChecks.AssertNoOverlapAndWithinPages(file.Content, "quality board paper");
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(file.Content);
        Assert.True(pdf.NumberOfPages <= 2, $"{pdf.NumberOfPages} pages ({path})");
        var pages = Enumerable.Range(1, pdf.NumberOfPages).Select(p => string.Join(" ", pdf.GetPage(p).GetWords().Select(w => w.Text))).ToList();
        string text = string.Join("\n", pages);

        // The results, counted here from the file: satisfied passengers; wifi rated 4 or 5 and online boarding's mean,
        // both of the passengers who rated it (0 is "not applicable").
        var lines = File.ReadAllLines(Airline);
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        int satisfaction = Array.IndexOf(header, "satisfaction"), wifi = Array.IndexOf(header, "Inflight wifi service"), boarding = Array.IndexOf(header, "Online boarding");
        double satisfied = rows.Count(r => r[satisfaction] == "satisfied") / (double)rows.Count;
        var wifiRated = rows.Where(r => r[wifi] != "0").Select(r => int.Parse(r[wifi], CultureInfo.InvariantCulture)).ToList();
        double top2 = wifiRated.Count(v => v >= 4) / (double)wifiRated.Count;
        double boardingMean = rows.Where(r => r[boarding] != "0").Average(r => int.Parse(r[boarding], CultureInfo.InvariantCulture));
        Assert.True(satisfied < 0.5 && top2 < 0.5 && boardingMean < 3.5, "the file's results are expected to miss all three targets");

        // The answer first, on the first page: whether quality is on target, what drives satisfaction, what is being done.
        string first = pages[0];
        Assert.Contains("1. In brief", first, StringComparison.Ordinal);
        Assert.Contains("Quality is below target: 3 of 3 targets are missed.", first, StringComparison.Ordinal);
        Assert.Contains($"Satisfied passengers {(satisfied * 100).ToString("0.0", CultureInfo.InvariantCulture)}% against at least 50.0%, missed", first, StringComparison.Ordinal);
        Assert.Contains($"Wifi top-2-box {(top2 * 100).ToString("0.0", CultureInfo.InvariantCulture)}% against at least 50.0%, missed", first, StringComparison.Ordinal);
        Assert.Contains($"Online boarding score {boardingMean.ToString("0.00", CultureInfo.InvariantCulture)}", first, StringComparison.Ordinal);
        Assert.Contains("Not in this analysis: Seat comfort audit (mystery shopping", first, StringComparison.Ordinal);
        var drivers = b.Quality.Show(admin, id).Analyses.Single().Value.Drivers;
        Assert.Contains($"What drives satisfaction: {drivers.MaxBy(d => d.Importance)!.Item} matters most", first, StringComparison.Ordinal);
        Assert.Contains("What we are doing: 2 actions, 2 signed off: Simplify the wifi log-in (Inflight product manager, due 30 September 2024); Online boarding pass in the app (Digital channels manager, due 31 December 2024)", first, StringComparison.Ordinal);

        // Then the evidence: the results table with its rows on one page, the figure with its caption, the actions table
        // whole on one page.
        int boardingRated = rows.Count(r => r[boarding] != "0");
        Assert.Single(pages, p => p.Contains("Table 1. Results against targets", StringComparison.Ordinal) && p.Contains($"missed {boardingRated.ToString("N0", CultureInfo.InvariantCulture)}", StringComparison.Ordinal));
        Assert.Single(pages, p => p.Contains("What drives satisfaction Importance", StringComparison.Ordinal) && p.Contains("Figure 1.", StringComparison.Ordinal));
        Assert.Single(pages, p => p.Contains("Table 2. Actions", StringComparison.Ordinal) && p.Contains("2024-09-30", StringComparison.Ordinal) && p.Contains("2024-12-31", StringComparison.Ordinal));

        // The table of the features behind the figure is named with the workbook's sheet that holds it, every feature a row.
        var pointer = System.Text.RegularExpressions.Regex.Match(text, @"in the workbook \(XLSX\) of this report, sheet '([^']+)'");
        Assert.True(pointer.Success, "the board paper does not say where the features' table is");
        Assert.Contains($"({drivers.Count} rows)", text, StringComparison.Ordinal);
        var workbook = b.Reports.Build(admin, id, new ReportRequest { Audience = "senior-managers", Format = "xlsx" });
        using var xlsx = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(workbook.Content), false);
        var sheet = xlsx.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == pointer.Groups[1].Value);
        var part = (DocumentFormat.OpenXml.Packaging.WorksheetPart)xlsx.WorkbookPart.GetPartById(sheet.Id!.Value!);
        Assert.Equal(drivers.Count + 1, part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count());

        // The HTML report still prints it.
        string html = Encoding.UTF8.GetString(b.Reports.Build(admin, id, new ReportRequest { Audience = "senior-managers", Format = "html" }).Content);
        Assert.Contains("The features numbered as in the figure", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EvidenceMap_OneFeatureAndOneMeasure_ReadInTheSingular_AndALongListSaysHowManyMore()
    {
        var f = new BenchFixture();
        var b = f.Bench;
        var id = b.Reviews.Create(f.Admin, new NewReview { Title = "Complaints handling", Quality = true }).Id;
        b.Quality.SaveFeature(f.Admin, id, new FeatureRequest { Name = "Speed of reply", Why = "Customers chase late replies." });
        b.Quality.SaveMeasure(f.Admin, id, new MeasureRequest { Metric = "Replied within a day", Feature = "Speed of reply", Statistic = "csat", Column = "replied", Method = "survey", Target = ">=90%", Frequency = "monthly", Owner = "Complaints lead" });
        var map = b.Reports.Evidence(f.Admin, id).ToDictionary(l => l.Criterion.Number);
        Assert.Contains("1 feature (Speed of reply)", map["1.1"].Artefacts[0], StringComparison.Ordinal);
        Assert.Contains("1 measure with method, target, frequency and owner", map["1.2"].Artefacts[0], StringComparison.Ordinal);

        foreach (var name in new[] { "Courtesy", "Accuracy", "Ease of contact", "Follow-up", "Clarity of letters" })
        {
            b.Quality.SaveFeature(f.Admin, id, new FeatureRequest { Name = name, Why = "Named in complaints." });
        }

        map = b.Reports.Evidence(f.Admin, id).ToDictionary(l => l.Criterion.Number);
        Assert.Contains("6 features (Speed of reply, Courtesy, Accuracy, Ease of contact, Follow-up and 1 more)", map["1.1"].Artefacts[0], StringComparison.Ordinal);
    }

    [Fact]
    public void TeamLeaders_ForASegmentOfTheSurvey_ItsOwnResultsWithIntervals_CountedFromTheFile()
    {
        var (b, admin, id) = Build();
        var lines = File.ReadAllLines(Airline);
        var header = lines[0].Split(',');
        int cls = Array.IndexOf(header, "Class"), satisfaction = Array.IndexOf(header, "satisfaction");
        var business = lines.Skip(1).Select(l => l.Split(',')).Where(f => f[cls] == "Business").ToList();
        double satisfied = business.Count(f => f[satisfaction] == "satisfied") / (double)business.Count;

        var segment = b.Quality.Show(admin, id).Analyses.Single().Value.SegmentTargets.Single(s => s.Column == "Class" && s.Segment == "Business");
        Assert.Equal(business.Count, segment.Responses);
        var csat = segment.Results.Single(r => r.Metric == "Satisfied passengers");
        Assert.Equal(satisfied, csat.Value, 9);
        Assert.True(csat.Lower < satisfied && satisfied < csat.Upper);

        var file = b.Reports.Build(admin, id, new ReportRequest { Audience = "team-leaders", Format = "pdf", Team = "business" });
        ReportOutputs.SavePdf("quality-" + file.FileName, file.Content);
        string text = ReportPackTests.PdfText(file.Content, out _);
        Assert.Contains("Results for Class Business", text, StringComparison.Ordinal);
        Assert.Contains((satisfied * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%", text, StringComparison.Ordinal);
        Assert.Contains($"{business.Count.ToString("N0", CultureInfo.InvariantCulture)} of {(lines.Length - 1).ToString("N0", CultureInfo.InvariantCulture)} responses are Class Business", text, StringComparison.Ordinal);
        Assert.Contains("The trend for Class Business", text, StringComparison.Ordinal);
        Assert.Contains("Business beside all responses", text, StringComparison.Ordinal);

        var wrong = Assert.Throws<Problems.StepwiseException>(() => b.Reports.Build(admin, id, new ReportRequest { Audience = "team-leaders", Team = "Night shift" }));
        Assert.Equal("team", wrong.Errors[0].Field);
        Assert.Contains("Class=Business", wrong.Errors[0].Message, StringComparison.Ordinal);

        var workbook = b.Reports.Build(admin, id, new ReportRequest { Audience = "analysts", Format = "xlsx" });
        using var xlsx = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(workbook.Content), false);
        Assert.Contains(xlsx.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>(), s => s.Name!.Value!.StartsWith("Results by segment", StringComparison.Ordinal));
    }
}
