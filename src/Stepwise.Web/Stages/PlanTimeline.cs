using System.Globalization;
using System.Security;
using System.Text;
using Stepwise.Review.Planning;

namespace Stepwise.Web.Stages;

/// <summary>
/// The plan as a timeline: a row per task, a bar from its start to its due date (a diamond on the due date when it has
/// no start), coloured by status, arrows from each task to those that wait for it, and a line for today. Server-drawn
/// SVG with a title, a description in words and a title on each bar; the page's task table is its table view. Every
/// text is XML-escaped.
/// </summary>
public static class PlanTimeline
{
    private const double Width = 960, LabelWidth = 320, RowHeight = 30, LineHeight = 16, Top = 58, Right = 20, Font = 13;

    // Characters of a task's name on one line of the label column: DejaVu Sans at 13 px averages under 7.8 px a
    // character, and the column keeps 6 px on each side.
    private const int LineChars = (int)((LabelWidth - 12) / 7.8);

    /// <summary>The colours of the statuses (each 4.5:1 or more against white, and named in the legend).</summary>
    public static string ColourOf(PlanTaskStatus status) => status switch
    {
        PlanTaskStatus.Done => "#1d5e2b",
        PlanTaskStatus.InProgress => "#0b5394",
        PlanTaskStatus.Blocked => "#a1191f",
        _ => "#5b6270",
    };

    /// <summary>The SVG of <paramref name="tasks"/> (in plan order), with a line at <paramref name="today"/> when it falls inside.</summary>
    public static string Render(IReadOnlyList<PlanTask> tasks, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        if (tasks.Count == 0)
        {
            return string.Empty;
        }

        DateOnly first = tasks.Min(t => t.Start ?? t.Due);
        DateOnly last = tasks.Max(t => t.Due).AddDays(1);
        int span = Math.Max(7, last.DayNumber - first.DayNumber);
        // A little room on both sides so bars and diamonds at the ends are not cut.
        first = first.AddDays(-Math.Max(1, span / 20));
        last = last.AddDays(Math.Max(1, span / 20));
        span = last.DayNumber - first.DayNumber;
        double plotLeft = LabelWidth, plotRight = Width - Right;
        double X(DateOnly d) => plotLeft + ((d.DayNumber - first.DayNumber) / (double)span * (plotRight - plotLeft));
        // A task's whole name, wrapped onto as many lines as it needs; its row grows to hold them.
        var names = tasks.Select(t => Wrap(t.Title, LineChars)).ToList();
        var rowTop = new double[tasks.Count + 1];
        rowTop[0] = Top;
        for (int i = 0; i < tasks.Count; i++)
        {
            rowTop[i + 1] = rowTop[i] + Math.Max(RowHeight, (names[i].Count * LineHeight) + 14);
        }

        double RowMiddle(int i) => (rowTop[i] + rowTop[i + 1]) / 2;
        double height = rowTop[tasks.Count] + 16;
        var index = tasks.Select((t, i) => (t.Id, i)).ToDictionary(p => p.Id, p => p.i);

        var svg = new StringBuilder();
        string title = "Plan timeline";
        string description = Describe(tasks);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height:0}\" width=\"{Width}\" height=\"{height:0}\" role=\"img\" aria-labelledby=\"plan-timeline-title plan-timeline-desc\" font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"{Font}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"plan-timeline-title\">{Esc(title)}</title><desc id=\"plan-timeline-desc\">{Esc(description)}</desc>");
        svg.Append("<defs><marker id=\"plan-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#1a1d21\"/></marker></defs>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{height:0}\" fill=\"#ffffff\"/>");

        // Legend.
        double lx = 0;
        foreach (var status in new[] { PlanTaskStatus.NotStarted, PlanTaskStatus.InProgress, PlanTaskStatus.Done, PlanTaskStatus.Blocked })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{lx:0.#}\" y=\"4\" width=\"14\" height=\"14\" fill=\"{ColourOf(status)}\"/><text x=\"{lx + 20:0.#}\" y=\"16\">{Esc(StatusText(status))}</text>");
            lx += 34 + (StatusText(status).Length * 7.6);
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{lx:0.#}\" y1=\"11\" x2=\"{lx + 26:0.#}\" y2=\"11\" stroke=\"#1a1d21\" stroke-width=\"1.5\" marker-end=\"url(#plan-arrow)\"/><text x=\"{lx + 32:0.#}\" y=\"16\">waits for</text>");

        // Time axis: weeks for short plans, months for longer ones.
        foreach (var (tick, label) in Ticks(first, last, span))
        {
            double x = X(tick);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" y1=\"{Top - 8}\" x2=\"{x:0.#}\" y2=\"{height - 12:0.#}\" stroke=\"#c9ced6\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 3:0.#}\" y=\"{Top - 14}\" fill=\"#4b5563\" font-size=\"{Font - 1}\">{Esc(label)}</text>");
        }

        for (int i = 0; i < tasks.Count; i++)
        {
            var t = tasks[i];
            double y = rowTop[i], rowHeight = rowTop[i + 1] - rowTop[i], middle = RowMiddle(i);
            if (i % 2 == 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{y:0.#}\" width=\"{Width}\" height=\"{rowHeight:0.#}\" fill=\"#f4f6f8\" fill-opacity=\"0.7\"/>");
            }

            string tip = $"{t.Title}: {(t.Start is { } s ? Day(s) + " to " : "due ")}{Day(t.Due)}, {StatusText(t.Status).ToLowerInvariant()}, owner {t.Owner}";
            svg.Append(CultureInfo.InvariantCulture, $"<g><title>{Esc(tip)}</title>");
            // The lines centred on the row, the first one's baseline a little below the row's middle when alone.
            double baseline = middle + 5 - ((names[i].Count - 1) * LineHeight / 2);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"6\" y=\"{baseline:0.#}\" fill=\"#1a1d21\">");
            for (int line = 0; line < names[i].Count; line++)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<tspan x=\"6\"{(line == 0 ? "" : $" dy=\"{LineHeight}\"")}>{Esc(names[i][line])}</tspan>");
            }

            svg.Append("</text>");
            string colour = ColourOf(t.Status);
            if (t.Start is { } start)
            {
                double x1 = X(start), x2 = Math.Max(X(t.Due.AddDays(1)), x1 + 3);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x1:0.#}\" y=\"{middle - ((RowHeight - 14) / 2):0.#}\" width=\"{x2 - x1:0.#}\" height=\"{RowHeight - 14}\" rx=\"3\" fill=\"{colour}\"/>");
            }
            else
            {
                double cx = X(t.Due.AddDays(1)), cy = middle;
                svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{cx:0.#},{cy - 8:0.#} L{cx + 8:0.#},{cy:0.#} L{cx:0.#},{cy + 8:0.#} L{cx - 8:0.#},{cy:0.#} z\" fill=\"{colour}\"/>");
            }

            svg.Append("</g>");
        }

        // Dependencies: from the end of the task waited for to the start of the task that waits.
        for (int i = 0; i < tasks.Count; i++)
        {
            var t = tasks[i];
            foreach (var before in t.DependsOn)
            {
                if (!index.TryGetValue(before, out int j))
                {
                    continue;
                }

                var p = tasks[j];
                double x1 = X(p.Due.AddDays(1)), y1 = RowMiddle(j);
                double x2 = X(t.Start ?? t.Due.AddDays(1)) - (t.Start is null ? 9 : 1), y2 = RowMiddle(i);
                double bend = Math.Max(x1 + 6, Math.Min(x2 - 6, x1 + 10));
                svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{x1:0.#},{y1:0.#} H{bend:0.#} V{y2:0.#} H{x2:0.#}\" fill=\"none\" stroke=\"#1a1d21\" stroke-width=\"1.3\" marker-end=\"url(#plan-arrow)\"><title>{Esc($"{t.Title} waits for {p.Title}")}</title></path>");
            }
        }

        if (today >= first && today <= last)
        {
            double x = X(today);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" y1=\"{Top - 8}\" x2=\"{x:0.#}\" y2=\"{height - 12:0.#}\" stroke=\"#a1191f\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/><text x=\"{x + 3:0.#}\" y=\"{height - 2:0.#}\" fill=\"#a1191f\" font-size=\"{Font - 1}\">today</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The plan in a sentence or two: its span, the tasks by status, and what is late.</summary>
    public static string Describe(IReadOnlyList<PlanTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        if (tasks.Count == 0)
        {
            return "The plan has no tasks.";
        }

        var first = tasks.Min(t => t.Start ?? t.Due);
        var last = tasks.Max(t => t.Due);
        var counts = Enum.GetValues<PlanTaskStatus>().Select(s => (s, n: tasks.Count(t => t.Status == s))).Where(p => p.n > 0).Select(p => $"{p.n} {StatusText(p.s).ToLowerInvariant()}");
        int links = tasks.Sum(t => t.DependsOn.Count);
        return $"{tasks.Count} {(tasks.Count == 1 ? "task" : "tasks")} from {Day(first)} to {Day(last)}: {string.Join(", ", counts)}; {links} {(links == 1 ? "dependency" : "dependencies")}.";
    }

    /// <summary>A status in words.</summary>
    public static string StatusText(PlanTaskStatus status) => status switch
    {
        PlanTaskStatus.NotStarted => "Not started",
        PlanTaskStatus.InProgress => "In progress",
        PlanTaskStatus.Done => "Done",
        _ => "Blocked",
    };

    private static IEnumerable<(DateOnly Tick, string Label)> Ticks(DateOnly first, DateOnly last, int span)
    {
        if (span <= 84)
        {
            // Mondays.
            var d = first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
            int step = span <= 42 ? 7 : 14;
            for (; d <= last; d = d.AddDays(step))
            {
                yield return (d, d.ToString("d MMM", CultureInfo.InvariantCulture));
            }
        }
        else
        {
            var d = new DateOnly(first.Year, first.Month, 1).AddMonths(1);
            int step = span <= 400 ? 1 : span <= 800 ? 2 : 3;
            for (; d <= last; d = d.AddMonths(step))
            {
                yield return (d, d.ToString("MMM yyyy", CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>A name on lines of at most <paramref name="width"/> characters, broken between words (a longer word on
    /// lines of its own); every character is kept.</summary>
    internal static IReadOnlyList<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            string rest = word;
            while (line.Length == 0 && rest.Length > width)
            {
                lines.Add(rest[..width]);
                rest = rest[width..];
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(rest);
        }

        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    private static string Day(DateOnly d) => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Esc(string text) => SecurityElement.Escape(text);
}
