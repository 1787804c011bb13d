using System.Xml;
using System.Xml.Linq;
using Stepwise.Maps.Mapping;
using Stepwise.Maps.Rendering;

namespace Stepwise.Maps.Tests;

public class StepPaintTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XDocument Parse(string svg)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(svg), settings);
        return XDocument.Load(reader);
    }

    private static XElement Step(XDocument doc, string name)
        => doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-kind") == "step" && (string?)g.Attribute("data-name") == name);

    private static string Fill(XElement step) => (string)step.Element(Svg + "rect")!.Attribute("fill")!;

    // Perceived lightness of #rrggbb (Rec. 709 weights on the raw channels): enough to order pale and dark fills.
    private static double Lightness(string hex)
    {
        int r = Convert.ToInt32(hex[1..3], 16), g = Convert.ToInt32(hex[3..5], 16), b = Convert.ToInt32(hex[5..7], 16);
        return (0.2126 * r) + (0.7152 * g) + (0.0722 * b);
    }

    [Fact]
    public void Render_PaintedByCost_DarkestBoxIsCostliestAndEachBoxWritesItsFigure()
    {
        // Three steps, one without a figure: Log (cheap), Fix (dear), Close (not costed).
        var log = SmallLogs.Of("Log Fix Close", "Log Fix Close", "Log Close");
        var paint = new StepPaint
        {
            Measure = "cost (EUR)",
            Missing = "not costed",
            Steps = new Dictionary<string, PaintedFigure>
            {
                ["Log"] = new(120, "EUR 120"),
                ["Fix"] = new(900, "EUR 900"),
            },
        };

        var doc = Parse(SvgMap.Render(ProcessMap.Build(log, new MapOptions()), new MapStyle { Paint = paint }));

        var cheap = Step(doc, "Log");
        var dear = Step(doc, "Fix");
        var none = Step(doc, "Close");
        Assert.True(Lightness(Fill(dear)) < Lightness(Fill(cheap)), $"{Fill(dear)} should be darker than {Fill(cheap)}");
        Assert.Equal("#f4f6f7", Fill(none));
        Assert.Contains("EUR 900", dear.Elements(Svg + "text").Select(t => t.Value));
        Assert.Contains("not costed", none.Elements(Svg + "text").Select(t => t.Value));
        Assert.Equal("900", (string?)dear.Attribute("data-paint"));
        Assert.Null(none.Attribute("data-paint"));
        var legend = doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend");
        Assert.Contains(legend.Elements(Svg + "text"), t => t.Value == "box colour: cost (EUR), EUR 120 to EUR 900; pale grey: not costed");
    }

    [Fact]
    public void Render_LowerIsWorse_DarkestBoxIsLowestFigure()
    {
        var log = SmallLogs.Of("A B", "A B");
        var paint = new StepPaint
        {
            Measure = "satisfaction gap (points)",
            HigherIsWorse = false,
            Steps = new Dictionary<string, PaintedFigure> { ["A"] = new(-0.8, "-0.80 points"), ["B"] = new(0.1, "+0.10 points") },
        };

        var doc = Parse(SvgMap.Render(ProcessMap.Build(log, new MapOptions()), new MapStyle { Paint = paint }));

        Assert.True(Lightness(Fill(Step(doc, "A"))) < Lightness(Fill(Step(doc, "B"))));
    }
}
