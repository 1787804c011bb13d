using System.Xml;
using System.Xml.Linq;
using Stepwise.Charts.Drawing;
using Stepwise.Rendering.Svg;

namespace Stepwise.Charts.Tests;

/// <summary>Every kind of chart at every size: labels inside the picture and clear of each other, accessible and
/// deterministic SVG, data tables that match the picture.</summary>
public sealed class ChartLayoutTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, _) in SampleCharts.All())
        {
            foreach (var size in new[] { "A4", "Slide", "Screen", "Narrow" })
            {
                data.Add(name, size);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Render_NoLabelOverlapsAnother_AndAllStayInside(string name, string sizeName)
    {
        AssertClean(Chart(name).Render(Size(sizeName), name), $"{name} at {sizeName}");
    }

    [Theory]
    [InlineData("A4")]
    [InlineData("Screen")]
    [InlineData("Slide")]
    public void Render_WeeksNamedByDate_ThinnedLabelsShowWholeDates(string sizeName)
    {
        var figure = Chart("control-weekly-dates").Render(Size(sizeName), "weeks");
        var dates = figure.Labels.Where(l => l.Text.StartsWith("20", StringComparison.Ordinal) && l.Text.Length > 4).Select(l => l.Text).ToList();
        Assert.True(dates.Count >= 4, $"{dates.Count} period labels at {sizeName}");
        Assert.All(dates, d => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", d));
    }

    /// <summary>Every label inside the picture and clear of every other.</summary>
    internal static void AssertClean(Figure figure, string name)
    {
        var labels = figure.Labels.Where(l => l.Text.Length > 0).ToList();
        Assert.NotEmpty(labels);
        foreach (var label in labels)
        {
            Assert.True(label.X >= -0.01 && label.Right <= figure.Width + 0.01 && label.Y >= -0.01 && label.Bottom <= figure.Height + 0.01,
                $"'{label.Text}' at ({label.X:0.#},{label.Y:0.#})-({label.Right:0.#},{label.Bottom:0.#}) leaves the {figure.Width}x{figure.Height} picture");
        }

        for (int i = 0; i < labels.Count; i++)
        {
            for (int j = i + 1; j < labels.Count; j++)
            {
                Assert.False(labels[i].Overlaps(labels[j]), $"'{labels[i].Text}' overlaps '{labels[j].Text}' in {name}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Render_IsAccessibleWellFormedSvg(string name, string sizeName)
    {
        var figure = Chart(name).Render(Size(sizeName), "fig-" + name);
        var doc = Parse(figure.Svg);
        XNamespace svg = "http://www.w3.org/2000/svg";
        var root = doc.Root!;
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal($"fig-{name}-title fig-{name}-desc", (string?)root.Attribute("aria-labelledby"));
        Assert.Equal(figure.Title, root.Element(svg + "title")!.Value);
        Assert.Equal(figure.Description, root.Element(svg + "desc")!.Value);
        Assert.True(figure.Description.Length > 40);
        Assert.NotEmpty(figure.Table.Rows);
        Assert.All(figure.Table.Rows, r => Assert.Equal(figure.Table.Columns.Count, r.Count));
        Assert.DoesNotContain("E+", figure.Svg, StringComparison.Ordinal);
        Assert.DoesNotContain("E-", figure.Svg, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", figure.Svg, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", figure.Svg, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Render_IsDeterministic(string name, string sizeName)
    {
        Assert.Equal(Chart(name).Render(Size(sizeName)).Svg, Chart(name).Render(Size(sizeName)).Svg);
    }

    [Fact]
    public void Render_UserText_IsEscaped()
    {
        var figure = Chart("bars").Render();
        Assert.DoesNotContain("<script>", figure.Svg, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; friends", figure.Svg, StringComparison.Ordinal);
        var texts = Parse(figure.Svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Contains(texts, t => t.Contains("<script>", StringComparison.Ordinal));
    }

    [Fact]
    public void Trend_OnePeriodWithAnInterval_DrawsItFromLowerToUpper()
    {
        // One analysis so far: its interval is a vertical whisker spanning the lower to the upper bound.
        var chart = new TrendChart
        {
            Title = "Online boarding score",
            Value = Measure.Number("Mean score", "", 2),
            Periods = ["2026-12-01"],
            Series = [new TrendSeries("Online boarding score", [3.35], [3.20], [3.50])],
        };
        var svg = Parse(chart.Render().Svg);
        // The point's marker (the legend's marker sits at the left edge, before the plot).
        double x = svg.Descendants().Where(e => e.Name.LocalName == "circle").Select(e => Number(e, "cx")).Max();
        var lines = svg.Descendants().Where(e => e.Name.LocalName == "line")
            .Select(e => (X1: Number(e, "x1"), Y1: Number(e, "y1"), X2: Number(e, "x2"), Y2: Number(e, "y2"))).ToList();
        var whisker = Assert.Single(lines, l => Math.Abs(l.X1 - x) < 1e-6 && Math.Abs(l.X2 - x) < 1e-6 && Math.Abs(l.Y1 - l.Y2) > 1);
        var caps = lines.Where(l => Math.Abs(l.Y1 - l.Y2) < 1e-6 && Math.Abs(l.X1 - l.X2) is > 0 and < 40 && Math.Abs(l.X1 + l.X2 - (2 * x)) < 1e-6).Select(l => l.Y1).ToList();
        Assert.Equal([Math.Min(whisker.Y1, whisker.Y2), Math.Max(whisker.Y1, whisker.Y2)], caps.Order());

        static double Number(System.Xml.Linq.XElement e, string name) => double.Parse(e.Attribute(name)!.Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Render_AxesAndValuesCarryTheirUnits()
    {
        var texts = Texts(Chart("boxes").Render());
        Assert.Contains("Waiting time (hours)", texts);
        var bars = Texts(Chart("bars").Render());
        Assert.Contains("Top-2-box share (%)", bars);
        Assert.Contains("31%", bars);
        Assert.Contains("Target 60%", bars);
        var waterfall = Texts(Chart("waterfall").Render());
        Assert.Contains("Amount (£)", waterfall);
        Assert.Contains("\u2212£25,000", waterfall);
        Assert.Contains("+£14,000", waterfall);
        var before = Texts(Chart("before-after").Render());
        Assert.Contains("Mean throughput time (days)", before);
        Assert.Contains("40.8 d", before);
    }

    [Fact]
    public void Render_ManyCategories_GrowsTallerInsteadOfSqueezing()
    {
        var bars = Enumerable.Range(0, 60).Select(i => new Bar($"Item {i}", i)).ToList();
        var figure = new BarChart { Title = "Sixty bars", Value = Measure.Count("Cases"), Bars = bars }.Render(ChartSize.A4);
        Assert.True(figure.Height > ChartSize.A4.Height * 2);
        Assert.Equal(60, Texts(figure).Count(t => t.StartsWith("Item ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Render_EveryChart_RastersWithTheBundledFont()
    {
        string outDir = Path.Combine(AppContext.BaseDirectory, "charts");
        Directory.CreateDirectory(outDir);
        foreach (var (name, chart) in SampleCharts.All())
        {
            foreach (var (sizeName, size) in new[] { ("a4", ChartSize.A4), ("slide", ChartSize.Slide) })
            {
                var figure = chart.Render(size);
                byte[] png = SvgRaster.ToPng(figure.Svg, new RasterOptions { Scale = 1.5 });
                Assert.True(png.Length > 1000);
                File.WriteAllBytes(Path.Combine(outDir, $"{name}-{sizeName}.png"), png);
                File.WriteAllText(Path.Combine(outDir, $"{name}-{sizeName}.svg"), figure.Svg);
            }
        }
    }

    internal static List<string> Texts(Figure figure) =>
        Parse(figure.Svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();

    internal static XDocument Parse(string svg)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(svg), settings);
        return XDocument.Load(reader);
    }

    private static Chart Chart(string name) => SampleCharts.All().Single(c => c.Name == name).Chart;

    private static ChartSize Size(string name) => name switch
    {
        "A4" => ChartSize.A4,
        "Slide" => ChartSize.Slide,
        "Screen" => ChartSize.Screen,
        _ => new ChartSize(320, 240, 10),
    };
}
