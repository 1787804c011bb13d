using Stepwise.Mining.IO;

namespace Stepwise.Mining.Tests;

/// <summary>
/// An XES attribute is read from the first attributes named <c>key</c> and <c>value</c> of its tag, wherever they
/// stand among others, however the tag is written.
/// </summary>
public sealed class XesKeyValueTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void KeyAndValue_InAnyOrderAmongOtherAttributes_Read()
    {
        string xes = """
            <log>
              <trace><string value="c1" key="concept:name"/>
                <event>
                  <string value="Call" key="concept:name"/>
                  <string keys="x" key="org:resource" values="y" value="Ann" v="z"/>
                  <date value="2020-01-01T09:00:00+01:00" id="1" key="time:timestamp"/>
                  <string k="1" key="note" value="first" value="second" key="other"/>
                  <string valuable="no" key="quiet"/>
                </event>
              </trace>
            </log>
            """;
        var import = EventLogFile.Read(_files.Write("order.xes", xes));
        var log = import.Log;
        Assert.Equal("c1", log.CaseIds[0]);
        Assert.Equal("Call", log.ActivityNames[log.Activities[0]]);
        Assert.Equal("Ann", log.ResourceNames[log.Resources[0]]);
        Assert.Equal(new DateTime(2020, 1, 1, 8, 0, 0, DateTimeKind.Utc).Ticks, log.Times[0]);
        Assert.Equal("first", log.EventAttributes["note"].Format(0));
        Assert.DoesNotContain(log.EventAttributes, c => c.Name is "other" or "quiet");
    }

    [Fact]
    public void KeyAndValue_TagCutByManyBufferEnds_ReadAsWritten()
    {
        // Values long enough that tags straddle the scanner's buffer boundaries, which are read the careful way.
        string note = new('n', 70_000);
        var events = string.Concat(Enumerable.Range(0, 40).Select(i => $"""
                <event>
                  <string value="{note}{i}" k="{i}" key="note"/>
                  <string value="A{i % 3}" key="concept:name"/>
                  <date key="time:timestamp" value="2020-01-01T09:{i:00}:00Z"/>
                </event>
            """));
        string xes = $"<log><trace><string key=\"concept:name\" value=\"c\"/>{events}</trace></log>";
        var log = EventLogFile.Read(_files.Write("cut.xes", xes)).Log;
        Assert.Equal(40, log.EventCount);
        for (int e = 0; e < 40; e++)
        {
            Assert.Equal("A" + (e % 3), log.ActivityNames[log.Activities[e]]);
            Assert.Equal(note + e, log.EventAttributes["note"].Format(e));
        }
    }
}
