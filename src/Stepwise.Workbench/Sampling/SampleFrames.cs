using Stepwise.Mining;
using Stepwise.Mining.IO;
using Stepwise.Statistics.Sampling;
using Stepwise.Statistics.Tabular;

namespace Stepwise.Workbench.Sampling;

/// <summary>
/// Builds sampling frames for <c>stepwise sample</c>: from a CSV of units (one row per case or customer), or from an
/// event log, whose cases are the units, with their case attributes, the value of each event attribute on the
/// case's first event, and their variant (ranked by frequency: <c>V1</c> is the most common path).
/// </summary>
public static class SampleFrames
{
    /// <summary>Reads a frame from a CSV of units, or from an event log when <paramref name="isLog"/> is set.</summary>
    public static SamplingFrame Read(string path, string? idColumn, bool isLog, DelimitedTextOptions? text = null)
    {
        if (isLog)
        {
            return FromLog(EventLogFile.Read(path, new EventLogReadOptions { MaxRows = text?.MaxRows }).Log);
        }

        return SamplingFrame.FromTable(DelimitedTextReader.Read(path, text), idColumn);
    }

    /// <summary>A frame of the cases of <paramref name="log"/>.</summary>
    public static SamplingFrame FromLog(EventLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        int cases = log.CaseCount;
        var attributes = new List<FrameAttribute>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in log.CaseAttributes)
        {
            var values = new string?[cases];
            for (int c = 0; c < cases; c++)
            {
                values[c] = column.IsNull(c) ? null : column.Format(c);
            }

            attributes.Add(FrameAttribute.FromValues(column.Name, values));
            names.Add(column.Name);
        }

        foreach (var column in log.EventAttributes)
        {
            if (names.Contains(column.Name))
            {
                continue;
            }

            var values = new string?[cases];
            for (int c = 0; c < cases; c++)
            {
                int first = log.CaseStart(c);
                values[c] = log.CaseLength(c) == 0 || column.IsNull(first) ? null : column.Format(first);
            }

            attributes.Add(FrameAttribute.FromValues(column.Name, values));
            names.Add(column.Name);
        }

        if (log.ResourceNames.Count > 0 && !names.Contains("resource"))
        {
            var values = new string?[cases];
            for (int c = 0; c < cases; c++)
            {
                int resource = log.CaseLength(c) == 0 ? -1 : log.Resources[log.CaseStart(c)];
                values[c] = resource < 0 ? null : log.ResourceNames[resource];
            }

            attributes.Add(FrameAttribute.FromValues("resource", values));
            names.Add("resource");
        }

        attributes.Add(FrameAttribute.FromValues(names.Contains("variant") ? "path_variant" : "variant", Variants(log)));
        return new SamplingFrame(log.CaseIds, attributes);
    }

    private static string?[] Variants(EventLog log)
    {
        var keys = new string[log.CaseCount];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < log.CaseCount; c++)
        {
            keys[c] = string.Join('\u001f', log.CaseActivities(c).ToArray());
            counts[keys[c]] = counts.GetValueOrDefault(keys[c]) + 1;
        }

        var rank = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select((kv, i) => (kv.Key, Label: "V" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToDictionary(x => x.Key, x => x.Label, StringComparer.Ordinal);
        return [.. keys.Select(k => rank[k])];
    }
}
