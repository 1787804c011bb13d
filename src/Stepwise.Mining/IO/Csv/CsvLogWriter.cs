using System.Text;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.Time;

namespace Stepwise.Mining.IO.Csv;

/// <summary>
/// Writes an <see cref="EventLog"/> as delimited text, one row per event: <c>case:concept:name</c>,
/// <c>concept:name</c>, <c>time:timestamp</c> (ISO-8601 UTC), <c>start_timestamp</c> when the log has start times,
/// <c>org:resource</c>, then case attributes as <c>case:NAME</c> and event attributes by name. The reader maps
/// these names back, so a written log reads back with every event and attribute.
/// </summary>
internal static class CsvLogWriter
{
    public static void Write(EventLog log, Stream output, char delimiter)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in log.EventAttributes)
        {
            used.Add(column.Name);
        }

        foreach (var column in log.CaseAttributes)
        {
            used.Add("case:" + column.Name);
        }

        string Unique(string name)
        {
            while (used.Contains(name))
            {
                name += "_";
            }

            used.Add(name);
            return name;
        }

        var header = new List<string> { Unique("case:concept:name"), Unique("concept:name"), Unique("time:timestamp") };
        if (log.HasStartTimes)
        {
            header.Add(Unique("start_timestamp"));
        }

        header.Add(Unique("org:resource"));
        header.AddRange(log.CaseAttributes.Select(c => "case:" + c.Name));
        header.AddRange(log.EventAttributes.Select(c => c.Name));
        w.Write(string.Join(delimiter, header.Select(h => Quote(h, delimiter))));
        w.Write('\n');
        var starts = log.StartTimes;
        for (int c = 0; c < log.CaseCount; c++)
        {
            string caseId = Quote(log.CaseIds[c], delimiter);
            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                w.Write(caseId);
                w.Write(delimiter);
                w.Write(Quote(log.ActivityNames[log.Activities[e]], delimiter));
                w.Write(delimiter);
                w.Write(Timestamp.Format(log.Times[e]));
                if (log.HasStartTimes)
                {
                    w.Write(delimiter);
                    w.Write(starts[e] == Timestamp.None ? string.Empty : Timestamp.Format(starts[e]));
                }

                w.Write(delimiter);
                int r = log.Resources[e];
                w.Write(r < 0 ? string.Empty : Quote(log.ResourceNames[r], delimiter));
                foreach (var column in log.CaseAttributes)
                {
                    w.Write(delimiter);
                    w.Write(Quote(column.Format(c), delimiter));
                }

                foreach (var column in log.EventAttributes)
                {
                    w.Write(delimiter);
                    w.Write(Quote(column.Format(e), delimiter));
                }

                w.Write('\n');
            }
        }
    }

    /// <summary>Quotes a field when it holds the delimiter, a quote, a line break, surrounding spaces, or would
    /// read back as a missing value; null is written as an empty field.</summary>
    internal static string Quote(string? value, char delimiter)
    {
        if (value is null)
        {
            return string.Empty;
        }

        bool needs = value.Length == 0 || value.Contains(delimiter, StringComparison.Ordinal) || value.AsSpan().IndexOfAny("\"\r\n") >= 0
            || value[0] == ' ' || value[^1] == ' ' || CsvLogReader.IsDefaultMissingMarker(value);
        return needs ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
