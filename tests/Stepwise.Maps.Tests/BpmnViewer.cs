using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Stepwise.Testing;

namespace Stepwise.Maps.Tests;

/// <summary>
/// Imports BPMN files into the bpmn-js viewer (installed from npm into tests/bpmn-check by test.sh) in headless
/// Chromium (Debian's package, installed by test.sh) and returns what bpmn-js reports: whether the import succeeded
/// and its warnings. Without Chromium the tests that use it skip, and fail when the CI environment variable is set.
/// </summary>
internal static partial class BpmnViewer
{
    public static string Chromium()
    {
        foreach (var candidate in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        const string missing = "Chromium is not installed (test.sh installs Debian's chromium package); the bpmn-js import check needs it.";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail(missing);
        }

        Skip.If(true, missing);
        return string.Empty;
    }

    public static (bool Ok, string? Error, List<string> Warnings) Import(string xml)
    {
        string chromium = Chromium();
        string bundle = Path.Combine(SharedData.RepositoryRoot, "tests", "bpmn-check", "node_modules", "bpmn-js", "dist", "bpmn-viewer.production.min.js");
        Assert.True(File.Exists(bundle), $"bpmn-js is not installed: run 'npm ci --prefix tests/bpmn-check' (test.sh does this).");
        var dir = Directory.CreateTempSubdirectory("stepwise-bpmnjs-");
        try
        {
            string page = Path.Combine(dir.FullName, "view.html");
            File.WriteAllText(page, $$"""
                <!DOCTYPE html><html><body><div id="canvas" style="width:1600px;height:1000px"></div><pre id="result">pending</pre>
                <script src="{{new Uri(bundle).AbsoluteUri}}"></script>
                <script>
                const xml = {{JsonSerializer.Serialize(xml)}};
                const viewer = new BpmnJS({ container: '#canvas' });
                viewer.importXML(xml)
                  .then(r => { document.getElementById('result').textContent = JSON.stringify({ ok: true, warnings: r.warnings.map(w => w.message) }); })
                  .catch(e => { document.getElementById('result').textContent = JSON.stringify({ ok: false, error: String(e.message), warnings: (e.warnings || []).map(w => w.message) }); });
                </script></body></html>
                """);
            var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files", "--virtual-time-budget=20000", $"--user-data-dir={Path.Combine(dir.FullName, "profile")}", "--dump-dom", new Uri(page).AbsoluteUri })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            string dom = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(120_000), "Chromium did not finish within two minutes");
            var match = ResultRegex().Match(dom);
            Assert.True(match.Success, $"bpmn-js gave no result: {stderr.Result}");
            using var json = JsonDocument.Parse(WebUtility.HtmlDecode(match.Groups[1].Value));
            var root = json.RootElement;
            var warnings = root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString() ?? string.Empty).ToList();
            return (root.GetProperty("ok").GetBoolean(), root.TryGetProperty("error", out var error) ? error.GetString() : null, warnings);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [GeneratedRegex("<pre id=\"result\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ResultRegex();
}
