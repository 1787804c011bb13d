using System.Globalization;
using System.Text;
using Stepwise.Mining.IO;

namespace Stepwise.Mining.Tests;

/// <summary>
/// The XES scanner reads a plainly written tag in one pass and hands anything else to its careful reading: tags
/// written in every way XML allows must read the same as plain ones, tags cut by the end of the buffer too, and
/// malformed tags must give their errors at the right line and column.
/// </summary>
public class XesScannerTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static string Log(string events) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <log xes.version="1849-2016">
          <trace>
            <string key="concept:name" value="c1"/>
        {events}
          </trace>
        </log>
        """;

    [Fact]
    public void Read_TagsWrittenUnusually_SameAsWrittenPlainly()
    {
        string plain = Log("""
                <event>
                  <string key="concept:name" value="Call"/>
                  <string key="org:resource" value="Ann"/>
                  <date key="time:timestamp" value="2020-01-01T09:00:00Z"/>
                  <string key="note" value="a&gt;b&lt;c"/>
                  <string key="quote" value="say &quot;hi&quot;"/>
                </event>
                <event>
                  <string key="concept:name" value="Mail"/>
                  <date key="time:timestamp" value="2020-01-01T10:00:00Z"/>
                  <string key="note" value="x"/>
                </event>
            """);
        string unusual = Log("""
                <event	>
                  <string key = "concept:name"	value=
                    'Call'/>
                  <string key='org:resource'value="Ann" />
                  <date key="time:timestamp" value="2020-01-01T09:00:00Z"></date>
                  <string key="note" value="a>b<c"/>
                  <string key="quote" value='say "hi"'/>
                </event >
                <x:event>
                  <x:string key="concept:name" value="Mail"/>
                  <date key="time:timestamp" value="2020-01-01T10:00:00Z"/>
                  <string key="note" value="x"></string
                  >
                </x:event>
            """);
        var a = EventLogFile.Read(_files.Write("plain.xes", plain)).Log;
        var b = EventLogFile.Read(_files.Write("unusual.xes", unusual)).Log;
        foreach (var log in new[] { a, b })
        {
            Assert.Equal(2, log.EventCount);
            Assert.Equal(["Call", "Mail"], Enumerable.Range(0, 2).Select(e => log.ActivityNames[log.Activities[e]]));
            Assert.Equal("Ann", log.ResourceNames[log.Resources[0]]);
            Assert.Equal(new DateTime(2020, 1, 1, 10, 0, 0, DateTimeKind.Utc).Ticks, log.Times[1]);
            Assert.Equal("a>b<c", log.EventAttributes["note"].Format(0));
            Assert.Equal("x", log.EventAttributes["note"].Format(1));
            Assert.Equal("say \"hi\"", log.EventAttributes["quote"].Format(0));
            Assert.Equal(["note", "quote"], log.EventAttributes.Select(c => c.Name).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Read_KeyAndValueBothWithEntities_EachDecoded()
    {
        string xes = Log("""
                <event>
                  <string key="concept:name" value="Call"/>
                  <date key="time:timestamp" value="2020-01-01T09:00:00Z"/>
                  <string key="cost&amp;fee" value="5&#x20AC; &lt;net&gt;"/>
                  <string key="caf&#233;" value="open"/>
                </event>
            """);
        var log = EventLogFile.Read(_files.Write("entities.xes", xes)).Log;
        Assert.Equal("5\u20AC <net>", log.EventAttributes["cost&fee"].Format(0));
        Assert.Equal("open", log.EventAttributes["caf\u00E9"].Format(0));
    }

    [Theory]
    [InlineData("<event a>", 8, "an attribute must be written name=\"value\".")]
    [InlineData("<event a =>", 11, "an attribute value must be in quotes.")]
    [InlineData("<event b c=\"1\">", 8, "an attribute must be written name=\"value\".")]
    [InlineData("<event a=1>", 10, "an attribute value must be in quotes.")]
    [InlineData("<event/ >", 7, "'/' inside a tag must be followed by '>'.")]
    [InlineData("<event a=\"1\" / >", 14, "'/' inside a tag must be followed by '>'.")]
    [InlineData("<event <a>", 8, "'<' inside a tag: the previous tag is not closed.")]
    [InlineData("< event>", 1, "a tag has no name.")]
    [InlineData("</trace>", 1, "</trace> does not match the open element <event>.")]
    public void Read_MalformedTag_ErrorAtItsLineAndColumn(string tag, int column, string message)
    {
        string xes = $"<log>\n<trace><string key=\"concept:name\" value=\"1\"/>\n<event>{tag}\n</event></trace></log>";
        var error = Assert.Throws<EventLogFormatException>(() => EventLogFile.Read(_files.Write("bad.xes", xes)));
        var issue = Assert.Single(error.Issues);
        Assert.Equal(3, issue.Line);
        Assert.Equal(column + "<event>".Length, issue.Column);
        Assert.EndsWith(message, issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GzippedLogOfManyBufferFills_EveryValueAsWritten()
    {
        // A compressed stream hands the scanner its bytes in pieces of varying size, so tags and values are cut at
        // many places by the end of what is buffered; values of growing length move the cuts around.
        var xes = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log>\n");
        const int Cases = 1000;
        const int EventsPerCase = 20;
        for (int c = 0; c < Cases; c++)
        {
            xes.Append(CultureInfo.InvariantCulture, $"  <trace>\n    <string key=\"concept:name\" value=\"case {c}\"/>\n");
            for (int e = 0; e < EventsPerCase; e++)
            {
                int n = c * EventsPerCase + e;
                xes.Append(CultureInfo.InvariantCulture, $"""
                        <event>
                          <string key="concept:name" value="step {e % 7}"/>
                          <date key="time:timestamp" value="2020-01-01T{e:00}:{c % 60:00}:00Z"/>
                          <string key="text" value="{new string('x', n % 97)}&amp;{n}"/>
                          <int key="n" value="{n}"/>
                        </event>

                    """);
            }

            xes.Append("  </trace>\n");
        }

        xes.Append("</log>\n");
        Assert.True(xes.Length > 3 << 20, "larger than the scanner's buffer several times over");
        var log = EventLogFile.Read(_files.WriteGzip("many.xes.gz", xes.ToString())).Log;
        Assert.Equal(Cases, log.CaseCount);
        Assert.Equal(Cases * EventsPerCase, log.EventCount);
        var text = log.EventAttributes["text"];
        var number = log.EventAttributes["n"];
        for (int i = 0; i < log.EventCount; i++)
        {
            long n = long.Parse(number.Format(i)!, CultureInfo.InvariantCulture);
            Assert.Equal(new string('x', (int)(n % 97)) + "&" + n.ToString(CultureInfo.InvariantCulture), text.Format(i));
            Assert.Equal("step " + (n % EventsPerCase % 7).ToString(CultureInfo.InvariantCulture), log.ActivityNames[log.Activities[i]]);
        }
    }

    [Fact]
    public void Read_EventsWithoutTimestampAcrossBufferFills_IssuesAtTheLinesOfTheirFirstAttributes()
    {
        // Long events, so that the buffer is refilled in the middle of many of them, after their first attribute
        // has been read (an issue is known only at the end of the event).
        var xes = new StringBuilder("<log>\n<trace>\n<string key=\"concept:name\" value=\"c\"/>\n");
        long line = 4;
        var expected = new List<long>();
        for (int e = 0; e < 3000; e++)
        {
            bool bad = e % 10 == 3;
            xes.Append("<event>\n");
            line++;
            if (bad)
            {
                expected.Add(line);
            }

            xes.Append(CultureInfo.InvariantCulture, $"<string key=\"concept:name\" value=\"A{e}\"/>\n");
            line++;
            if (!bad)
            {
                xes.Append("<date key=\"time:timestamp\" value=\"2020-01-01T00:00:00Z\"/>\n");
                line++;
            }

            xes.Append(CultureInfo.InvariantCulture, $"<string key=\"pad\" value=\"{new string('p', 1000 + e % 500)}\"/>\n</event>\n");
            line += 2;
        }

        xes.Append("</trace>\n</log>\n");
        Assert.True(xes.Length > 3 << 20, "larger than the scanner's buffer several times over");
        var import = EventLogFile.Read(_files.Write("gaps.xes", xes.ToString()), new EventLogReadOptions { BadRows = BadRowPolicy.Skip, MaxReportedIssues = 1000 });
        Assert.Equal(300, import.Report.SkippedRows);
        Assert.Equal(expected, import.Report.Issues.Select(i => i.Line!.Value));
        Assert.All(import.Report.Issues, i => Assert.Equal("the event has no time:timestamp.", i.Message));
    }
}
