using System.Globalization;
using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace Stepwise.Mining.Tests.Reference;

/// <summary>One event as plain values, for the reference computations.</summary>
internal sealed record RefEvent(string Activity, DateTime Time, string? Resource, DateTime? Start = null);

/// <summary>
/// A log as a list of cases, each a list of events in time order: the straightforward representation the tests
/// compute reference answers from. Reading XES here uses System.Xml.Linq, independently of the engine's reader.
/// </summary>
internal sealed class ReferenceLog
{
    public ReferenceLog(List<(string CaseId, List<RefEvent> Events)> cases) => Cases = cases;

    public List<(string CaseId, List<RefEvent> Events)> Cases { get; }

    public int EventCount => Cases.Sum(c => c.Events.Count);

    public static ReferenceLog FromXes(string path)
    {
        using var file = File.OpenRead(path);
        Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit };
        using var reader = XmlReader.Create(stream, settings);
        var doc = XDocument.Load(reader);
        XNamespace ns = doc.Root!.Name.Namespace;
        var cases = new List<(string, List<RefEvent>)>();
        foreach (var trace in doc.Root.Elements(ns + "trace"))
        {
            string id = trace.Elements().FirstOrDefault(e => (string?)e.Attribute("key") == "concept:name")?.Attribute("value")?.Value ?? string.Empty;
            var events = new List<(RefEvent Event, int Order)>();
            int order = 0;
            foreach (var ev in trace.Elements(ns + "event"))
            {
                string? Value(string key) => ev.Elements().FirstOrDefault(e => (string?)e.Attribute("key") == key)?.Attribute("value")?.Value;
                var time = DateTimeOffset.Parse(Value("time:timestamp")!, CultureInfo.InvariantCulture).UtcDateTime;
                events.Add((new RefEvent(Value("concept:name")!, time, Value("org:resource")), order++));
            }

            cases.Add((id, events.OrderBy(e => e.Event.Time).ThenBy(e => e.Order).Select(e => e.Event).ToList()));
        }

        return new ReferenceLog(cases);
    }

    /// <summary>The same log read through the engine, as plain lists (for comparing representations).</summary>
    public static ReferenceLog FromEngine(EventLog log)
    {
        var cases = new List<(string, List<RefEvent>)>();
        for (int c = 0; c < log.CaseCount; c++)
        {
            var events = new List<RefEvent>();
            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                int r = log.Resources[e];
                long s = log.StartTime(e);
                events.Add(new RefEvent(log.ActivityNames[log.Activities[e]], new DateTime(log.Times[e], DateTimeKind.Utc), r < 0 ? null : log.ResourceNames[r], s == Time.Timestamp.None ? null : new DateTime(s, DateTimeKind.Utc)));
            }

            cases.Add((log.CaseIds[c], events));
        }

        return new ReferenceLog(cases);
    }

    /// <summary>Builds the same log with the engine's row-wise builder.</summary>
    public EventLog ToEngine()
    {
        var builder = new EventLogBuilder();
        foreach (var (id, events) in Cases)
        {
            foreach (var e in events)
            {
                builder.Add(id, e.Activity, new DateTimeOffset(e.Time, TimeSpan.Zero), e.Resource, e.Start is { } s ? new DateTimeOffset(s, TimeSpan.Zero) : null);
            }
        }

        return builder.Build();
    }
}
