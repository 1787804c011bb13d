using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Stepwise.Testing;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Steps;

namespace Stepwise.Workbench.Tests;

/// <summary>The map of a review painted by a step figure, and exported as SVG, PNG and BPMN, on the help-desk log.</summary>
public sealed class MapPaintAndExportTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XDocument Parse(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        return XDocument.Load(reader);
    }

    private static Dictionary<string, double> Painted(string svg)
        => Parse(svg).Descendants(Svg + "g")
            .Where(g => (string?)g.Attribute("data-kind") == "step" && g.Attribute("data-paint") is not null)
            .ToDictionary(g => (string)g.Attribute("data-name")!, g => double.Parse((string)g.Attribute("data-paint")!, CultureInfo.InvariantCulture));

    [Fact]
    public void Map_PaintedByWaiting_EachStepCarriesTheMedianGapBeforeIt()
    {
        var r = new HelpdeskReview();

        var drawn = r.Bench.Analyses.Map(r.Tia, r.Id, new AnalysisRequest(), new MapRequest { Paint = "waiting" });

        // Independently: the help-desk log has completion times only, so the wait before an event is the gap since the
        // case's previous event; the median over every such event of the step, in the cases inside the scope.
        var log = r.Bench.Analyses.Open(r.Lead, r.Id, new AnalysisRequest()).Selection.Log;
        var gaps = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        for (int c = 0; c < log.CaseCount; c++)
        {
            int first = log.CaseStart(c), end = log.CaseEnd(c);
            if (log.ActivityNames[log.Activities[end - 1]] != "Closed")
            {
                continue;
            }

            for (int e = first + 1; e < end; e++)
            {
                string name = log.ActivityNames[log.Activities[e]];
                (gaps.TryGetValue(name, out var list) ? list : gaps[name] = []).Add((log.Times[e] - log.Times[e - 1]) / (double)TimeSpan.TicksPerSecond);
            }
        }

        var painted = Painted(drawn.Result.Svg);
        Assert.NotEmpty(painted);
        foreach (var (step, value) in painted)
        {
            var sorted = gaps[step].Order().ToList();
            double median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
            Assert.True(Math.Abs(median - value) <= Math.Max(1, median * 1e-6), $"{step}: painted {value} s, median gap {median} s");
        }

        Assert.Contains("box colour: median waiting before the step", drawn.Result.Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_PaintedByCost_ShowsTheSavedCostsInTheRatesCurrencyMarkedEstimated()
    {
        var r = new HelpdeskReview();
        r.Bench.Steps.Assess(r.Lead, r.Id, new AnalysisRequest(), new StepReviewRequest { Rates = Path.Combine(RepositoryRoot(), "samples", "helpdesk-rates.yaml") });
        var steps = r.Bench.Steps.List(r.Lead, r.Id).ToDictionary(s => s.Value.Id, s => s.Value.Activity ?? s.Value.Name);
        var saved = r.Bench.Steps.Assessments(r.Lead, r.Id)
            .Where(a => a.Value.Aspect == Review.Steps.AssessmentAspect.Cost)
            .ToDictionary(a => steps[a.Value.StepId], a => a.Value.Measures["total_cost"]);

        var drawn = r.Bench.Analyses.Map(r.Tia, r.Id, new AnalysisRequest(), new MapRequest { Paint = "cost" });

        var painted = Painted(drawn.Result.Svg);
        Assert.NotEmpty(painted);
        Assert.All(painted, p => Assert.Equal(saved[p.Key], p.Value, 0.001)); // the SVG writes 4 decimals
        // The rates give EUR; the log has no start times, so the handling times behind the costs are estimated.
        Assert.Contains("box colour: total cost in EUR;", drawn.Result.Svg, StringComparison.Ordinal);
        Assert.Contains(" EUR (estimated)", drawn.Result.Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_UnknownPaint_NamesTheFieldAndTheChoices()
    {
        var r = new HelpdeskReview();

        var ex = Assert.Throws<StepwiseException>(() => r.Bench.Analyses.Map(r.Lead, r.Id, new AnalysisRequest(), new MapRequest { Paint = "colour" }));

        Assert.Equal("paint", ex.Errors[0].Field);
        Assert.Contains("none, cost, satisfaction, breaches, waiting", ex.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportMap_SvgPngBpmn_AreTheViewShownInEachFormat()
    {
        var r = new HelpdeskReview();
        var view = new MapRequest { Paths = 40, Overlay = "performance", Paint = "waiting" };
        var shown = r.Bench.Analyses.Map(r.Tia, r.Id, new AnalysisRequest(), view).Result;

        var svg = r.Bench.Analyses.ExportMap(r.Tia, r.Id, new AnalysisRequest(), view, "svg");
        var png = r.Bench.Analyses.ExportMap(r.Tia, r.Id, new AnalysisRequest(), view, "PNG");
        var bpmn = r.Bench.Analyses.ExportMap(r.Tia, r.Id, new AnalysisRequest(), view, "bpmn");

        Assert.Equal(("helpdesk-map.svg", "image/svg+xml"), (svg.FileName, svg.ContentType));
        Assert.Equal(shown.Svg, System.Text.Encoding.UTF8.GetString(svg.Content));
        Assert.Equal("helpdesk-map.png", png.FileName);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Content[..4]);
        // PNG header: width and height (big-endian) at bytes 16..23, twice the drawing's size.
        int width = (png.Content[16] << 24) | (png.Content[17] << 16) | (png.Content[18] << 8) | png.Content[19];
        Assert.Equal((int)Math.Ceiling(shown.Drawing.Width * 2), width);
        var process = Parse(System.Text.Encoding.UTF8.GetString(bpmn.Content)).Root!;
        Assert.Equal("definitions", process.Name.LocalName);
        var tasks = process.Descendants().Where(e => e.Name.LocalName == "task").Select(e => (string)e.Attribute("name")!).ToHashSet();
        Assert.Equal(shown.Map.Nodes.Where(n => n.Kind == Maps.Mapping.MapNodeKind.Activity).Select(n => n.Name).ToHashSet(), tasks);
        Assert.Equal("format", Assert.Throws<StepwiseException>(() => r.Bench.Analyses.ExportMap(r.Tia, r.Id, new AnalysisRequest(), view, "pdf")).Errors[0].Field);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Stepwise.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (Stepwise.slnx) was not found.");
    }
}
