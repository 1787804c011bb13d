using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Stepwise.Reports.Tests;

/// <summary>
/// Lays an HTML report out in headless Chromium (Debian's package, installed by test.sh) at a given width, and reads
/// back where its tables lie: the report in a frame that wide (a laptop, a phone, or the width of an A4 page inside
/// its margins with the print stylesheet applied), measured by a script of the test's own page. Without Chromium the
/// tests that use it skip, and fail when the CI environment variable is set.
/// </summary>
internal static partial class HtmlInBrowser
{
    /// <summary>The width of an A4 page inside the print stylesheet's 20 mm margins, in CSS pixels (96 per inch).</summary>
    public const int A4ContentWidth = 643;

    /// <summary>Where a table lies: its caption, its left and right edges, how far its box scrolls sideways, and the
    /// frame's width.</summary>
    public sealed record TableBox(string Caption, double Left, double Right, double Scroll, double Viewport);

    /// <summary>The tables of <paramref name="html"/> laid out in a frame <paramref name="width"/> CSS pixels wide
    /// (tables in closed details left out), and how far the whole page scrolls sideways.</summary>
    /// <param name="html">The report.</param>
    /// <param name="width">The frame's width.</param>
    /// <param name="height">The frame's height.</param>
    /// <param name="print">Whether to apply the print stylesheet (on screen media, so the frame's width is the page's).</param>
    public static (List<TableBox> Tables, double PageScroll) Tables(string html, int width, int height, bool print = false)
    {
        string chromium = Chromium();

        // The report forbids scripts; the test's page measures it from outside, in a frame of the width asked for.
        string report = CspRegex().Replace(html, string.Empty);
        if (print)
        {
            report = report.Replace("@media print {", "@media all {", StringComparison.Ordinal);
        }

        var dir = Directory.CreateTempSubdirectory("stepwise-html-");
        try
        {
            string page = Path.Combine(dir.FullName, "measure.html");
            File.WriteAllText(page, $$"""
                <!DOCTYPE html><html><head><style>body { margin: 0; } iframe { border: 0; display: block; }</style></head><body>
                <iframe id="report" width="{{width}}" height="{{height}}" srcdoc="{{WebUtility.HtmlEncode(report)}}"></iframe><pre id="result">pending</pre>
                <script>
                document.getElementById('report').addEventListener('load', () => {
                  const d = document.getElementById('report').contentDocument;
                  const view = d.documentElement.clientWidth;
                  const tables = [];
                  for (const t of d.querySelectorAll('table')) {
                    const r = t.getBoundingClientRect();
                    if (r.width === 0) continue;
                    const wrap = t.closest('.table-wrap');
                    tables.push({ caption: t.caption ? t.caption.textContent : '', left: r.left, right: r.right, scroll: wrap ? wrap.scrollWidth - wrap.clientWidth : 0, viewport: view });
                  }
                  document.getElementById('result').textContent = JSON.stringify({ page: d.documentElement.scrollWidth - view, tables });
                });
                </script></body></html>
                """);
            var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--window-size=1600,1000", "--virtual-time-budget=10000", $"--user-data-dir={Path.Combine(dir.FullName, "profile")}", "--dump-dom", new Uri(page).AbsoluteUri })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            string dom = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(120_000), "Chromium did not finish within two minutes");
            var match = ResultRegex().Match(dom);
            Assert.True(match.Success && match.Groups[1].Value != "pending", $"the page gave no measurement: {stderr.Result}");
            using var json = JsonDocument.Parse(WebUtility.HtmlDecode(match.Groups[1].Value));
            var tables = json.RootElement.GetProperty("tables").EnumerateArray().Select(t => new TableBox(
                t.GetProperty("caption").GetString() ?? string.Empty, t.GetProperty("left").GetDouble(), t.GetProperty("right").GetDouble(),
                t.GetProperty("scroll").GetDouble(), t.GetProperty("viewport").GetDouble())).ToList();
            return (tables, json.RootElement.GetProperty("page").GetDouble());
        }
        finally
        {
            dir.Delete(true);
        }
    }

    private static string Chromium()
    {
        foreach (var candidate in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        const string missing = "Chromium is not installed (test.sh installs Debian's chromium package); the HTML layout check needs it.";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail(missing);
        }

        Skip.If(true, missing);
        return string.Empty;
    }

    [GeneratedRegex("<meta http-equiv=\"Content-Security-Policy\"[^>]*>")]
    private static partial Regex CspRegex();

    [GeneratedRegex("<pre id=\"result\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ResultRegex();
}
