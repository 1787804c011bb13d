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
}
