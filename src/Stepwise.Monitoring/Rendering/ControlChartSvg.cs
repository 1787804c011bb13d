using System.Globalization;
using System.Text;
using Stepwise.Monitoring.Kpis;
using Stepwise.Monitoring.Trends;
using Stepwise.Statistics.Control;

namespace Stepwise.Monitoring.Rendering;

/// <summary>
/// Draws a KPI's control chart across the change as a small, stand-alone SVG: the points joined in time order, each
/// phase's centre line (solid) and control limits (dashed), a vertical line at the change, and the points that signal
/// by the Western Electric rules filled red, with the rules in their tooltip. Every text is escaped; the SVG carries a
/// title and description for screen readers and needs no styles or fonts from outside.
/// </summary>
public static class ControlChartSvg
{
    private const double Width = 760, Height = 300, Left = 78, Right = 20, Top = 44, Bottom = 52;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The SVG of <paramref name="trend"/>.</summary>
    public static string Render(KpiTrend trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var points = trend.Points;
        var svg = new StringBuilder();
        string title = $"{trend.Name}: {trend.Chart} chart by {(trend.Interval == TrendInterval.Day ? "day" : "week")} across the change";
        svg.Append(Invariant, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"t d\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.Append("<title id=\"t\">").Append(Escape(title)).Append("</title>\n");
        svg.Append("<desc id=\"d\">").Append(Escape(Describe(trend))).Append("</desc>\n");
        svg.Append(Invariant, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>\n");
        svg.Append(Invariant, $"<text x=\"{Left}\" y=\"22\" font-size=\"14\" font-weight=\"bold\" fill=\"#222\">{Escape(title)}</text>\n");
        if (points.Count == 0)
        {
            svg.Append(Invariant, $"<text x=\"{Left}\" y=\"{Height / 2}\" fill=\"#555\">No interval has enough cases to chart.</text>\n</svg>\n");
            return svg.ToString();
        }

        var values = points.SelectMany(p => new[] { p.Value, p.Centre, p.Lower, p.Upper }).Where(double.IsFinite).ToList();
        double min = values.Min(), max = values.Max();
        if (trend.Unit is KpiUnit.Share or KpiUnit.Seconds or KpiUnit.CasesPerInterval or KpiUnit.Money or KpiUnit.PerCase)
        {
            min = Math.Max(0, min);
        }

        if (max - min < 1e-12)
        {
            max = min + (Math.Abs(min) > 0 ? Math.Abs(min) * 0.1 : 1);
        }

        double pad = (max - min) * 0.05;
        (min, max) = (min - (min == 0 ? 0 : pad), max + pad);
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        double X(int i) => Left + (points.Count == 1 ? plotW / 2 : i * plotW / (points.Count - 1));
        double Y(double v) => Top + plotH - ((v - min) / (max - min) * plotH);

        // Axes and a few gridlines with labels.
        for (int t = 0; t <= 4; t++)
        {
            double v = min + ((max - min) * t / 4);
            double y = Y(v);
            svg.Append(Invariant, $"<line x1=\"{Left:0.#}\" y1=\"{y:0.#}\" x2=\"{Width - Right:0.#}\" y2=\"{y:0.#}\" stroke=\"#e6e6e6\"/>\n");
            svg.Append(Invariant, $"<text x=\"{Left - 6:0.#}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" fill=\"#555\">{Escape(Format(v, trend.Unit))}</text>\n");
        }

        svg.Append(Invariant, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + plotH}\" stroke=\"#999\"/>\n");
        svg.Append(Invariant, $"<line x1=\"{Left}\" y1=\"{Top + plotH}\" x2=\"{Width - Right}\" y2=\"{Top + plotH}\" stroke=\"#999\"/>\n");

        // Centre and limits, phase by phase.
        foreach (var phase in new[] { TrendPhase.Before, TrendPhase.After })
        {
            var idx = Enumerable.Range(0, points.Count).Where(i => points[i].Phase == phase).ToList();
            Line(svg, idx, i => points[i].Centre, X, Y, "#2b6cb0", null);
            Line(svg, idx, i => points[i].Upper, X, Y, "#c05621", "5,4");
            Line(svg, idx, i => points[i].Lower, X, Y, "#c05621", "5,4");
        }

        // The change.
        int firstAfter = Enumerable.Range(0, points.Count).FirstOrDefault(i => points[i].Phase == TrendPhase.After, -1);
        if (firstAfter > 0)
        {
            double x = (X(firstAfter - 1) + X(firstAfter)) / 2;
            svg.Append(Invariant, $"<line x1=\"{x:0.#}\" y1=\"{Top - 6}\" x2=\"{x:0.#}\" y2=\"{Top + plotH}\" stroke=\"#444\" stroke-dasharray=\"2,3\"/>\n");
            svg.Append(Invariant, $"<text x=\"{x + 4:0.#}\" y=\"{Top - 8}\" fill=\"#444\">change</text>\n");
        }

        // The values.
        var path = string.Join(' ', Enumerable.Range(0, points.Count).Select(i => string.Create(Invariant, $"{X(i):0.#},{Y(points[i].Value):0.#}")));
        svg.Append("<polyline fill=\"none\" stroke=\"#333\" stroke-width=\"1.2\" points=\"").Append(path).Append("\"/>\n");
        for (int i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var rules = p.Signals.Concat(p.BaselineSignals.Select(r => r)).Distinct().ToList();
            bool signal = rules.Count > 0;
            string tip = $"{p.Label} ({p.Phase.ToString().ToLowerInvariant()}): {Format(p.Value, trend.Unit)}, {p.Count.ToString("N0", Invariant)} {(trend.Unit == KpiUnit.CasesPerInterval ? "cases" : "values")}";
            if (p.Signals.Count > 0)
            {
                tip += "; signals: " + string.Join(", ", p.Signals.Select(Rule));
            }

            if (p.BaselineSignals.Count > 0)
            {
                tip += "; against the before limits: " + string.Join(", ", p.BaselineSignals.Select(Rule));
            }

            svg.Append(Invariant, $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(p.Value):0.#}\" r=\"{(signal ? 4 : 3)}\" fill=\"{(signal ? "#c53030" : "#333")}\"><title>{Escape(tip)}</title></circle>\n");
        }

        // First, change and last labels on the time axis.
        var labelled = new SortedSet<int> { 0, points.Count - 1 };
        if (firstAfter > 0)
        {
            labelled.Add(firstAfter);
        }

        foreach (int i in labelled)
        {
            string anchor = i == 0 ? "start" : i == points.Count - 1 ? "end" : "middle";
            svg.Append(Invariant, $"<text x=\"{X(i):0.#}\" y=\"{Top + plotH + 16:0.#}\" text-anchor=\"{anchor}\" fill=\"#555\">{Escape(points[i].Label)}</text>\n");
        }

        svg.Append(Invariant, $"<text x=\"{Left}\" y=\"{Height - 12}\" fill=\"#555\">Centre (solid) and limits (dashed) per phase; red points signal by the Western Electric rules.</text>\n");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Line(StringBuilder svg, List<int> idx, Func<int, double> value, Func<int, double> x, Func<double, double> y, string colour, string? dash)
    {
        var coords = idx.Where(i => double.IsFinite(value(i))).Select(i => string.Create(Invariant, $"{x(i):0.#},{y(value(i)):0.#}")).ToList();
        if (coords.Count == 1)
        {
            // One point: draw a short stub so a single interval's line still shows.
            int i = idx.First(i => double.IsFinite(value(i)));
            coords = [string.Create(Invariant, $"{x(i) - 6:0.#},{y(value(i)):0.#}"), string.Create(Invariant, $"{x(i) + 6:0.#},{y(value(i)):0.#}")];
        }

        if (coords.Count == 0)
        {
            return;
        }

        svg.Append("<polyline fill=\"none\" stroke=\"").Append(colour).Append('"');
        if (dash is not null)
        {
            svg.Append(" stroke-dasharray=\"").Append(dash).Append('"');
        }

        svg.Append(" points=\"").Append(string.Join(' ', coords)).Append("\"/>\n");
    }

    private static string Describe(KpiTrend trend)
    {
        int before = trend.Points.Count(p => p.Phase == TrendPhase.Before), after = trend.Points.Count - before;
        int signals = trend.Points.Count(p => p.Signals.Count > 0 || p.BaselineSignals.Count > 0);
        return string.Create(Invariant, $"{before} points before and {after} after the change; centre {Format(trend.BeforeCentre, trend.Unit)} before, {Format(trend.AfterCentre, trend.Unit)} after; {signals} points signal.");
    }

    private static string Rule(ControlRule rule) => rule switch
    {
        ControlRule.BeyondLimits => "beyond a limit",
        ControlRule.TwoOfThreeBeyondTwoSigma => "2 of 3 beyond 2 sigma",
        ControlRule.FourOfFiveBeyondOneSigma => "4 of 5 beyond 1 sigma",
        ControlRule.EightOnOneSide => "8 on one side",
        _ => "6 trending",
    };

    /// <summary>A value in the chart's unit: durations as s, m, h or d; shares as percent.</summary>
    internal static string Format(double value, KpiUnit unit)
    {
        if (!double.IsFinite(value))
        {
            return "-";
        }

        return unit switch
        {
            KpiUnit.Seconds => Math.Abs(value) >= 86400 ? (value / 86400).ToString("0.0", Invariant) + "d"
                : Math.Abs(value) >= 3600 ? (value / 3600).ToString("0.0", Invariant) + "h"
                : Math.Abs(value) >= 60 ? (value / 60).ToString("0.0", Invariant) + "m"
                : value.ToString("0", Invariant) + "s",
            KpiUnit.Share => (value * 100).ToString("0.0", Invariant) + "%",
            _ => value.ToString(Math.Abs(value) >= 100 ? "N0" : "0.##", Invariant),
        };
    }

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ when char.IsControl(c) => " ",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }
}
