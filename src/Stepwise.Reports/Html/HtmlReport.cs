using System.Globalization;
using System.Net;
using System.Text;
using Stepwise.Charts;
using Stepwise.Reports.Privacy;

namespace Stepwise.Reports.Html;

/// <summary>
/// Writes a document as one self-contained HTML file: styles inline, charts as inline SVG with their data tables, a
/// contents list, a print stylesheet for A4; no script, no external request of any kind. Every text from the document
/// is HTML-encoded. The same document gives byte-identical HTML.
/// </summary>
public static class HtmlReport
{
    /// <summary>The HTML of <paramref name="document"/> (personal data redacted unless it opts in).</summary>
    public static string Render(ReportDocument document)
    {
        var doc = ReportRedaction.Apply(document);
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        // No request may leave the page: forbid every fetch, allow only the inline styles written here.
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
        sb.Append("<meta name=\"generator\" content=\"Stepwise\">\n");
        sb.Append("<title>").Append(E(doc.Title)).Append("</title>\n<style>\n").Append(HtmlStyles.Css).Append("</style>\n</head>\n<body>\n");
        sb.Append("<header class=\"cover\">\n<h1>").Append(E(doc.Title)).Append("</h1>\n");
        if (!string.IsNullOrWhiteSpace(doc.Subtitle))
        {
            sb.Append("<p class=\"subtitle\">").Append(E(doc.Subtitle)).Append("</p>\n");
        }

        sb.Append("<dl class=\"meta\"><dt>For</dt><dd>").Append(E(doc.Audience)).Append("</dd><dt>Date</dt><dd>")
            .Append(doc.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).Append("</dd>");
        if (!string.IsNullOrWhiteSpace(doc.Author))
        {
            sb.Append("<dt>Prepared by</dt><dd>").Append(E(doc.Author)).Append("</dd>");
        }

        sb.Append("</dl>\n");
        sb.Append(doc.IncludePersonalData
            ? "<p class=\"privacy warning\">This report includes personal data at the request of its author. Handle it accordingly.</p>\n"
            : "<p class=\"privacy\">Personal data in comments and quotes has been removed.</p>\n");
        bool sourcesTable = doc.Sources.Count > 0 && !doc.SourcesInOneLine;
        if (doc.Sources.Count > 0 && doc.SourcesInOneLine)
        {
            sb.Append("<p class=\"sources\">").Append(E(doc.SourcesLine())).Append("</p>\n");
        }

        sb.Append("</header>\n");
        sb.Append("<nav class=\"contents\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n");
        for (int s = 0; s < doc.Sections.Count; s++)
        {
            sb.Append("<li><a href=\"#s").Append(s + 1).Append("\">").Append(E(doc.Sections[s].Heading)).Append("</a></li>\n");
        }

        if (sourcesTable)
        {
            sb.Append("<li><a href=\"#sources\">Data sources</a></li>\n");
        }

        sb.Append("</ol>\n</nav>\n<main>\n");
        int figure = 0, table = 0;
        for (int s = 0; s < doc.Sections.Count; s++)
        {
            var section = doc.Sections[s];
            sb.Append("<section id=\"s").Append(s + 1).Append("\">\n<h2>").Append(s + 1).Append(". ").Append(E(section.Heading)).Append("</h2>\n");
            if (!string.IsNullOrWhiteSpace(section.Message))
            {
                sb.Append("<p class=\"message\">").Append(E(section.Message)).Append("</p>\n");
            }

            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case Paragraph p:
                        sb.Append("<p>").Append(E(p.Text)).Append("</p>\n");
                        break;
                    case BulletList l:
                        sb.Append("<ul>\n");
                        foreach (var item in l.Items)
                        {
                            sb.Append("<li>").Append(E(item)).Append("</li>\n");
                        }

                        sb.Append("</ul>\n");
                        break;
                    case KeyFigures k:
                        KeyFiguresHtml(sb, k);
                        break;
                    case TableBlock t:
                        Table(sb, t.Table, ++table, "table");
                        break;
                    case ChartBlock c:
                        Chart(sb, c.Chart, ++figure);
                        break;
                    case PictureBlock picture:
                        // The picture's own SVG inline, without its XML declaration.
                        string svg = picture.Svg.StartsWith("<?xml", StringComparison.Ordinal) ? picture.Svg[(picture.Svg.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart() : picture.Svg;
                        sb.Append("<figure class=\"chart\" id=\"fig").Append(++figure).Append("\">\n").Append(svg).Append('\n');
                        sb.Append("<figcaption>Figure ").Append(figure).Append(". ").Append(E(picture.Title)).Append(".</figcaption>\n</figure>\n");
                        break;
                    case Quote q:
                        sb.Append("<blockquote><p>").Append(E(q.Text)).Append("</p>");
                        if (!string.IsNullOrWhiteSpace(q.Attribution))
                        {
                            sb.Append("<footer>").Append(E(q.Attribution)).Append("</footer>");
                        }

                        sb.Append("</blockquote>\n");
                        break;
                    case Note n:
                        sb.Append(n.IsWarning ? "<p class=\"note warning\">" : "<p class=\"note\">").Append(E(n.Text)).Append("</p>\n");
                        break;
                }
            }

            sb.Append("</section>\n");
        }

        if (sourcesTable)
        {
            sb.Append("<section id=\"sources\">\n<h2>Data sources</h2>\n<div class=\"table-wrap\"><table class=\"data stack\">\n<thead><tr><th scope=\"col\">Source</th><th scope=\"col\">What it holds</th><th scope=\"col\">Imported</th><th scope=\"col\">SHA-256</th></tr></thead>\n<tbody>\n");
            foreach (var source in doc.Sources)
            {
                sb.Append("<tr><td data-label=\"Source\">").Append(E(source.Name)).Append("</td><td data-label=\"What it holds\">").Append(E(source.Description)).Append("</td><td data-label=\"Imported\">")
                    .Append(E(source.Imported ?? string.Empty)).Append("</td><td class=\"hash\" data-label=\"SHA-256\">").Append(E(source.Sha256 ?? string.Empty)).Append("</td></tr>\n");
            }

            sb.Append("</tbody>\n</table></div>\n</section>\n");
        }

        sb.Append("</main>\n<footer class=\"page\"><p>").Append(E(doc.Title)).Append(" \u00B7 ").Append(E(doc.Audience)).Append(" \u00B7 ")
            .Append(doc.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(" \u00B7 Stepwise</p></footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void KeyFiguresHtml(StringBuilder sb, KeyFigures k)
    {
        sb.Append("<div class=\"figures\">\n");
        foreach (var f in k.Figures)
        {
            sb.Append("<div class=\"figure-card\"><div class=\"value\">").Append(E(f.Text)).Append("</div><div class=\"label\">").Append(E(f.Label)).Append("</div>");
            if (f.IntervalText is { } interval)
            {
                sb.Append("<div class=\"interval\">95% interval ").Append(E(interval)).Append("</div>");
            }

            if (!string.IsNullOrWhiteSpace(f.Note))
            {
                sb.Append("<div class=\"interval\">").Append(E(f.Note)).Append("</div>");
            }

            sb.Append("</div>\n");
        }

        sb.Append("</div>\n");
    }

    private static void Chart(StringBuilder sb, Chart chart, int number)
    {
        var figure = chart.Render(ChartSize.A4, $"fig{number}");
        sb.Append("<figure class=\"chart\" id=\"fig").Append(number).Append("\">\n");
        sb.Append(figure.Svg);
        sb.Append("<figcaption>Figure ").Append(number).Append(". ").Append(E(figure.Description)).Append("</figcaption>\n");
        sb.Append("<details><summary>Data of figure ").Append(number).Append("</summary>\n");
        Table(sb, ReportTable.FromChart(figure.Table), number, "figure-data");
        sb.Append("</details>\n</figure>\n");
    }

    /// <summary>Tables of this many columns or more are read row by row on a narrow screen: each row a block, each cell
    /// on a line of its own after its column's header.</summary>
    internal const int StackedColumns = 4;

    /// <summary>Tables of this many columns or more (the data behind an analysis, for the workbook's reader) are read
    /// row by row on every screen and on paper: each row a card of its cells, each after its column's header.</summary>
    internal const int CardColumns = 12;

    /// <summary>Tables of this many columns or more may be wider than the text on a wide screen (up to the screen's
    /// width, centred under the text); narrower ones keep to the text's width, their headers and text wrapping.</summary>
    internal const int WideColumns = 6;

    private static void Table(StringBuilder sb, ReportTable table, int number, string role)
    {
        bool stacked = table.Columns.Count >= StackedColumns;
        string layout = table.Columns.Count >= CardColumns ? " stack cards" : stacked ? " stack" : string.Empty;
        sb.Append(table.Columns.Count >= WideColumns ? "<div class=\"table-wrap wide\">" : "<div class=\"table-wrap\">")
            .Append("<table class=\"data ").Append(role).Append(layout).Append("\">\n<caption>");
        if (role == "table")
        {
            sb.Append("Table ").Append(number).Append(". ");
        }

        sb.Append(E(table.Caption)).Append("</caption>\n<thead><tr>");
        foreach (var column in table.Columns)
        {
            sb.Append(column.IsNumeric ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">").Append(E(column.Header)).Append("</th>");
        }

        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            sb.Append("<tr>");
            for (int c = 0; c < table.Columns.Count; c++)
            {
                var column = table.Columns[c];
                sb.Append(column.IsNumeric || column.Kind == ColumnKind.Date ? "<td class=\"num\"" : "<td");
                if (stacked)
                {
                    sb.Append(" data-label=\"").Append(E(column.Header)).Append('"');
                }

                sb.Append('>').Append(E(column.Format(row[c]))).Append("</td>");
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</tbody>\n</table></div>\n");
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
