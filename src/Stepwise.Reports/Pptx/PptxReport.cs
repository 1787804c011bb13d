using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Stepwise.Charts;
using Stepwise.Reports.Pdf;
using Stepwise.Reports.Privacy;
using Stepwise.Rendering.Svg;
using static Stepwise.Reports.Pptx.PptxXml;

namespace Stepwise.Reports.Pptx;

/// <summary>
/// Writes a document as a 16:9 briefing deck: a title slide, then one message per slide (the section's message as the
/// headline, each chart on its own slide as a picture drawn for a slide, a picture made for a slide (a process map or a
/// part of one) on the whole of a slide of its own, key figures as cards, text as bullets, each
/// table as a slide table sized to the slide and continued over as many slides as its rows need), and the numbers
/// behind every slide in its speaker notes (key figures with intervals, each chart's data, each table's rows).
/// Pictures carry the chart's description for screen readers.
/// </summary>
public static class PptxReport
{
    private const string TextColor = "1F2933";
    private const string MutedColor = "52606D";
    private const string AccentColor = "0072B2";
    private const int MaxNoteRows = 60;

    /// <summary>Tables with more rows than this show their first rows on slides and name the workbook for the rest.</summary>
    public const int MaxSlideRows = 60;

    /// <summary>The most slides a table takes (per group of columns): a deck for a meeting shows a table's top rows, in
    /// the table's own order, and names the workbook's sheet for the rest.</summary>
    public const int MaxTableSlides = 2;

    /// <summary>Where a slide's body starts, under the headline (EMU).</summary>
    private const long BodyTop = Emu * 16 / 10;

    /// <summary>Where a table starts, under its caption line (EMU).</summary>
    private const long TableTop = Emu * 19 / 10;

    /// <summary>The space left empty at the foot of a slide (EMU).</summary>
    private const long Foot = Emu * 35 / 100;

    /// <summary>The size of the text on a text slide, in points.</summary>
    private const int TextSize = 18;

    /// <summary>The deck of <paramref name="document"/> (personal data redacted unless it opts in).</summary>
    public static byte[] Render(ReportDocument document)
    {
        var doc = ReportRedaction.Apply(document);
        var slides = Plan(doc);
        using var stream = new MemoryStream();
        using (var package = PresentationDocument.Create(stream, PresentationDocumentType.Presentation))
        {
            var presentation = package.AddPresentationPart();
            var master = presentation.AddNewPart<SlideMasterPart>();
            var layout = master.AddNewPart<SlideLayoutPart>();
            layout.AddPart(master);
            var theme = master.AddNewPart<ThemePart>();
            Feed(theme, Theme());
            presentation.AddPart(theme);
            Feed(layout, BlankLayout());
            Feed(master, SlideMaster(master.GetIdOfPart(layout)));
            var notesMaster = presentation.AddNewPart<NotesMasterPart>();
            Feed(notesMaster.AddNewPart<ThemePart>(), Theme());
            Feed(notesMaster, NotesMaster());
            var ids = new List<string>();
            foreach (var slide in slides)
            {
                var part = presentation.AddNewPart<SlidePart>();
                part.AddPart(layout);
                var shapes = new StringBuilder();
                int shapeId = 2;
                if (!slide.Whole)
                {
                    shapes.Append(TextBox(shapeId++, "Headline", Emu / 2, Emu * 35 / 100, SlideWidth - Emu, Emu * 11 / 10,
                        [(slide.Headline, HeadlineSize(slide.Headline, slide.IsTitle), true, TextColor, false)], slide.IsTitle ? "b" : "t"));
                }

                slide.Body(part, shapes, ref shapeId);
                Feed(part, Slide(shapes.ToString()));
                var notes = part.AddNewPart<NotesSlidePart>();
                notes.AddPart(notesMaster);
                notes.AddPart(part);
                Feed(notes, Notes(slide.Notes));
                ids.Add(presentation.GetIdOfPart(part));
            }

            Feed(presentation, Presentation(presentation.GetIdOfPart(master), presentation.GetIdOfPart(notesMaster), ids));
            package.PackageProperties.Title = doc.Title;
            package.PackageProperties.Creator = "Stepwise";
        }

        return stream.ToArray();
    }

    private static List<PlannedSlide> Plan(ReportDocument doc)
    {
        var slides = new List<PlannedSlide>();
        // The workbook's sheet of each table, to name where the rows a slide leaves out are.
        var documentTables = doc.Tables().Select(t => t.Table).ToList();
        var sheetNames = Xlsx.XlsxReport.SheetNames(documentTables);
        var sheets = new Dictionary<ReportTable, string>(ReferenceEqualityComparer.Instance);
        for (int t = 0; t < documentTables.Count; t++)
        {
            sheets[documentTables[t]] = sheetNames[t];
        }

        var titleLines = new List<(string, int, bool, string, bool)>();
        if (!string.IsNullOrWhiteSpace(doc.Subtitle))
        {
            titleLines.Add((doc.Subtitle, 20, false, MutedColor, false));
        }

        titleLines.Add(($"For {doc.Audience} \u00B7 {doc.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}", 16, false, TextColor, false));
        if (!string.IsNullOrWhiteSpace(doc.Author))
        {
            titleLines.Add(($"Prepared by {doc.Author}", 14, false, MutedColor, false));
        }

        titleLines.Add((doc.IncludePersonalData ? "Includes personal data at the author's request." : "Personal data in comments and quotes has been removed.", 12, false, MutedColor, false));
        if (doc.Sources.Count > 0 && doc.SourcesInOneLine)
        {
            titleLines.Add((doc.SourcesLine(), 12, false, MutedColor, false));
        }

        var titleNotes = new List<string> { doc.Title };
        titleNotes.AddRange(doc.Sections.Select((s, i) => $"{i + 1}. {s.Heading}"));
        if (doc.Sources.Count > 0 && doc.SourcesInOneLine)
        {
            titleNotes.AddRange(SourceNotes(doc));
        }

        slides.Add(new PlannedSlide(doc.Title, true, Text(titleLines, Emu * 16 / 10), titleNotes));
        foreach (var section in doc.Sections)
        {
            string headline = string.IsNullOrWhiteSpace(section.Message) ? section.Heading : section.Message;
            var notes = SectionNotes(section);
            var charts = section.Blocks.OfType<ChartBlock>().ToList();
            var figures = section.Blocks.OfType<KeyFigures>().SelectMany(k => k.Figures).ToList();
            var text = TextLines(section);
            bool first = true;
            if (figures.Count > 0)
            {
                slides.Add(new PlannedSlide(headline, false, Cards(figures), notes));
                first = false;
            }

            foreach (var chart in charts)
            {
                var figure = chart.Chart.Render(ChartSize.Slide);
                var chartNotes = new List<string> { figure.Title, figure.Description };
                chartNotes.AddRange(TableNotes(ReportTable.FromChart(figure.Table)));
                slides.Add(new PlannedSlide(first ? headline : figure.Title, false, Chart(figure), first ? [.. notes, .. chartNotes] : chartNotes));
                first = false;
            }

            foreach (var picture in section.Blocks.OfType<PictureBlock>().SelectMany(p => p.SlideParts.Count > 0 ? p.SlideParts : [p]))
            {
                // A picture made for a slide (a process map, or a part of one) fills a slide of its own.
                var pictureNotes = new List<string> { picture.Title, picture.Description };
                slides.Add(new PlannedSlide(first ? headline : picture.Title, false, Picture(picture), first ? [.. notes, .. pictureNotes] : pictureNotes) { Whole = true });
                first = false;
            }

            var tables = section.Blocks.OfType<TableBlock>().Select(t => t.Table).ToList();
            if (first && (text.Count > 0 || tables.Count == 0))
            {
                // A section of text: its paragraphs as bullets, continued on further slides when they do not fit one.
                var pages = TextPages(text);
                for (int p = 0; p < pages.Count; p++)
                {
                    slides.Add(new PlannedSlide(p == 0 ? headline : $"{headline} (continued)", false, Text(pages[p], BodyTop), p == 0 ? notes : [section.Heading + " (continued)"]));
                }

                first = false;
            }

            foreach (var table in tables)
            {
                // Every table on slides of its own, its rows continued with the header row repeated.
                slides.AddRange(TableSlides(table, first ? headline : table.Caption, first ? notes : [table.Caption], sheets.GetValueOrDefault(table)));
                first = false;
            }
        }

        if (doc.Sources.Count > 0 && !doc.SourcesInOneLine)
        {
            var sources = new ReportTable("Data sources", [TableColumn.Text("Source"), TableColumn.Text("What it holds"), TableColumn.Text("Imported")],
                [.. doc.Sources.Select(s => (IReadOnlyList<TableCell>)[s.Name, s.Description, s.Imported ?? string.Empty])]);
            slides.AddRange(TableSlides(sources, "Where the numbers come from", SourceNotes(doc), null));
        }

        return slides;
    }

    /// <summary>Each data source with its hash and import, for the speaker notes.</summary>
    private static List<string> SourceNotes(ReportDocument doc)
        => [.. doc.Sources.Select(s => $"{s.Name}: {s.Description}" + (s.Sha256 is null ? string.Empty : $" (SHA-256 {s.Sha256})") + (s.Imported is null ? string.Empty : $", imported {s.Imported}"))];

    /// <summary>The largest headline size (36 points on the title slide, 26 on the others, down to 18) at which the
    /// headline's wrapped lines fit its box.</summary>
    private static int HeadlineSize(string headline, bool title)
    {
        long width = SlideWidth - Emu, height = Emu * 11 / 10;
        int[] sizes = title ? [36, 32, 28, 24, 20, 18] : [26, 24, 22, 20, 18];
        foreach (int size in sizes)
        {
            int lines = PptxTable.Lines(headline, size, width - (2 * 91440) + (2 * PptxTable.MarginX), bold: true, unbroken: false).Count;
            if (PptxTable.RowHeight(lines, size) - (2 * PptxTable.MarginY) + (2 * 45720) <= height)
            {
                return size;
            }
        }

        return sizes[^1];
    }

    /// <summary>The slides of a table: per group of columns, as many rows per slide as fit, the header row on each, on
    /// at most <see cref="MaxTableSlides"/> slides; the first titled <paramref name="headline"/>, the others the same with
    /// "(continued)". The rows left out are counted and the workbook's <paramref name="sheet"/> named on every slide.</summary>
    private static IEnumerable<PlannedSlide> TableSlides(ReportTable whole, string headline, IReadOnlyList<string> notes, string? sheet)
    {
        var measured = whole.Rows.Count > MaxSlideRows ? new ReportTable(whole.Caption, whole.Columns, [.. whole.Rows.Take(MaxSlideRows)]) : whole;
        var layout = PptxTable.Of(measured, SlideWidth - Emu);
        const int captionSize = 12;
        long captionTop = BodyTop - (Emu / 10), captionWidth = SlideWidth - Emu;
        string where = sheet is null ? "the workbook (XLSX) of this report" : $"the workbook (sheet '{sheet}')";

        // The caption's box holds its longest form (with the rows it shows and the workbook named); the table starts under it.
        bool cut = false;
        long CaptionHeight(string named)
        {
            string most = whole.Rows.Count.ToString("N0", CultureInfo.InvariantCulture);
            string longest = named + $" \u00B7 rows {most}\u2013{most} of {most}" + (cut ? $" \u00B7 top {most} on slides; {most} more rows in {where}" : string.Empty);
            int captionLines = PptxTable.Lines(longest, captionSize, captionWidth - (2 * 91440) + (2 * PptxTable.MarginX), bold: false, unbroken: false).Count;
            return Math.Max(TableTop - captionTop, PptxTable.RowHeight(captionLines, captionSize) - (2 * PptxTable.MarginY) + (2 * 45720));
        }

        string Named(int g)
        {
            string named = whole.Caption;
            if (layout.Groups.Count > 1)
            {
                var columns = layout.Groups[g];
                named += $" \u00B7 columns {whole.Columns[columns[Math.Min(1, columns.Length - 1)]].Header} to {whole.Columns[columns[^1]].Header} (part {g + 1} of {layout.Groups.Count})";
            }

            return named;
        }

        // The rows on slides: those the first slides of every group hold (the same rows in each group); counted again
        // with the longer caption of a table whose rows do not all fit.
        var pagesOf = new List<List<(int Start, int Count)>>();
        int shown = 0;
        for (int pass = 0; pass < 2 && (pass == 0 || shown < whole.Rows.Count); pass++)
        {
            cut = pass == 1;
            pagesOf.Clear();
            shown = measured.Rows.Count;
            for (int g = 0; g < layout.Groups.Count; g++)
            {
                var pages = layout.Pages(measured, g, SlideHeight - captionTop - CaptionHeight(Named(g)) - Foot);
                pagesOf.Add(pages);
                shown = Math.Min(shown, pages.Take(MaxTableSlides).Sum(p => p.Count));
            }
        }

        int more = whole.Rows.Count - shown;
        bool first = true;
        for (int g = 0; g < layout.Groups.Count; g++)
        {
            string named = Named(g);
            long captionHeight = CaptionHeight(named);
            long tableTop = captionTop + captionHeight;
            foreach (var (start, count) in pagesOf[g].Where(p => p.Start == 0 || p.Start < shown).Select(p => (p.Start, Math.Min(p.Count, shown - p.Start))))
            {
                string caption = named;
                if (whole.Rows.Count > count)
                {
                    caption += $" \u00B7 rows {(start + 1).ToString("N0", CultureInfo.InvariantCulture)}\u2013{(start + count).ToString("N0", CultureInfo.InvariantCulture)} of {whole.Rows.Count.ToString("N0", CultureInfo.InvariantCulture)}";
                }

                if (more > 0)
                {
                    caption += (shown > count ? $" \u00B7 top {shown.ToString("N0", CultureInfo.InvariantCulture)} on slides" : string.Empty)
                        + $"; {more.ToString("N0", CultureInfo.InvariantCulture)} more rows in {where}";
                }

                var rows = measured.Rows.Skip(start).Take(count).ToList();
                int group = g;
                SlideBody body = (SlidePart _, StringBuilder shapes, ref int id) =>
                {
                    shapes.Append(TextBox(id++, "Caption", Emu / 2, captionTop, captionWidth, captionHeight, [(caption, captionSize, false, MutedColor, false)]));
                    shapes.Append(layout.Frame(id++, measured, group, rows, Emu / 2, tableTop));
                };
                yield return new PlannedSlide(first ? headline : $"{headline} (continued)", false, body, first ? notes : [$"{whole.Caption} (continued)"]);
                first = false;
            }
        }
    }

    /// <summary>Text as bullets split over slides: as many paragraphs per slide as fit the body, by their wrapped lines.</summary>
    private static List<List<(string Text, int Size, bool Bold, string Color, bool Bullet)>> TextPages(IReadOnlyList<string> text)
    {
        long room = SlideHeight - BodyTop - (Emu / 2) - (2 * 45720);
        long width = SlideWidth - Emu - (2 * 91440) - 285750;
        var pages = new List<List<(string, int, bool, string, bool)>> { new() };
        long used = 0;
        foreach (var paragraph in text)
        {
            long height = PptxTable.RowHeight(PptxTable.Lines(paragraph, TextSize, width + (2 * PptxTable.MarginX), bold: false, unbroken: false).Count, TextSize) - (2 * PptxTable.MarginY);
            if (pages[^1].Count > 0 && used + height > room)
            {
                pages.Add([]);
                used = 0;
            }

            pages[^1].Add((paragraph, TextSize, false, TextColor, true));
            used += height;
        }

        return pages;
    }

    private static List<string> TextLines(ReportSection section)
    {
        var lines = new List<string>();
        foreach (var block in section.Blocks)
        {
            switch (block)
            {
                case Paragraph p:
                    lines.Add(p.Text);
                    break;
                case BulletList l:
                    lines.AddRange(l.Items);
                    break;
                case Quote q:
                    lines.Add($"\u201C{q.Text}\u201D" + (q.Attribution is null ? string.Empty : $" \u2014 {q.Attribution}"));
                    break;
            }
        }

        return lines;
    }

    private static List<string> SectionNotes(ReportSection section)
    {
        var notes = new List<string> { section.Heading };
        foreach (var block in section.Blocks)
        {
            switch (block)
            {
                case Paragraph p:
                    notes.Add(p.Text);
                    break;
                case BulletList l:
                    notes.AddRange(l.Items.Select(i => "\u2022 " + i));
                    break;
                case KeyFigures k:
                    notes.AddRange(k.Figures.Select(f => $"{f.Label}: {f.Text}" + (f.IntervalText is { } i ? $" (95% interval {i})" : string.Empty) + (f.Note is null ? string.Empty : $"; {f.Note}")));
                    break;
                case TableBlock t:
                    notes.AddRange(TableNotes(t.Table));
                    break;
                case Quote q:
                    notes.Add($"\u201C{q.Text}\u201D" + (q.Attribution is null ? string.Empty : $" \u2014 {q.Attribution}"));
                    break;
                case Note n:
                    notes.Add("Note: " + n.Text);
                    break;
            }
        }

        return notes;
    }

    private static IEnumerable<string> TableNotes(ReportTable table)
    {
        yield return table.Caption + ":";
        foreach (var row in table.Rows.Take(MaxNoteRows))
        {
            yield return string.Join("; ", table.Columns.Select((c, i) => ColumnText.IsUnbroken(c) ? $"{c.Header} {c.Format(row[i])}" : c.Format(row[i])));
        }

        if (table.Rows.Count > MaxNoteRows)
        {
            yield return $"\u2026 and {(table.Rows.Count - MaxNoteRows).ToString("N0", CultureInfo.InvariantCulture)} more rows (see the workbook).";
        }
    }

    private static SlideBody Text(List<(string Text, int Size, bool Bold, string Color, bool Bullet)> lines, long top) =>
        (SlidePart _, StringBuilder shapes, ref int id) =>
            shapes.Append(TextBox(id++, "Text", Emu / 2, top, SlideWidth - Emu, SlideHeight - top - (Emu / 2), lines));

    private static SlideBody Cards(IReadOnlyList<KeyFigure> figures) =>
        (SlidePart _, StringBuilder shapes, ref int id) =>
        {
            int perRow = figures.Count <= 3 ? figures.Count : figures.Count == 4 ? 2 : 3;
            int rows = (figures.Count + perRow - 1) / perRow;
            long gap = Emu / 4;
            long width = (SlideWidth - Emu - ((perRow - 1) * gap)) / perRow;
            long top = Emu * 17 / 10;
            long height = Math.Min(Emu * 2, (SlideHeight - top - (Emu / 2) - ((rows - 1) * gap)) / rows);
            for (int i = 0; i < figures.Count; i++)
            {
                var f = figures[i];
                long x = (Emu / 2) + ((i % perRow) * (width + gap));
                long y = top + ((i / perRow) * (height + gap));
                shapes.Append(Rectangle(id++, x, y, Emu / 16, height, AccentColor));
                var lines = new List<(string, int, bool, string, bool)> { (f.Text, 32, true, TextColor, false), (f.Label, 16, false, TextColor, false) };
                if (f.IntervalText is { } interval)
                {
                    lines.Add(("95% interval " + interval, 12, false, MutedColor, false));
                }

                if (!string.IsNullOrWhiteSpace(f.Note))
                {
                    lines.Add((f.Note, 12, false, MutedColor, false));
                }

                shapes.Append(TextBox(id++, "Key figure", x + (Emu / 8), y, width - (Emu / 8), height, lines));
            }
        };

    private static SlideBody Chart(Figure figure) => Picture(figure.Svg, figure.Width, figure.Height, figure.Description, 2);

    /// <summary>A picture made for a slide, on the whole slide (it carries its own title and caption, and its text is
    /// sized for the slide's full size), drawn at about 1,920 pixels across.</summary>
    private static SlideBody Picture(PictureBlock picture)
    {
        using var parsed = SvgPicture.Parse(picture.Svg);
        return Picture(picture.Svg, parsed.Width, parsed.Height, picture.Description, Math.Clamp(1920 / Math.Max(1, parsed.Width), 0.5, 4), whole: true);
    }

    private static SlideBody Picture(string svg, double pictureWidth, double pictureHeight, string description, double rasterScale, bool whole = false) =>
        (SlidePart part, StringBuilder shapes, ref int id) =>
        {
            byte[] png = SvgRaster.ToPng(svg, new RasterOptions { Scale = rasterScale });
            var image = part.AddImagePart(ImagePartType.Png);
            using (var data = new MemoryStream(png))
            {
                image.FeedData(data);
            }

            long top = whole ? 0 : Emu * 3 / 2;
            long maxWidth = whole ? SlideWidth : SlideWidth - Emu, maxHeight = SlideHeight - top - (whole ? 0 : Emu * 3 / 10);
            double scale = Math.Min(maxWidth / pictureWidth, maxHeight / pictureHeight);
            long width = (long)(pictureWidth * scale), height = (long)(pictureHeight * scale);
            shapes.Append(PptxXml.Picture(id++, description, part.GetIdOfPart(image), (SlideWidth - width) / 2, top + ((maxHeight - height) / 2 * (whole ? 1 : 0)), width, height));
        };

    private static void Feed(OpenXmlPart part, string xml)
    {
        using var data = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        part.FeedData(data);
    }

    private delegate void SlideBody(SlidePart part, StringBuilder shapes, ref int shapeId);

    private sealed record PlannedSlide(string Headline, bool IsTitle, SlideBody Body, IReadOnlyList<string> Notes)
    {
        /// <summary>Whether the body takes the whole slide, with no headline (a picture made for a slide, with its own title).</summary>
        public bool Whole { get; init; }
    }
}
