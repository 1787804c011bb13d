using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.IO;
using Stepwise.Mining.IO.Xes;
using Stepwise.Testing;

namespace Stepwise.Mining.Tests;

/// <summary>
/// A large XES file is read in parts on several cores; the result must be exactly what one scanner reads (same
/// cases in the same order, events, names and their numbering, attributes, report and errors). Parts are forced small
/// here so that small files are cut into many.
/// </summary>
public class XesPartsTests : IDisposable
{
    private static readonly XesParallelism ManyParts = new(MinBytes: 0, MinPartBytes: 1, PartsPerCore: 6, Cores: 2);

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("eventlogs/helpdesk.xes.gz", "concept:name org:resource", 4580, 21348)]
    [InlineData("eventlogs/bpic2013_incidents.xes.gz", "Activity classifier", 7554, 65533)]
    public void RealLogs_InParts_SameAsOneScanner(string dataset, string classifier, int cases, int events)
    {
        string path = Decompressed(dataset);
        foreach (var options in new[]
        {
            EventLogReadOptions.Default,
            new EventLogReadOptions { Lifecycle = LifecycleHandling.Classifier },
            new EventLogReadOptions { Xes = new XesLogOptions { Classifier = classifier } },
        })
        {
            var (serial, parallel, parts) = ReadBoth(path, options, ManyParts);
            Assert.True(parts >= 8, $"read in {parts} parts");
            Same(serial, parallel);
        }

        // The counts the dataset's publisher gives.
        var (_, import, _) = ReadBoth(path, EventLogReadOptions.Default, ManyParts);
        Assert.Equal(cases, import.Log.CaseCount);
        Assert.Equal(events, import.Report.RowsRead);
    }

    [Fact]
    public void RunningExample_InParts_SameAsOneScanner()
    {
        string path = _files.WriteBytes("running-example.xes", File.ReadAllBytes(SharedData.PathOf("eventlogs/running-example.xes")));
        var (serial, parallel, parts) = ReadBoth(path, EventLogReadOptions.Default, ManyParts);
        Assert.True(parts > 2, $"read in {parts} parts");
        Assert.Equal(6, parallel.Log.CaseCount);
        Same(serial, parallel);
    }

    [Fact]
    public void SmallFile_ByDefault_ReadByOneScanner()
    {
        string path = _files.WriteBytes("running-example.xes", File.ReadAllBytes(SharedData.PathOf("eventlogs/running-example.xes")));
        var (serial, parallel, parts) = ReadBoth(path, EventLogReadOptions.Default, XesParallelism.Default);
        Assert.Equal(1, parts);
        Same(serial, parallel);
    }

    [Fact]
    public void Generated_CommentsCdataEntitiesNestingAndTraceText_SameAsOneScanner()
    {
        var log = Generated(traces: 600, seed: 1, tricky: true);
        string path = _files.Write("tricky.xes", log.Xes);
        var (serial, parallel, parts) = ReadBoth(path, EventLogReadOptions.Default, ManyParts);
        Assert.True(parts > 4, $"read in {parts} parts");
        Same(serial, parallel);

        // Against what was generated, independently of either reader.
        Assert.Equal(log.Cases, parallel.Log.CaseCount);
        Assert.Equal(log.Events, parallel.Report.RowsRead);
        Assert.Equal(log.Events / 2, parallel.Log.EventCount);
        Assert.Equal("a <trace> & \"b\" \u00e9", parallel.Log.EventAttributes["note"].Format(0));
        Assert.Contains($"{log.Merged} traces repeat a case id", string.Join(" ", parallel.Report.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_WithBomAndPrefixedRoot_SameAsOneScanner()
    {
        string xes = Generated(traces: 300, seed: 2, tricky: false).Xes.Replace("<log ", "<x:log xmlns:x=\"http://www.xes-standard.org/\" ", StringComparison.Ordinal).Replace("</log>", "</x:log>", StringComparison.Ordinal);
        string path = _files.WriteBytes("bom.xes", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(xes)]);
        var (serial, parallel, parts) = ReadBoth(path, EventLogReadOptions.Default, ManyParts);
        Assert.True(parts > 4, $"read in {parts} parts");
        Same(serial, parallel);
    }

    [Theory]
    [InlineData("unnamed")]
    [InlineData("declaration between traces")]
    [InlineData("text and number in one column")]
    [InlineData("key given twice")]
    public void Generated_WhatOnlyOneScannerGetsRight_SameResult(string twist)
    {
        string xes = Generated(traces: 300, seed: 3, tricky: false).Xes;
        int middle = xes.IndexOf("<trace>", xes.Length / 2, StringComparison.Ordinal);
        xes = twist switch
        {
            "unnamed" => xes.Insert(middle, "<trace><event><string key=\"concept:name\" value=\"X\"/><date key=\"time:timestamp\" value=\"2021-01-01T00:00:00Z\"/></event></trace>\n"),
            "declaration between traces" => xes.Insert(middle, "<string key=\"late\" value=\"declared late\"/>\n"),
            "text and number in one column" => xes.Insert(middle, "<trace><string key=\"concept:name\" value=\"mixed\"/><event><string key=\"concept:name\" value=\"X\"/><string key=\"amount\" value=\"n/a\"/><date key=\"time:timestamp\" value=\"2021-01-01T00:00:00Z\"/></event></trace>\n"),
            _ => xes.Insert(middle, "<trace><string key=\"concept:name\" value=\"twice\"/><event><string key=\"concept:name\" value=\"X\"/><string key=\"note\" value=\"first\"/><string key=\"note\" value=\"second\"/><date key=\"time:timestamp\" value=\"2021-01-01T00:00:00Z\"/></event></trace>\n"),
        };
        string path = _files.Write("twist.xes", xes);
        var (serial, parallel, _) = ReadBoth(path, EventLogReadOptions.Default, ManyParts);
        Same(serial, parallel);
    }

    [Theory]
    [InlineData("mismatched end tag")]
    [InlineData("unclosed comment")]
    [InlineData("raw <trace in an attribute value")]
    [InlineData("undefined entity")]
    [InlineData("bad timestamp")]
    [InlineData("truncated")]
    [InlineData("content after the end")]
    [InlineData("invalid UTF-8")]
    public void BadInputInTheMiddle_SameErrorWithSameLineAndColumn(string fault)
    {
        string xes = Generated(traces: 400, seed: 4, tricky: true).Xes;
        int at = xes.IndexOf("<event>", (xes.Length * 3) / 5, StringComparison.Ordinal);
        byte[] bytes = Encoding.UTF8.GetBytes(fault switch
        {
            "mismatched end tag" => xes.Insert(at, "<event><string key=\"concept:name\" value=\"X\"/></trace>"),
            "unclosed comment" => xes.Insert(at, "<!-- never closed <trace> "),
            "raw <trace in an attribute value" => xes.Insert(at, "<event><string key=\"note\" value=\"a <trace> b\"/></event>"),
            "undefined entity" => xes.Insert(at, "<event><string key=\"note\" value=\"&nbsp;\"/></event>"),
            "bad timestamp" => xes.Insert(at, "<event><string key=\"concept:name\" value=\"X\"/><date key=\"time:timestamp\" value=\"yesterday\"/></event>"),
            "truncated" => xes[..at],
            "content after the end" => xes + "<trace/>",
            _ => "@",
        });
        if (fault == "invalid UTF-8")
        {
            bytes = Encoding.UTF8.GetBytes(xes);
            bytes[Encoding.UTF8.GetByteCount(xes[..(at + 30)])] = 0xFF;
        }

        string path = _files.WriteBytes("bad.xes", bytes);
        var serial = Assert.Throws<EventLogFormatException>(() => Read(path, EventLogReadOptions.Default, XesParallelism.Serial, out _));
        var parallel = Assert.Throws<EventLogFormatException>(() => Read(path, EventLogReadOptions.Default, ManyParts, out _));
        Assert.Equal(serial.Message, parallel.Message);
        Assert.Equal(Describe(serial.Issues), Describe(parallel.Issues));
        Assert.NotNull(serial.Issues[0].Line);
        Assert.True(serial.Issues[0].Line > 100, $"the fault is deep in the file, at line {serial.Issues[0].Line}");
    }

    [Fact]
    public void BadRowsSkipped_SameIssuesWithTheirLines()
    {
        string xes = Generated(traces: 400, seed: 5, tricky: false).Xes;
        int at = xes.IndexOf("<event>", (xes.Length * 3) / 5, StringComparison.Ordinal);
        xes = xes.Insert(at, "<event><string key=\"concept:name\" value=\"X\"/><date key=\"time:timestamp\" value=\"yesterday\"/></event>");
        string path = _files.Write("skip.xes", xes);
        var options = new EventLogReadOptions { BadRows = BadRowPolicy.Skip };
        var (serial, parallel, parts) = ReadBoth(path, options, ManyParts);
        Assert.True(parts > 4, $"read in {parts} parts");
        Same(serial, parallel);
        Assert.Equal(1, parallel.Report.SkippedRows);
        Assert.Equal(Describe(serial.Report.Issues), Describe(parallel.Report.Issues));
    }

    [Theory]
    [InlineData(BadRowPolicy.Skip)]
    [InlineData(BadRowPolicy.Reject)]
    public void ManyBadRows_TracesOnOneLine_SameIssuesLinesAndColumns(BadRowPolicy policy)
    {
        // Each trace on one line, so that parts begin mid-line and issues fall on a part's first line.
        string xes = Generated(traces: 400, seed: 10, tricky: false).Xes.Replace("\n    <", "<", StringComparison.Ordinal).Replace("\n      <", "<", StringComparison.Ordinal);
        int seen = 0;
        xes = System.Text.RegularExpressions.Regex.Replace(xes, "value=\"2021-0", m => ++seen % 3 == 0 ? "value=\"2021-13" : m.Value);
        string path = _files.Write("bad-rows.xes", xes);
        var options = new EventLogReadOptions { BadRows = policy, MaxReportedIssues = policy == BadRowPolicy.Skip ? 100_000 : 25 };
        if (policy == BadRowPolicy.Skip)
        {
            var (serial, parallel, parts) = ReadBoth(path, options, ManyParts);
            Assert.True(parts > 4, $"read in {parts} parts");
            Same(serial, parallel);
            Assert.Equal(seen / 3, parallel.Report.SkippedRows);
            Assert.Equal(seen / 3, parallel.Report.Issues.Count);
            Assert.Equal(Describe(serial.Report.Issues), Describe(parallel.Report.Issues));
        }
        else
        {
            var serial = Assert.Throws<EventLogFormatException>(() => Read(path, options, XesParallelism.Serial, out _));
            var parallel = Assert.Throws<EventLogFormatException>(() => Read(path, options, ManyParts, out _));
            Assert.Equal(serial.Message, parallel.Message);
            Assert.Equal(serial.TotalIssues, parallel.TotalIssues);
            Assert.Equal(Describe(serial.Issues), Describe(parallel.Issues));
        }
    }

    [Fact]
    public void TooManyEvents_SameErrorAsOneScanner()
    {
        string path = _files.Write("rows.xes", Generated(traces: 300, seed: 6, tricky: false).Xes);
        var options = new EventLogReadOptions { MaxRows = 500 };
        var serial = Assert.Throws<EventLogFormatException>(() => Read(path, options, XesParallelism.Serial, out _));
        var parallel = Assert.Throws<EventLogFormatException>(() => Read(path, options, ManyParts, out _));
        Assert.Equal(serial.Message, parallel.Message);
    }

    [Fact]
    public void DocumentType_RefusedAsBefore()
    {
        string xes = Generated(traces: 100, seed: 7, tricky: false).Xes.Replace("<log ", "<!DOCTYPE log [<!ENTITY x \"y\">]>\n<log ", StringComparison.Ordinal);
        string path = _files.Write("dtd.xes", xes);
        var parallel = Assert.Throws<EventLogFormatException>(() => Read(path, EventLogReadOptions.Default, ManyParts, out _));
        Assert.Contains("DTD", parallel.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gzip_ReadByOneScanner_AndHeldToItsExpansionLimit()
    {
        var log = Generated(traces: 300, seed: 8, tricky: false);
        string xes = log.Xes;
        string path = _files.WriteGzip("log.xes.gz", xes);
        var options = EventLogReadOptions.Default;
        using (var compressed = InputFile.OpenStream(path, options, null, out var fraction))
        {
            var import = XesLogReader.Read(compressed, "log.xes.gz", options, fraction, null, default, ManyParts, out int parts);
            Assert.Equal(1, parts);
            Assert.Equal(log.Cases, import.Log.CaseCount);
        }

        // Through the public entry point: the same as one scanner reading the inflated stream in place.
        using (var inPlace = InputFile.OpenStream(path, options, null, out var fraction))
        {
            Same(XesLogReader.Read(inPlace, "log.xes.gz", options, fraction, null, default, XesParallelism.Serial, out _), EventLogFile.Read(path));
        }

        var limited = new EventLogReadOptions { MaxExpandedBytes = xes.Length / 2 };
        var error = Assert.Throws<EventLogFormatException>(() => EventLogFile.Read(path, limited));
        Assert.Contains("log.xes.gz", error.Message, StringComparison.Ordinal);
        Assert.Contains("--max-expanded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancelled_StopsWithoutAResult()
    {
        string path = _files.Write("cancel.xes", Generated(traces: 3000, seed: 9, tricky: false).Xes);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read);
        Assert.ThrowsAny<OperationCanceledException>(() => XesLogReader.Read(stream, "cancel.xes", EventLogReadOptions.Default, null, null, cancel.Token, ManyParts, out _));
    }

    private static EventLogImport Read(string path, EventLogReadOptions options, XesParallelism parallelism, out int parts)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return XesLogReader.Read(stream, Path.GetFileName(path), options, () => 0, null, default, parallelism, out parts);
    }

    private static (EventLogImport Serial, EventLogImport Parallel, int Parts) ReadBoth(string path, EventLogReadOptions options, XesParallelism parallelism)
    {
        var serial = Read(path, options, XesParallelism.Serial, out int one);
        Assert.Equal(1, one);
        var parallel = Read(path, options, parallelism, out int parts);
        return (serial, parallel, parts);
    }

    private string Decompressed(string dataset)
    {
        string path = _files.Path(Path.GetFileNameWithoutExtension(dataset));
        using var input = new GZipStream(File.OpenRead(SharedData.PathOf(dataset)), CompressionMode.Decompress);
        using var output = File.Create(path);
        input.CopyTo(output);
        return path;
    }

    private static string Describe(IEnumerable<ImportIssue> issues) => string.Join("\n", issues.Select(i => $"{i.Line}:{i.Column} {i.Field} {i.Message}"));

    /// <summary>Everything a reader produces, compared exactly: the log's arrays and name tables in their numbering,
    /// every attribute column with its kind and distinct values, the metadata and the report.</summary>
    private static void Same(EventLogImport expected, EventLogImport actual)
    {
        var e = expected.Log;
        var a = actual.Log;
        Assert.Equal(e.CaseIds, a.CaseIds);
        Assert.Equal(e.CaseOffsets.ToArray(), a.CaseOffsets.ToArray());
        Assert.Equal(e.ActivityNames.ToArray(), a.ActivityNames.ToArray());
        Assert.Equal(e.ResourceNames.ToArray(), a.ResourceNames.ToArray());
        Assert.Equal(e.Activities.ToArray(), a.Activities.ToArray());
        Assert.Equal(e.Resources.ToArray(), a.Resources.ToArray());
        Assert.Equal(e.Times.ToArray(), a.Times.ToArray());
        Assert.Equal(e.HasStartTimes, a.HasStartTimes);
        Assert.Equal(e.StartTimes.ToArray(), a.StartTimes.ToArray());
        SameColumns(e.CaseAttributes, a.CaseAttributes);
        SameColumns(e.EventAttributes, a.EventAttributes);
        Assert.Equal(Json(e.Metadata), Json(a.Metadata));
        Assert.Equal(Json(expected.Report with { Phases = [] }), Json(actual.Report with { Phases = [] }));
    }

    private static void SameColumns(AttributeTable expected, AttributeTable actual)
    {
        Assert.Equal(expected.Select(c => c.Name), actual.Select(c => c.Name));
        foreach (var column in expected)
        {
            var other = actual[column.Name];
            Assert.Equal(column.Kind, other.Kind);
            Assert.Equal(column.Count, other.Count);
            if (column is StringColumn text)
            {
                Assert.Equal(text.Values.ToArray(), ((StringColumn)other).Values.ToArray());
                Assert.Equal(text.Codes.ToArray(), ((StringColumn)other).Codes.ToArray());
                continue;
            }

            for (int i = 0; i < column.Count; i++)
            {
                Assert.True(column.Format(i) == other.Format(i), $"{column.Name}[{i}]: expected '{column.Format(i)}', got '{other.Format(i)}'");
            }
        }
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);

    /// <summary>
    /// A seeded XES log of <paramref name="traces"/> traces: every third trace repeats the id of an earlier one (so
    /// one in three is merged into that case), one in twenty has no events, events carry
    /// start/complete transitions, whole and fractional numbers in one column, dates, booleans, ids and nested
    /// attributes (returned with the number of distinct case ids among traces with events, of events, and of traces
    /// that repeat such an id); with <paramref name="tricky"/>, also comments and CDATA holding <c>&lt;trace&gt;</c> text,
    /// entities and character references in values, processing instructions and spaces inside tags.
    /// </summary>
    private static (string Xes, int Cases, int Events, int Merged) Generated(int traces, int seed, bool tricky)
    {
        var cases = new HashSet<string>(StringComparer.Ordinal);
        int merged = 0;
        int total = 0;
        var random = new Random(seed);
        var xes = new StringBuilder();
        xes.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        if (tricky)
        {
            xes.Append("<!-- header comment with <trace> and <log> inside -->\n");
        }

        xes.Append("<log xes.version=\"1849-2016\" xmlns=\"http://www.xes-standard.org/\">\n");
        xes.Append("  <extension name=\"Concept\" prefix=\"concept\" uri=\"http://www.xes-standard.org/concept.xesext\"/>\n");
        xes.Append("  <global scope=\"event\"><string key=\"concept:name\" value=\"UNKNOWN\"/></global>\n");
        xes.Append("  <classifier name=\"Activity classifier\" keys=\"concept:name lifecycle:transition\"/>\n");
        xes.Append("  <string key=\"source\" value=\"generated &amp; seeded\"/>\n");
        var start = new DateTime(2021, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        string[] steps = ["Open", "Triage", "Call back", "Resolve", "Close"];
        for (int t = 0; t < traces; t++)
        {
            bool repeat = t % 3 == 2;
            bool empty = !repeat && t % 20 == 0;
            string id = repeat ? "case " + random.Next(0, t / 3 + 1).ToString(CultureInfo.InvariantCulture) : "case " + (t - (t / 3)).ToString(CultureInfo.InvariantCulture);
            if (tricky && t % 7 == 3)
            {
                xes.Append("  <!-- <trace><string key=\"concept:name\" value=\"ghost\"/></trace> -->\n");
            }

            if (tricky && t % 11 == 5)
            {
                xes.Append("  <![CDATA[ <trace> not a trace ]]>\n  <?pi <trace> ?>\n");
            }

            xes.Append(tricky && t % 5 == 1 ? "  <trace\n    >\n" : "  <trace>\n");
            xes.Append(CultureInfo.InvariantCulture, $"    <string key=\"concept:name\" value=\"{id}\"/>\n");
            if (!repeat)
            {
                xes.Append(CultureInfo.InvariantCulture, $"    <int key=\"priority\" value=\"{random.Next(1, 5)}\"/>\n");
                xes.Append(CultureInfo.InvariantCulture, $"    <string key=\"channel\" value=\"{(random.Next(2) == 0 ? "phone" : "mail")}\"><string key=\"detail\" value=\"d{random.Next(3)}\"/></string>\n");
            }

            int events = empty ? 0 : random.Next(1, 6);
            total += 2 * events;
            if (events > 0 && !cases.Add(id))
            {
                merged++;
            }

            var time = start.AddHours(t).AddMinutes(random.Next(60));
            for (int e = 0; e < events; e++)
            {
                string step = steps[random.Next(steps.Length)];
                foreach (string transition in new[] { "start", "complete" })
                {
                    xes.Append("    <event>\n");
                    xes.Append(CultureInfo.InvariantCulture, $"      <string key=\"concept:name\" value=\"{step}\"/>\n");
                    xes.Append(CultureInfo.InvariantCulture, $"      <string key=\"org:resource\" value=\"agent {random.Next(12)}\"/>\n");
                    xes.Append(CultureInfo.InvariantCulture, $"      <date key=\"time:timestamp\" value=\"{time:yyyy-MM-ddTHH:mm:ss.fff}+01:00\"/>\n");
                    xes.Append(CultureInfo.InvariantCulture, $"      <string key=\"lifecycle:transition\" value=\"{transition}\"/>\n");
                    xes.Append(random.Next(2) == 0
                        ? string.Create(CultureInfo.InvariantCulture, $"      <int key=\"amount\" value=\"{random.Next(100)}\"/>\n")
                        : string.Create(CultureInfo.InvariantCulture, $"      <float key=\"amount\" value=\"{random.Next(1000) / 10.0}\"/>\n"));
                    if (random.Next(4) == 0)
                    {
                        xes.Append(CultureInfo.InvariantCulture, $"      <boolean key=\"urgent\" value=\"{(random.Next(2) == 0 ? "true" : "false")}\"/>\n");
                        xes.Append(CultureInfo.InvariantCulture, $"      <id key=\"ref\" value=\"r-{random.Next(50)}\"/>\n");
                    }

                    if (tricky)
                    {
                        xes.Append("      <string key=\"note\" value=\"a &lt;trace&gt; &amp; &quot;b&quot;&#x20;&#233;\"><string key=\"lang\" value=\"fr\"/></string>\n");
                        xes.Append("      <list key=\"tags\"><values><string key=\"tag\" value=\"t&#49;\"/></values></list>\n");
                    }

                    xes.Append("    </event>\n");
                    time = time.AddMinutes(random.Next(1, 90));
                }
            }

            xes.Append("  </trace>\n");
        }

        xes.Append("</log>\n");
        if (tricky)
        {
            xes.Append("<!-- trailing comment <trace> -->\n");
        }

        return (xes.ToString(), cases.Count, total, merged);
    }
}
