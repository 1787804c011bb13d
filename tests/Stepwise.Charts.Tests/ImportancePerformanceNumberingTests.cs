using System.Xml.Linq;

namespace Stepwise.Charts.Tests;

/// <summary>
/// The importance-performance grid numbers its features once, by importance, and the same numbers appear on every
/// point of the picture and in the data table at every size (a page, a slide, a screen, a narrow screen, a board paper's short chart),
/// so that the PDF and the HTML of a report name the same feature by the same number.
/// </summary>
public sealed class ImportancePerformanceNumberingTests
{
    /// <summary>The sizes the reports and the web app draw at, and the board paper's short chart (640 x 180 at 11 px).</summary>
    private static readonly ChartSize[] Sizes = [ChartSize.A4, ChartSize.Slide, ChartSize.Screen, new(320, 240, 10), new(640, 180, 11)];

    [Fact]
    public void Numbers_FollowImportance_TiesByLabel_UnmeasuredLast()
    {
        // Worked by hand: importance 0.30 (B), 0.30 (A), 0.05 (C), 0.20 (D), none (E).
        // Order: A and B tie at 0.30, A first by label; then D (0.20), C (0.05), and E without an importance last.
        GridItem[] items =
        [
            new("B", 0.4, 0.30), new("A", 0.6, 0.30), new("C", 0.5, 0.05), new("D", 0.7, 0.20), new("E", 0.5, double.NaN),
        ];
        Assert.Equal(new[] { 2, 1, 4, 3, 5 }, ImportancePerformanceChart.Numbering(items).ToArray());
    }

    [Fact]
    public void Render_CrowdedGrid_EveryPointShowsItsNumber_TheSameAsTheTable_AtEverySize()
    {
        // Fourteen features packed into a small corner of the grid, as a real survey's items are (performance 55-70% of
        // the scale, importance 4-10%): their names cannot all fit beside the points.
        var items = Enumerable.Range(0, 14)
            .Select(i => new GridItem($"Service feature with a long name {i}", 0.55 + (0.011 * ((i * 5) % 14)), 0.04 + (0.0045 * ((i * 3) % 14))))
            .ToList();
        // The numbers worked here: rank by importance (all differ), 1 the largest.
        var expected = items.Select(x => items.Count(y => y.Importance > x.Importance) + 1).ToList();
        var chart = Grid(items);
        Assert.Equal(expected, chart.Numbers.ToList());

        foreach (var size in Sizes)
        {
            var figure = chart.Render(size, "grid");
            string where = $"{size.Width}x{size.Height}";
            ChartLayoutTests.AssertClean(figure, "crowded grid at " + where);

            // The table: one row per feature, in number order, each number beside its own feature.
            Assert.Equal(Enumerable.Range(1, items.Count).Select(n => (double)n), figure.Table.Rows.Select(r => r[0].Number));
            for (int i = 0; i < items.Count; i++)
            {
                Assert.Equal(items[i].Label, figure.Table.Rows[expected[i] - 1][1].Text);
            }

            // The picture: each feature's group holds a text that is its number, or its number and its name.
            var shown = PointLabels(figure.Svg);
            Assert.Equal(items.Count, shown.Count);
            for (int i = 0; i < items.Count; i++)
            {
                string number = expected[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
                var (title, text) = Assert.Single(shown, s => s.Title.StartsWith(number + " " + items[i].Label + ":", StringComparison.Ordinal));
                Assert.True(text == number || text == number + " " + items[i].Label, $"'{title}' is labelled '{text}' at {where}");
            }

            // A point shown by its number alone is named in the note under the chart (whose lines are read as one), or,
            // when their names would not fit in a note, the note sends the reader to the table.
            string notes = string.Join(" ", ChartLayoutTests.Texts(figure));
            var alone = shown.Where(s => !s.Label.Contains(' ', StringComparison.Ordinal)).ToList();
            if (notes.Contains($"{alone.Count} points are shown by number alone: the table of the features names them", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var (title, text) in alone)
            {
                string name = title[(title.IndexOf(' ', StringComparison.Ordinal) + 1)..title.IndexOf(':', StringComparison.Ordinal)];
                Assert.True(notes.Contains($"{text} {name}", StringComparison.Ordinal), $"'{text} {name}' is not named under the chart at {where}: {notes}");
            }
        }
    }

    [Fact]
    public void Render_SameChart_SameNumbersAtEverySize()
    {
        var items = Enumerable.Range(0, 9).Select(i => new GridItem($"Item {i}", 0.2 + (0.07 * i), 0.02 + (0.013 * ((i * 4) % 9)))).ToList();
        var chart = Grid(items);
        var first = Numbered(chart.Render(Sizes[0], "a").Svg);
        foreach (var size in Sizes.Skip(1))
        {
            Assert.Equal(first, Numbered(chart.Render(size, "b").Svg));
        }

        static Dictionary<string, string> Numbered(string svg) => PointLabels(svg).ToDictionary(p => p.Title[..p.Title.IndexOf(':', StringComparison.Ordinal)], p => p.Label.Split(' ')[0]);
    }

    private static ImportancePerformanceChart Grid(IReadOnlyList<GridItem> items) => new()
    {
        Title = "What drives satisfaction",
        Performance = Measure.Percent("Performance"),
        Importance = Measure.Percent("Importance", 1),
        PerformanceSplit = 0.5,
        ImportanceSplit = 1.0 / items.Count,
        PerformanceRange = (0, 1),
        Items = items,
    };

    /// <summary>Each point's group: its title (the tooltip, "3 Feature: performance ...") and the text drawn for it.</summary>
    private static List<(string Title, string Label)> PointLabels(string svg)
    {
        var doc = XDocument.Parse(svg);
        return [.. doc.Descendants().Where(e => e.Name.LocalName == "g" && (string?)e.Attribute("class") == "item")
            .Select(g => (g.Elements().Single(e => e.Name.LocalName == "title").Value, g.Elements().Single(e => e.Name.LocalName == "text").Value))];
    }
}
