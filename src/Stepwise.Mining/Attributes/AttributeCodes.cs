namespace Stepwise.Mining.Attributes;

/// <summary>
/// Any attribute as dense integer codes, for grouping: per event (a hand-over between teams, a swimlane) or per case
/// (a stratum, a segment). The names <c>org:resource</c> and <c>resource</c> mean the event's resource; a case
/// attribute gives every event of the case its value; an event attribute gives a case the value of its first event
/// that has one. Non-text values are grouped by their text form. Null (-1) where there is no value.
/// </summary>
public static class AttributeCodes
{
    /// <summary>Codes of <paramref name="attribute"/> for every event of <paramref name="log"/>.</summary>
    /// <exception cref="ArgumentException">The log has no such attribute.</exception>
    public static (int[] Codes, NameTable Values) ForEvents(EventLog log, string attribute)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (IsResource(attribute))
        {
            return (log.Resources.ToArray(), log.ResourceNames);
        }

        if (string.Equals(attribute, "concept:name", StringComparison.Ordinal) || string.Equals(attribute, "activity", StringComparison.OrdinalIgnoreCase))
        {
            return (log.Activities.ToArray(), log.ActivityNames);
        }

        var column = log.FindAttribute(attribute, out bool isCase) ?? throw Missing(log, attribute);
        var (codes, values) = Encode(column);
        if (!isCase)
        {
            return (codes, values);
        }

        var perEvent = new int[log.EventCount];
        for (int c = 0; c < log.CaseCount; c++)
        {
            perEvent.AsSpan(log.CaseStart(c), log.CaseLength(c)).Fill(codes[c]);
        }

        return (perEvent, values);
    }

    /// <summary>Codes of <paramref name="attribute"/> for every case of <paramref name="log"/>.</summary>
    /// <exception cref="ArgumentException">The log has no such attribute.</exception>
    public static (int[] Codes, NameTable Values) ForCases(EventLog log, string attribute)
    {
        ArgumentNullException.ThrowIfNull(log);
        var column = log.CaseAttributes.Find(attribute);
        if (column is not null)
        {
            return Encode(column);
        }

        var (codes, values) = ForEvents(log, attribute);
        var perCase = new int[log.CaseCount];
        for (int c = 0; c < log.CaseCount; c++)
        {
            int code = -1;
            for (int e = log.CaseStart(c); e < log.CaseEnd(c) && code < 0; e++)
            {
                code = codes[e];
            }

            perCase[c] = code;
        }

        return (perCase, values);
    }

    /// <summary>Whether the log has an attribute of that name (a case or event attribute, or the resource).</summary>
    public static bool Exists(EventLog log, string attribute)
        => IsResource(attribute) || log.FindAttribute(attribute, out _) is not null;

    private static bool IsResource(string attribute)
        => string.Equals(attribute, "org:resource", StringComparison.Ordinal) || string.Equals(attribute, "resource", StringComparison.OrdinalIgnoreCase);

    private static ArgumentException Missing(EventLog log, string attribute)
    {
        var names = log.CaseAttributes.Select(c => c.Name).Concat(log.EventAttributes.Select(c => c.Name)).Append("org:resource");
        // No parameter name: the message is shown to users as it is.
        return new ArgumentException($"The log has no attribute '{attribute}'; it has: {string.Join(", ", names)}.");
    }

    private static (int[] Codes, NameTable Values) Encode(AttributeColumn column)
    {
        if (column is StringColumn text)
        {
            return (text.Codes.ToArray(), text.Values);
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var codes = new int[column.Count];
        for (int i = 0; i < codes.Length; i++)
        {
            string? value = column.Format(i);
            if (value is null)
            {
                codes[i] = -1;
                continue;
            }

            if (!ids.TryGetValue(value, out int id))
            {
                id = names.Count;
                ids.Add(value, id);
                names.Add(value);
            }

            codes[i] = id;
        }

        return (codes, new NameTable(names));
    }
}
