using Stepwise.Mining.Attributes;
using Stepwise.Mining.IO;
using Stepwise.Testing;

namespace Stepwise.Mining.Tests;

public class XesReaderTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private const string Typed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- a comment -->
        <log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">
          <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
          <global scope="event"><string key="concept:name" value="UNKNOWN"/></global>
          <classifier name="Activity with transition" keys="concept:name lifecycle:transition"/>
          <string key="source" value="test &amp; more"/>
          <trace>
            <string key="concept:name" value="c1"/>
            <int key="priority" value="2"/>
            <event>
              <string key="concept:name" value="Call"/>
              <string key="org:resource" value="Ann"/>
              <date key="time:timestamp" value="2020-01-01T09:00:00.000+01:00"/>
              <string key="lifecycle:transition" value="start"/>
              <float key="cost" value="1.5"/>
            </event>
            <event>
              <string key="concept:name" value="Call"/>
              <string key="org:resource" value="Ann"/>
              <date key="time:timestamp" value="2020-01-01T09:30:00.000+01:00"/>
              <string key="lifecycle:transition" value="complete"/>
              <float key="cost" value="2.5"/>
              <boolean key="urgent" value="true"/>
              <id key="ref" value="abc-1"/>
              <string key="note" value="line&#10;break &lt;b&gt;">
                <string key="lang" value="en"/>
              </string>
              <list key="tags"><values><string key="tag" value="x"/></values></list>
            </event>
          </trace>
        </log>
        """;

    [Fact]
    public void Read_EveryXesType_NestedAndListsFlattened_LifecyclePaired()
    {
        var import = EventLogFile.Read(_files.Write("t.xes", Typed));
        var log = import.Log;
        Assert.Equal(1, log.EventCount);
        Assert.Equal(1, import.Report.PairedLifecycles);
        Assert.Equal(new DateTime(2020, 1, 1, 8, 0, 0, DateTimeKind.Utc).Ticks, log.StartTimes[0]);
        Assert.Equal(new DateTime(2020, 1, 1, 8, 30, 0, DateTimeKind.Utc).Ticks, log.Times[0]);
        Assert.Equal("Ann", log.ResourceNames[log.Resources[0]]);
        Assert.Equal(2L, ((IntegerColumn)log.CaseAttributes["priority"]).Get(0));
        Assert.Equal(2.5, ((FloatColumn)log.EventAttributes["cost"]).Get(0));
        Assert.True(((BooleanColumn)log.EventAttributes["urgent"]).Get(0));
        Assert.Equal("abc-1", log.EventAttributes["ref"].Format(0));
        Assert.Equal("line\nbreak <b>", log.EventAttributes["note"].Format(0));
        Assert.Equal("en", log.EventAttributes["note/lang"].Format(0));
        Assert.Equal("x", log.EventAttributes["tags/tag"].Format(0));
        Assert.Equal("test & more", Assert.Single(log.Metadata.Attributes).Value);
        Assert.Equal(["concept:name", "lifecycle:transition"], Assert.Single(log.Metadata.Classifiers).Keys);
        Assert.Equal("event", Assert.Single(log.Metadata.Globals).Scope);
    }

    [Fact]
    public void Read_DeclaredClassifier_JoinsKeys()
    {
        var log = EventLogFile.Read(SharedData.PathOf("eventlogs/bpic2013_incidents.xes.gz"), new EventLogReadOptions { Xes = new XesLogOptions { Classifier = "Activity classifier" } }).Log;
        Assert.Equal(65533, log.EventCount);
        Assert.Contains("Accepted+In Progress", log.ActivityNames);
        Assert.Equal("Accepted", log.EventAttributes["concept:name"].Format(0)![..8]);
    }

    [Fact]
    public void RoundTrip_HelpdeskThroughXesAndCsv_KeepsEveryEventAndAttribute()
    {
        var original = EventLogFile.Read(SharedData.PathOf("eventlogs/helpdesk.xes.gz")).Log;
        string xes = _files.Path("h.xes.gz");
        EventLogFile.Write(original, xes);
        LogAssert.Equal(original, EventLogFile.Read(xes).Log);
        string csv = _files.Path("h.csv");
        EventLogFile.Write(original, csv);
        LogAssert.Equal(original, EventLogFile.Read(csv).Log);
    }

    [Fact]
    public void RoundTrip_TypedLogWithStartTimes_KeepsValuesTypesAndStarts()
    {
        var original = EventLogFile.Read(_files.Write("t.xes", Typed)).Log;
        string xes = _files.Path("again.xes");
        EventLogFile.Write(original, xes);
        LogAssert.Equal(original, EventLogFile.Read(xes).Log);
        string csv = _files.Path("again.csv");
        EventLogFile.Write(original, csv);
        var fromCsv = EventLogFile.Read(csv).Log;
        // CSV carries no types: values are kept, and inferred types match except the text identifier.
        LogAssert.Equal(original, fromCsv, compareAttributeKinds: false);
        Assert.Equal(AttributeKind.Float, fromCsv.EventAttributes["cost"].Kind);
    }

    [Fact]
    public void RoundTrip_Bpic2013_KeepsEveryEvent()
    {
        var original = EventLogFile.Read(SharedData.PathOf("eventlogs/bpic2013_incidents.xes.gz")).Log;
        string path = _files.Path("b.xes");
        EventLogFile.Write(original, path);
        LogAssert.Equal(original, EventLogFile.Read(path).Log);
    }
}
