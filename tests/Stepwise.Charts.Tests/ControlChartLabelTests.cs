using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Stepwise.Charts.Drawing;

namespace Stepwise.Charts.Tests;

/// <summary>Signal labels of control charts where many points signal side by side: every label clear of the other
/// labels, of every point's marker and ring, and inside the plot, and every signal either numbered with its rules or
/// in a lettered group listed under the chart.</summary>
public sealed class ControlChartLabelTests
{
    private const string Vermillion = "#D55E00";

    /// <summary>Twenty-four adjacent points signalling in a run, zig-zagging high and low around a shifted level.</summary>
    internal static ControlChartPlot AdjacentSignals(int count = 48) => new()
    {
        Title = "Cases per week, before and after the change",
        Value = Measure.Count("Cases"),
        PeriodName = "Week from",
        Points = Enumerable.Range(0, count).Select(i =>
        {
            bool signal = i >= 12 && i < 36;
            double value = signal ? 40 + (9 * (i % 2)) + (i % 5) : 25 + (4 * ((i * 7) % 5)) - 8;
            IReadOnlyList<int> rules = !signal ? [] : (i % 4) switch { 0 => [1], 1 => [1, 2], 2 => [2, 3, 4], _ => [5] };
            return new ControlChartPoint(new DateOnly(2024, 1, 1).AddDays(7 * i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), value, 26, 8, 44, rules);
        }).ToList(),
    };

    /// <summary>Four years of weeks in which more than half the points signal (as on a busy help desk's volume).</summary>
    internal static ControlChartPlot MostlySignals() => new()
    {
        Title = "Volume per week",
        Value = Measure.Count("Cases"),
        PeriodName = "Week from",
        Points = Enumerable.Range(0, 200).Select(i =>
        {
            double value = 20 + (15 * Math.Sin(i / 3.0)) + ((i * 13) % 7);
            IReadOnlyList<int> rules = (i % 7) switch { 0 or 1 or 2 => [4], 3 => [3, 4], 4 => [1, 2, 3], _ => [] };
            return new ControlChartPoint(new DateOnly(2010, 1, 4).AddDays(7 * i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), value, 26, 5, 47, i >= 30 ? rules : []);
        }).ToList(),
        Phases = [new ControlChartPhase(120, "change")],
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (string chart in new[] { "adjacent", "adjacent-few", "mostly" })
        {
            foreach (string size in new[] { "A4", "Slide", "Screen", "Narrow" })
            {
                data.Add(chart, size);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Render_AdjacentSignals_LabelsClearOfEachOtherThePointsAndThePlotEdges(string chartName, string sizeName)
    {
        var chart = Chart(chartName);
        var figure = chart.Render(Size(sizeName), "signals");
        string where = $"{chartName} at {sizeName}";
        ChartLayoutTests.AssertClean(figure, where);

        var svg = ChartLayoutTests.Parse(figure.Svg);
        var values = svg.Descendants().Single(e => e.Name.LocalName == "g" && (string?)e.Attribute("class") == "values");
        var labels = values.Descendants().Where(e => e.Name.LocalName == "text" && (string?)e.Attribute("fill") == Vermillion).Select(Box).ToList();
        var marks = values.Descendants().Where(e => e.Name.LocalName == "circle")
            .Select(e => (X: Number(e, "cx"), Y: Number(e, "cy"), R: Number(e, "r") + (e.Attribute("stroke-width") is { } w ? double.Parse(w.Value, CultureInfo.InvariantCulture) / 2 : 0))).ToList();
        Assert.NotEmpty(labels);
        var plot = figure.Plot;
        foreach (var label in labels)
        {
            Assert.True(label.X >= plot.X - 0.01 && label.Right <= plot.Right + 0.01 && label.Y >= plot.Y - 0.01 && label.Bottom <= plot.Bottom + 0.01,
                $"'{label.Text}' at ({label.X:0.#},{label.Y:0.#})-({label.Right:0.#},{label.Bottom:0.#}) leaves the plot ({plot.X:0.#},{plot.Y:0.#})-({plot.Right:0.#},{plot.Bottom:0.#}) in {where}");
            foreach (var (x, y, r) in marks)
            {
                var mark = new LabelBox(x - r, y - r, 2 * r, 2 * r, "mark");
                Assert.False(label.Overlaps(mark), $"'{label.Text}' at ({label.X:0.#},{label.Y:0.#}) covers the point at ({x:0.#},{y:0.#}) in {where}");
            }
        }

        for (int i = 0; i < labels.Count; i++)
        {
            for (int j = i + 1; j < labels.Count; j++)
            {
                Assert.False(labels[i].Overlaps(labels[j]), $"'{labels[i].Text}' overlaps '{labels[j].Text}' in {where}");
            }
        }

        // Every signal accounted for: numbered with its rules, or in a group whose letter is on the chart and which the
        // notes list with its periods.
        var numbered = labels.Where(l => Regex.IsMatch(l.Text, @"^\d(,\d)*$")).ToList();
        var letters = labels.Where(l => Regex.IsMatch(l.Text, "^[A-Z]+$")).Select(l => l.Text).ToList();
        string notes = string.Join(" ", ChartLayoutTests.Texts(figure));
        int inGroups = 0;
        foreach (Match m in Regex.Matches(notes, @"\b([A-Z]+) (\d{4}-\d{2}-\d{2})(?: to (\d{4}-\d{2}-\d{2}))?, (\d+) points?"))
        {
            Assert.Contains(m.Groups[1].Value, letters);
            inGroups += int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture);
        }

        Assert.Equal(letters.Count, Regex.Matches(notes, @"\b[A-Z]+ \d{4}-\d{2}-\d{2}").Count);
        int signals = chart.Points.Count(p => p.Rules.Count > 0);
        Assert.Equal(signals, numbered.Count + inGroups);
    }

    [Fact]
    public void Render_RoomForEveryNumber_NumbersEachSignalWithItsRules()
    {
        // Three adjacent signals on a wide chart: each numbered, nothing listed.
        var figure = Chart("adjacent-few").Render(ChartSize.Slide, "few");
        var texts = ChartLayoutTests.Texts(figure);
        Assert.Contains("1", texts);
        Assert.Contains("1,2", texts);
        Assert.Contains("2,3,4", texts);
        Assert.DoesNotContain(texts, t => t.Contains("marked by letter", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_MostPointsSignal_ListsTheGroupsUnderTheChartAndStaysTallerNotFlatter()
    {
        var figure = MostlySignals().Render(ChartSize.A4, "mostly");
        var texts = ChartLayoutTests.Texts(figure);
        Assert.Contains(texts, t => t.StartsWith("Signals too close together", StringComparison.Ordinal));
        Assert.Contains(texts, t => t == "A");
        Assert.True(figure.Plot.Height >= ChartSize.A4.Height * 0.4, $"plot {figure.Plot.Height:0} px high");
    }

    private static ControlChartPlot Chart(string name) => name switch
    {
        "adjacent" => AdjacentSignals(),
        "adjacent-few" => AdjacentSignals(16) with { Points = AdjacentSignals(16).Points.Select((p, i) => i is >= 12 and <= 14 ? p : p with { Rules = [], Value = 20 }).ToList() },
        _ => MostlySignals(),
    };

    private static LabelBox Box(XElement text)
    {
        double size = Number(text, "font-size");
        bool bold = (string?)text.Attribute("font-weight") == "bold";
        double width = TextMeasure.Width(text.Value, size, bold);
        string anchor = (string?)text.Attribute("text-anchor") ?? "start";
        double x = Number(text, "x");
        double left = anchor == "middle" ? x - (width / 2) : anchor == "end" ? x - width : x;
        return new LabelBox(left, Number(text, "y") - (SvgCanvas.Ascent * size), width, size * (SvgCanvas.Ascent + SvgCanvas.Descent), text.Value);
    }

    private static double Number(XElement e, string name) => double.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);

    private static ChartSize Size(string name) => name switch
    {
        "A4" => ChartSize.A4,
        "Slide" => ChartSize.Slide,
        "Screen" => ChartSize.Screen,
        _ => new ChartSize(320, 240, 10),
    };
}
