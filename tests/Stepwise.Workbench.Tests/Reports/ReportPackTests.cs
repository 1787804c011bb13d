using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Stepwise.Review.History;
using Stepwise.Testing;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Reports;
using UglyToad.PdfPig;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Stepwise.Workbench.Tests.Reports;

/// <summary>
/// Every pack of the demo's help-desk review, read back from each format and checked against figures computed here from
/// the log file and the formulas (cases in scope, median time to close, NPV, hand-over counts), not by the layer.
/// </summary>
public sealed partial class ReportPackTests
{
    private static readonly string[] Audiences = ["senior-managers", "team-leaders", "front-line-staff", "partners", "analysts", "evidence-map"];

    private static HelpdeskReview R => ReportedReview.Instance.R;

    private static ReportFile Build(string audience, string format, string? team = null, string? partner = null)
        => R.Bench.Reports.Build(R.Lead, R.Id, new ReportRequest { Audience = audience, Format = format, Team = team, Partner = partner });

    internal static string PdfText(byte[] pdf, out int pages)
    {
        using var document = PdfDocument.Open(pdf);
        pages = document.NumberOfPages;
        return string.Join("\n", Enumerable.Range(1, document.NumberOfPages).Select(p => string.Join(" ", document.GetPage(p).GetWords().Select(w => w.Text))));
    }

    [Fact]
    public void SeniorManagers_Pdf_TwoPagesAtMost_WithTheReviewsNumbers()
    {
        var file = Build("senior-managers", "pdf");
        string path = ReportOutputs.Save(file.FileName, file.Content);
        string text = PdfText(file.Content, out int pages);
        Assert.True(pages <= 2, $"{pages} pages ({path})");
        Assert.Contains($"Page 1 of {pages}", text, StringComparison.Ordinal);
        Assert.Contains("Contents", text, StringComparison.Ordinal);
        var (cases, median) = Reference.Scope();
        Assert.Contains(cases.ToString("N0", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Contains($"Half the cases take more than {median.ToString("0.0", CultureInfo.InvariantCulture)} d to close", text, StringComparison.Ordinal);
        double npv = Reference.Npv((double)ReportedReview.OneOff, (double)ReportedReview.Savings, 5, (double)ReportedReview.Rate);
        Assert.Contains(npv.ToString("N0", CultureInfo.InvariantCulture) + " EUR", text, StringComparison.Ordinal);
        Assert.Contains("Agreed: Stop parking tickets in Wait.", text, StringComparison.Ordinal);
        Assert.Contains("Late replies find their ticket closed", text, StringComparison.Ordinal);
        using var document = PdfDocument.Open(file.Content);
        Assert.All(document.GetPage(1).Letters.Select(l => l.FontName).Distinct(), f => Assert.Contains("DejaVuSans", f, StringComparison.Ordinal));
    }

    [Fact]
    public void Html_EveryPack_SelfContainedPrintableAndByteIdentical()
    {
        foreach (var audience in Audiences)
        {
            var a = Build(audience, "html");
            var b = Build(audience, "html");
            Assert.Equal(a.Content, b.Content);
            string html = Encoding.UTF8.GetString(a.Content);
            Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
            Assert.Contains("@media print", html, StringComparison.Ordinal);
            // Nothing is fetched: no attribute or style points anywhere but inside the page.
            Assert.Empty(ExternalReference().Matches(html));
            Assert.Equal("text/html; charset=utf-8", a.MediaType);
        }
    }

    [Fact]
    public void Pdf_SameReviewTwice_SameText()
    {
        foreach (var audience in new[] { "senior-managers", "team-leaders" })
        {
            Assert.Equal(PdfText(Build(audience, "pdf").Content, out _), PdfText(Build(audience, "pdf").Content, out _));
        }
    }

    [Fact]
    public void Analysts_Xlsx_OneSheetPerTable_TypedCells_FrozenHeaders_Provenance()
    {
        var file = Build("analysts", "xlsx");
        Assert.Equal("help-desk-tickets-analysts.xlsx", file.FileName);
        ReportOutputs.Save(file.FileName, file.Content);
        using var xlsx = SpreadsheetDocument.Open(new MemoryStream(file.Content), false);
        var book = xlsx.WorkbookPart!;
        var sheets = book.Workbook.Sheets!.Elements<Sheet>().ToList();
        string[] names = [.. sheets.Select(s => s.Name!.Value!)];
        Assert.Equal("Provenance", names[0]);
        Assert.True(names.Length >= 15, string.Join(", ", names));
        var provenance = Cells(book, sheets[0]).SelectMany(r => r).ToList();
        Assert.Contains(provenance, c => c.Contains(SharedData.Sha256(HelpdeskReview.Log), StringComparison.OrdinalIgnoreCase));

        var cost = sheets.Single(s => s.Name!.Value!.StartsWith("Cost-benefit", StringComparison.Ordinal) && !s.Name.Value.Contains("recommended", StringComparison.Ordinal));
        var part = (WorksheetPart)book.GetPartById(cost.Id!);
        var rows = part.Worksheet.Descendants<Row>().ToList();
        var header = Texts(book, rows[0]);
        int npvColumn = header.IndexOf("NPV (EUR)");
        Assert.True(npvColumn >= 0, string.Join(" | ", header));
        var row = rows.Skip(1).Single(r => Texts(book, r)[0] == "No waiting step");
        // Empty cells are not written, so the NPV cell is found by its column letter.
        var npvCell = row.Elements<Cell>().Single(c => c.CellReference!.Value!.TrimEnd("0123456789".ToCharArray()) == ((char)('A' + npvColumn)).ToString());
        Assert.Equal(CellValues.Number, npvCell.DataType!.Value);
        double npv = double.Parse(npvCell.CellValue!.Text, CultureInfo.InvariantCulture);
        Assert.Equal(Reference.Npv((double)ReportedReview.OneOff, (double)ReportedReview.Savings, 5, (double)ReportedReview.Rate), npv, 2);
        Assert.Equal(PaneStateValues.Frozen, part.Worksheet.Descendants<Pane>().Single().State!.Value);

        // Durations are numbers in the unit their header names.
        var steps = sheets.Single(s => s.Name!.Value!.StartsWith("Step scorecard", StringComparison.Ordinal));
        var stepRows = ((WorksheetPart)book.GetPartById(steps.Id!)).Worksheet.Descendants<Row>().ToList();
        var stepHeader = Texts(book, stepRows[0]);
        Assert.Contains(stepHeader, h => Regex.IsMatch(h, @"^Waiting before, median \((hours|days)\)$"));
    }

    [Fact]
    public void Pptx_OneMessagePerSlide_ChartAsPicture_NumbersInTheNotes()
    {
        var file = Build("senior-managers", "pptx");
        ReportOutputs.Save(file.FileName, file.Content);
        var document = R.Bench.Reports.Document(R.Lead, R.Id, new ReportRequest { Audience = "senior-managers" });
        using var deck = PresentationDocument.Open(new MemoryStream(file.Content), false);
        var slides = deck.PresentationPart!.SlideParts.ToList();
        Assert.True(slides.Count >= document.Sections.Count + 1);
        string SlideText(SlidePart s) => string.Join(" ", s.Slide.Descendants<A.Text>().Select(t => t.Text));
        string Notes(SlidePart s) => string.Join(" ", s.NotesSlidePart?.NotesSlide.Descendants<A.Text>().Select(t => t.Text) ?? []);
        foreach (var section in document.Sections)
        {
            Assert.Contains(slides, s => SlideText(s).Contains(section.Message!, StringComparison.Ordinal));
        }

        var chart = Assert.Single(slides, s => s.Slide.Descendants<P.Picture>().Any());
        Assert.Contains("Change in throughput time, median", Notes(chart), StringComparison.Ordinal);
        var (cases, _) = Reference.Scope();
        Assert.Contains(slides, s => Notes(s).Contains(cases.ToString("N0", CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public void PersonalData_RedactedByDefault_IncludedOnlyByAnOwner_AndRecorded()
    {
        foreach (var format in new[] { "html", "pdf", "pptx" })
        {
            var file = Build("front-line-staff", format);
            string text = format switch
            {
                "pdf" => PdfText(file.Content, out _),
                "html" => Encoding.UTF8.GetString(file.Content),
                _ => string.Join(" ", PresentationDocument.Open(new MemoryStream(file.Content), false).PresentationPart!.SlideParts.SelectMany(s => s.Slide.Descendants<A.Text>()).Select(t => t.Text)),
            };
            Assert.DoesNotContain(ReportedReview.Email, text, StringComparison.Ordinal);
            Assert.DoesNotContain(ReportedReview.Phone, text, StringComparison.Ordinal);
            Assert.DoesNotContain("chases the customer, Sam Sponsor", text, StringComparison.Ordinal);
            Assert.Contains("Nobody chases the customer, [name] knows", text, StringComparison.Ordinal);
        }

        // Free text of every kind (questions, rationales, risks), in every audience's report and the analysts' workbook.
        foreach (var audience in Audiences)
        {
            string html = Encoding.UTF8.GetString(Build(audience, "html").Content);
            Assert.DoesNotContain(ReportedReview.OtherEmail, html, StringComparison.Ordinal);
            Assert.DoesNotContain(ReportedReview.Email, html, StringComparison.Ordinal);
        }

        using (var book = SpreadsheetDocument.Open(new MemoryStream(Build("analysts", "xlsx").Content), false))
        {
            string cells = string.Join(" ", book.WorkbookPart!.SharedStringTablePart?.SharedStringTable.InnerText ?? "", string.Join(" ", book.WorkbookPart.WorksheetParts.Select(w => w.Worksheet.InnerText)));
            Assert.DoesNotContain(ReportedReview.OtherEmail, cells, StringComparison.Ordinal);
            Assert.Contains("Why do tickets sit in Wait for days? Replies go to [email].", cells, StringComparison.Ordinal);
        }

        var r = ReportedReview.Fresh().R;
        int before = r.Bench.Reviews.HistoryLines(r.Lead, r.Id).Count;
        var plain = r.Bench.Reports.Build(r.Lead, r.Id, new ReportRequest { Audience = "front-line-staff", Format = "html" });
        Assert.Equal(before, r.Bench.Reviews.HistoryLines(r.Lead, r.Id).Count);
        var refused = Assert.Throws<StepwiseException>(() => r.Bench.Reports.Build(r.Tia, r.Id, new ReportRequest { Audience = "front-line-staff", Format = "html", IncludePersonalData = true }));
        Assert.Equal(ProblemKind.Forbidden, refused.Kind);
        Assert.Equal(before, r.Bench.Reviews.HistoryLines(r.Lead, r.Id).Count);

        var included = r.Bench.Reports.Build(r.Lead, r.Id, new ReportRequest { Audience = "front-line-staff", Format = "html", IncludePersonalData = true });
        Assert.Contains(ReportedReview.Email, Encoding.UTF8.GetString(included.Content), StringComparison.Ordinal);
        var entry = r.Bench.Workspace.History(r.Id).Last();
        Assert.Equal(HistoryAction.Reported, entry.Action);
        Assert.Equal("Lena Lead", entry.By);
        Assert.Contains("front-line-staff report (html)", entry.Summary, StringComparison.Ordinal);
        Assert.Contains(included.FileName, entry.Summary, StringComparison.Ordinal);

        // A report made with personal data is not a change: the next report has the same date and bytes.
        Assert.Equal(plain.Content, r.Bench.Reports.Build(r.Lead, r.Id, new ReportRequest { Audience = "front-line-staff", Format = "html" }).Content);
    }

    [Fact]
    public void TeamLeaders_ForOneTeam_ItsQuestionsTasksAndScorecard()
    {
        var file = Build("team-leaders", "pdf", team: "Tia Teamlead");
        ReportOutputs.Save(file.FileName, file.Content);
        Assert.Equal("help-desk-tickets-team-leaders-tia-teamlead.pdf", file.FileName);
        string text = PdfText(file.Content, out int pages);
        Assert.Contains("Why do tickets sit in Wait for days?", text, StringComparison.Ordinal);
        Assert.Contains("reminder", text, StringComparison.Ordinal);
        Assert.Contains("Waiting before each step", text, StringComparison.Ordinal);
        Assert.Contains("Median resolution time: baseline and measurements", text, StringComparison.Ordinal);
        Assert.Contains($"Page {pages} of {pages}", text, StringComparison.Ordinal);
        var wrong = Assert.Throws<StepwiseException>(() => Build("team-leaders", "pdf", team: "Night shift"));
        Assert.Equal("team", wrong.Errors[0].Field);
        Assert.Contains("Tia Teamlead", wrong.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Partners_HandoversEqualThoseCountedFromTheFile()
    {
        var file = Build("partners", "xlsx");
        ReportOutputs.Save(file.FileName, file.Content);
        var expected = Reference.Handovers("workgroup");
        using var xlsx = SpreadsheetDocument.Open(new MemoryStream(file.Content), false);
        var book = xlsx.WorkbookPart!;
        var sheet = book.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name!.Value!.StartsWith("Hand-overs", StringComparison.Ordinal));
        var rows = Cells(book, sheet);
        Assert.Equal(["From", "To", "Hand-overs", "Cases"], rows[0].Take(4));
        Assert.True(rows.Count > 2);
        foreach (var row in rows.Skip(1))
        {
            Assert.Equal(expected[(row[0], row[1])], int.Parse(row[2], CultureInfo.InvariantCulture));
        }

        var top = expected.OrderByDescending(kv => kv.Value).First();
        Assert.Equal((top.Key.From, top.Key.To), (rows[1][0], rows[1][1]));
    }

    [Fact]
    public void EvidenceMap_CoversEveryCriterionOfTheUnits_WithVersionsAndSignOffs()
    {
        string criteria = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "..", "shared", "criteria.md"));
        var units = criteria.Split("## Unit ", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var fileCriteria = units.Select(u => u.StartsWith("32", StringComparison.Ordinal)
            ? ("Unit 32", Numbers(u))
            : ("Unit B14", Numbers(u))).ToDictionary(x => x.Item1, x => x.Item2);
        Assert.Equal(fileCriteria["Unit 32"], AssessmentCriterion.Unit32.Select(c => c.Number));
        Assert.Equal(fileCriteria["Unit B14"], AssessmentCriterion.UnitB14.Select(c => c.Number));

        var map = R.Bench.Reports.Evidence(R.Lead, R.Id).ToDictionary(l => l.Criterion.Number);
        Assert.Equal(EvidenceStatus.Evidenced, map["1.2"].Status);
        Assert.Contains("the scope v1", map["1.2"].Artefacts);
        Assert.Contains(map["1.2"].SignOffs, s => s.StartsWith("approved by Sam Sponsor", StringComparison.Ordinal));
        Assert.Equal(EvidenceStatus.Evidenced, map["3.2"].Status);
        Assert.Equal(EvidenceStatus.Partial, map["3.3"].Status);
        Assert.Contains("still needs the approval of Sam Sponsor", map["3.3"].Missing, StringComparison.Ordinal);
        Assert.Equal(EvidenceStatus.Partial, map["3.4"].Status);
        Assert.Contains("1 of 2 tasks done", map["3.4"].Artefacts[0], StringComparison.Ordinal);
        Assert.Equal(EvidenceStatus.None, map["1.4"].Status);
        Assert.Equal(EvidenceStatus.None, map["4.1-4.7"].Status);
        string text = PdfText(Build("evidence-map", "pdf").Content, out _);
        Assert.Contains("no communication of the aims or scope is logged", text, StringComparison.Ordinal);

        static List<string> Numbers(string unit) => [.. Regex.Matches(unit, @"^\| ([0-9.\-]+) \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value)];
    }

    [Fact]
    public void Request_BadAudienceOrFormat_NamedInTheUsersTerms()
    {
        var bad = Assert.Throws<StepwiseException>(() => Build("board", "docx"));
        Assert.Equal(["audience", "format"], bad.Errors.Select(e => e.Field));
        Assert.Contains("senior-managers", bad.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("pdf", bad.Errors[1].Message, StringComparison.Ordinal);
        Assert.Equal("partner", Assert.Throws<StepwiseException>(() => Build("senior-managers", "pdf", partner: "x")).Errors[0].Field);
        Assert.Equal(ReportFormat.Xlsx, new ReportRequest { Audience = "analysts" }.ParsedFormat);
        Assert.Equal(ReportAudience.FrontLineStaff, new ReportRequest { Audience = "front-line" }.ParsedAudience);
    }

    [GeneratedRegex("""(?:src|href|action|poster|data)\s*=\s*["'](?!#)[^"']+|url\(\s*['"]?(?!#)[^)'"]+|@import""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    private static List<List<string>> Cells(WorkbookPart book, Sheet sheet)
        => [.. ((WorksheetPart)book.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().Select(r => Texts(book, r))];

    private static List<string> Texts(WorkbookPart book, Row row)
        => [.. row.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.DataType?.Value == CellValues.SharedString
            ? book.SharedStringTablePart!.SharedStringTable.ElementAt(int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)).InnerText
            : c.CellValue?.Text ?? string.Empty)];
}
