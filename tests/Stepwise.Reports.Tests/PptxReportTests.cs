using DocumentFormat.OpenXml.Packaging;
using Stepwise.Reports.Pptx;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Stepwise.Reports.Tests;

public sealed class PptxReportTests
{
    private static readonly Lazy<byte[]> Deck = new(() => PptxReport.Render(SampleReport.Build()));

    [Fact]
    public void Render_OneMessagePerSlide_ChartsAsPictures_NumbersInTheNotes()
    {
        Outputs.Save("sample.pptx", Deck.Value);
        using var package = PresentationDocument.Open(new MemoryStream(Deck.Value), false);
        var presentation = package.PresentationPart!;
        var slideIds = presentation.Presentation.SlideIdList!.Elements<P.SlideId>().ToList();
        var doc = SampleReport.Build();
        int charts = doc.Sections.Sum(s => s.Blocks.OfType<ChartBlock>().Count());
        // Title; per section a key-figure slide when it has key figures, a slide per chart, a text slide when it has
        // neither and has text (or nothing else), a slide per table (each of the sample's fits one); the sources slide.
        int expected = 1 + doc.Sections.Sum(s =>
        {
            int k = s.Blocks.OfType<KeyFigures>().Any() ? 1 : 0;
            int c = s.Blocks.OfType<ChartBlock>().Count();
            int t = s.Blocks.OfType<TableBlock>().Count();
            bool text = s.Blocks.Any(b => b is Paragraph or BulletList or Quote);
            return k + c + (k + c == 0 && (text || t == 0) ? 1 : 0) + t;
        }) + 1;
        Assert.Equal(expected, slideIds.Count);
        var slides = slideIds.Select(id => (SlidePart)presentation.GetPartById(id.RelationshipId!.Value!)).ToList();
        Assert.Equal(charts, slides.Sum(s => s.Slide.Descendants<P.Picture>().Count()));
        Assert.All(slides.SelectMany(s => s.Slide.Descendants<P.Picture>()), p => Assert.False(string.IsNullOrEmpty(p.NonVisualPictureProperties!.NonVisualDrawingProperties!.Description)));
        Assert.All(slides, s => Assert.NotNull(s.NotesSlidePart));
        string Text(SlidePart s) => string.Join(" ", s.Slide.Descendants<A.Text>().Select(t => t.Text));
        string Notes(SlidePart s) => string.Join("\n", s.NotesSlidePart!.NotesSlide.Descendants<A.Text>().Select(t => t.Text));
        Assert.Contains(doc.Title, Text(slides[0]), StringComparison.Ordinal);
        var f = SampleReport.Source;
        var problem = slides[1];
        Assert.Contains(doc.Sections[0].Message!, Text(problem), StringComparison.Ordinal);
        Assert.Contains("4,580", Text(problem), StringComparison.Ordinal);
        Assert.Contains($"Median throughput time: {f.MedianDays:0.0} d", Notes(problem), StringComparison.Ordinal);
        Assert.Contains($"Passengers satisfied: {f.Satisfied.Value * 100:0.0}% (95% interval {f.Satisfied.Lower * 100:0.0}% to {f.Satisfied.Upper * 100:0.0}%)", Notes(problem), StringComparison.Ordinal);
        var pareto = slides.Single(s => Notes(s).Contains("Total waiting time before each step", StringComparison.Ordinal) && s.Slide.Descendants<P.Picture>().Any());
        Assert.Contains(f.Steps.OrderByDescending(s => s.WaitingTime.Mean * s.WaitingTime.Count).First().Name, Notes(pareto), StringComparison.Ordinal);
        Assert.DoesNotContain(SampleReport.Email, string.Join(" ", slides.Select(s => Text(s) + Notes(s))), StringComparison.Ordinal);
        var image = slides.First(s => s.ImageParts.Any()).ImageParts.First();
        Assert.Equal("image/png", image.ContentType);
    }

    [Fact]
    public void Render_PictureMadeForSlides_EachPartOnAWholeSlideOfItsOwn_ThePageFormatsShowTheWholePicture()
    {
        static string Svg(string text) => "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"13.333in\" height=\"7.5in\" viewBox=\"0 0 1280 720\">"
            + $"<rect width=\"1280\" height=\"720\" fill=\"#ffffff\"/><text x=\"40\" y=\"80\" style=\"font-size: 24px\">{text}</text></svg>";
        var picture = new PictureBlock(Svg("whole map"), "The process by team", "A map of the whole process.")
        {
            SlideParts = [new PictureBlock(Svg("first steps"), "The process by team, part 1 of 2", "Part 1 of 2: the first steps."), new PictureBlock(Svg("last steps"), "The process by team, part 2 of 2", "Part 2 of 2: the last steps.")],
        };
        var doc = new ReportDocument
        {
            Title = "Team briefing",
            Audience = "Team leaders",
            Date = new DateOnly(2026, 3, 2),
            Sections = [new ReportSection("The process by team", [picture]) { Message = "Five steps in the lanes of four teams." }],
        };

        using var package = PresentationDocument.Open(new MemoryStream(PptxReport.Render(doc)), false);
        var presentation = package.PresentationPart!;
        var size = presentation.Presentation.SlideSize!;
        var slides = presentation.Presentation.SlideIdList!.Elements<P.SlideId>().Select(id => (SlidePart)presentation.GetPartById(id.RelationshipId!.Value!)).ToList();
        Assert.Equal(3, slides.Count);
        for (int p = 0; p < 2; p++)
        {
            var slide = slides[p + 1];
            var shown = Assert.Single(slide.Slide.Descendants<P.Picture>());
            Assert.Equal(picture.SlideParts[p].Description, shown.NonVisualPictureProperties!.NonVisualDrawingProperties!.Description!.Value);
            // The whole slide: no headline over it, the picture (16:9, as the slide) from edge to edge.
            Assert.Empty(slide.Slide.Descendants<P.Shape>());
            var transform = shown.ShapeProperties!.Transform2D!;
            Assert.Equal(0, transform.Offset!.X!.Value);
            Assert.InRange(transform.Extents!.Cx!.Value, size.Cx!.Value - 1000, size.Cx.Value + 1000);
            Assert.InRange(transform.Extents.Cy!.Value, size.Cy!.Value - 1000, size.Cy.Value + 1000);
            string notes = string.Join("\n", slide.NotesSlidePart!.NotesSlide.Descendants<A.Text>().Select(t => t.Text));
            Assert.Contains(picture.SlideParts[p].Description, notes, StringComparison.Ordinal);
        }

        // The page formats show the whole picture, named by its title, not the parts.
        string html = Html.HtmlReport.Render(doc);
        Assert.Contains("whole map", html, StringComparison.Ordinal);
        Assert.DoesNotContain("first steps", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<?xml", html, StringComparison.Ordinal);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(Pdf.PdfReport.Render(doc));
        string text = string.Join(" ", Enumerable.Range(1, pdf.NumberOfPages).Select(n => PdfReportTests.Text(pdf, n)));
        Assert.Contains("Figure 1. The process by team.", text, StringComparison.Ordinal);
        Assert.Contains("whole map", text, StringComparison.Ordinal);
    }
}
