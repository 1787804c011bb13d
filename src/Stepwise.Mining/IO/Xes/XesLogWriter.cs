using System.Globalization;
using System.Text;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.Time;

namespace Stepwise.Mining.IO.Xes;

/// <summary>
/// Writes an <see cref="EventLog"/> as XES (IEEE 1849-2016): the log's declarations and attributes, each case as a
/// trace with its attributes, each event with concept:name, org:resource, time:timestamp and its attributes. An
/// instance with a start time is written as a start event and a complete event, as XES expects.
/// </summary>
internal static class XesLogWriter
{
    public static void Write(EventLog log, Stream output)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.Write("<log xes.version=\"1849-2016\" xes.features=\"nested-attributes\" xmlns=\"http://www.xes-standard.org/\">\n");
        var extensions = log.Metadata.Extensions.Count > 0 ? log.Metadata.Extensions : DefaultExtensions;
        foreach (var ext in extensions)
        {
            w.Write($"  <extension name=\"{Escape(ext.Name)}\" prefix=\"{Escape(ext.Prefix)}\" uri=\"{Escape(ext.Uri)}\"/>\n");
        }

        foreach (var scope in log.Metadata.Globals.GroupBy(g => g.Scope ?? "event"))
        {
            w.Write($"  <global scope=\"{Escape(scope.Key)}\">\n");
            foreach (var g in scope)
            {
                w.Write($"    <{TypeName(g.Kind)} key=\"{Escape(g.Key)}\" value=\"{Escape(g.Value)}\"/>\n");
            }

            w.Write("  </global>\n");
        }

        foreach (var c in log.Metadata.Classifiers)
        {
            string keys = string.Join(' ', c.Keys.Select(k => k.Contains(' ', StringComparison.Ordinal) ? "'" + k + "'" : k));
            w.Write($"  <classifier name=\"{Escape(c.Name)}\" keys=\"{Escape(keys)}\"/>\n");
        }

        foreach (var a in log.Metadata.Attributes)
        {
            w.Write($"  <{TypeName(a.Kind)} key=\"{Escape(a.Key)}\" value=\"{Escape(a.Value)}\"/>\n");
        }

        var eventAttributes = log.EventAttributes;
        bool activityFromAttribute = eventAttributes.Contains("concept:name");
        var lifecycle = eventAttributes.Find("lifecycle:transition");
        var starts = log.StartTimes;
        for (int c = 0; c < log.CaseCount; c++)
        {
            w.Write("  <trace>\n");
            w.Write($"    <string key=\"concept:name\" value=\"{Escape(log.CaseIds[c])}\"/>\n");
            foreach (var column in log.CaseAttributes)
            {
                WriteAttribute(w, column, c, "    ");
            }

            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                if (!starts.IsEmpty && starts[e] != Timestamp.None)
                {
                    WriteEvent(w, log, e, starts[e], "start", activityFromAttribute, lifecycle);
                }

                WriteEvent(w, log, e, log.Times[e], !starts.IsEmpty && starts[e] != Timestamp.None ? "complete" : null, activityFromAttribute, lifecycle);
            }

            w.Write("  </trace>\n");
        }

        w.Write("</log>\n");
    }

    private static void WriteEvent(StreamWriter w, EventLog log, int e, long time, string? transition, bool activityFromAttribute, AttributeColumn? lifecycle)
    {
        w.Write("    <event>\n");
        if (!activityFromAttribute)
        {
            w.Write($"      <string key=\"concept:name\" value=\"{Escape(log.ActivityNames[log.Activities[e]])}\"/>\n");
        }

        int r = log.Resources[e];
        if (r >= 0)
        {
            w.Write($"      <string key=\"org:resource\" value=\"{Escape(log.ResourceNames[r])}\"/>\n");
        }

        w.Write($"      <date key=\"time:timestamp\" value=\"{FormatDate(time)}\"/>\n");
        if (transition is not null && (lifecycle is null || transition == "start"))
        {
            w.Write($"      <string key=\"lifecycle:transition\" value=\"{transition}\"/>\n");
        }

        foreach (var column in log.EventAttributes)
        {
            if (transition == "start" && ReferenceEquals(column, lifecycle))
            {
                continue;
            }

            WriteAttribute(w, column, e, "      ");
        }

        w.Write("    </event>\n");
    }

    private static void WriteAttribute(StreamWriter w, AttributeColumn column, int row, string indent)
    {
        if (column.IsNull(row))
        {
            return;
        }

        string value = column.Kind == AttributeKind.Timestamp ? FormatDate(((TimestampColumn)column).Get(row)) : column.Format(row)!;
        w.Write($"{indent}<{TypeName(column.Kind)} key=\"{Escape(column.Name)}\" value=\"{Escape(value)}\"/>\n");
    }

    private static string FormatDate(long ticks)
    {
        var dt = Timestamp.ToDateTime(ticks);
        return ticks % TimeSpan.TicksPerSecond == 0
            ? dt.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture)
            : dt.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'+00:00'", CultureInfo.InvariantCulture);
    }

    private static string TypeName(AttributeKind kind) => kind switch
    {
        AttributeKind.Integer => "int",
        AttributeKind.Float => "float",
        AttributeKind.Boolean => "boolean",
        AttributeKind.Timestamp => "date",
        _ => "string",
    };

    /// <summary>Escapes text for an XML attribute value; line breaks and tabs become character references so they survive.</summary>
    internal static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny("<>&\"'\n\r\t") < 0)
        {
            return value;
        }

        var sb = new StringBuilder(value.Length + 16);
        foreach (char ch in value)
        {
            sb.Append(ch switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                '\'' => "&apos;",
                '\n' => "&#10;",
                '\r' => "&#13;",
                '\t' => "&#9;",
                _ => null,
            });
            if (ch is not ('<' or '>' or '&' or '"' or '\'' or '\n' or '\r' or '\t'))
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }

    private static readonly XesExtension[] DefaultExtensions =
    [
        new("Concept", "concept", "http://www.xes-standard.org/concept.xesext"),
        new("Time", "time", "http://www.xes-standard.org/time.xesext"),
        new("Organizational", "org", "http://www.xes-standard.org/org.xesext"),
        new("Lifecycle", "lifecycle", "http://www.xes-standard.org/lifecycle.xesext"),
    ];
}
