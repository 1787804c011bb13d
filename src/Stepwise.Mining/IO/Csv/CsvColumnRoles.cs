namespace Stepwise.Mining.IO.Csv;

/// <summary>What a CSV column is used for.</summary>
internal enum ColumnRole
{
    Attribute,
    Case,
    Activity,
    Timestamp,
    StartTimestamp,
    Resource,
    Lifecycle,
    Ignored,
}

/// <summary>Recognises the columns of an event-log export by their header names, and resolves names the user gave.</summary>
internal static class CsvColumnRoles
{
    // Normalised names (lower case, without spaces, underscores, hyphens and dots), most specific first.
    private static readonly string[] CaseNames = ["case:concept:name", "caseid", "case", "caseconceptname", "casenumber", "ticketid", "ticket", "ticketnumber", "incidentid", "incidentnumber", "incident", "requestid", "traceid", "processinstance", "instanceid"];
    private static readonly string[] ActivityNames = ["concept:name", "activity", "activityname", "eventname", "task", "taskname", "action", "event", "status", "state", "step"];
    private static readonly string[] TimestampNames = ["time:timestamp", "timestamp", "completetimestamp", "endtimestamp", "endtime", "completiontime", "completetime", "completed", "eventtime", "datetime", "time", "date", "end"];
    private static readonly string[] StartNames = ["starttimestamp", "starttime", "time:start", "start:timestamp", "startdate", "started", "start"];
    private static readonly string[] ResourceNames = ["org:resource", "resource", "agent", "user", "username", "performer", "employee", "operator", "assignee", "owner", "handler", "staff"];
    private static readonly string[] LifecycleNames = ["lifecycle:transition", "lifecycle", "transition", "eventtype"];

    public static string Normalise(string header)
    {
        Span<char> buffer = stackalloc char[Math.Min(header.Length, 256)];
        int n = 0;
        foreach (char ch in header.AsSpan(0, Math.Min(header.Length, 256)))
        {
            if (ch is ' ' or '_' or '-' or '.')
            {
                continue;
            }

            buffer[n++] = char.ToLowerInvariant(ch);
        }

        return new string(buffer[..n]);
    }

    /// <summary>Assigns a role to every column; throws when a required role cannot be found or a named column does not exist.</summary>
    public static ColumnRole[] Assign(string file, IReadOnlyList<string> header, CsvLogOptions options, out List<string> mapping)
    {
        var roles = new ColumnRole[header.Count];
        var normalised = header.Select(Normalise).ToArray();
        var found = new List<string>();
        mapping = found;

        int Resolve(string? given, string[] names, ColumnRole role, string what, bool required)
        {
            int index;
            if (given is not null)
            {
                index = IndexOfName(header, given);
                if (index < 0)
                {
                    throw new EventLogFormatException(file, new ImportIssue(1, null, given, $"there is no column '{given}' for the {what}; the header has: {string.Join(", ", header)}."));
                }

                if (roles[index] != ColumnRole.Attribute)
                {
                    throw new EventLogFormatException(file, new ImportIssue(1, index + 1, given, $"column '{given}' is already used for the {roles[index].ToString().ToLowerInvariant()}."));
                }
            }
            else
            {
                index = -1;
                foreach (var candidate in names)
                {
                    for (int i = 0; i < normalised.Length; i++)
                    {
                        if (roles[i] == ColumnRole.Attribute && normalised[i] == candidate && !IsExcluded(header[i], options))
                        {
                            index = i;
                            break;
                        }
                    }

                    if (index >= 0)
                    {
                        break;
                    }
                }

                if (index < 0)
                {
                    if (required)
                    {
                        throw new EventLogFormatException(file, new ImportIssue(1, null, null, $"no column for the {what} was recognised among: {string.Join(", ", header)}. Name it with the {what} column option."));
                    }

                    return -1;
                }
            }

            roles[index] = role;
            found.Add($"{what}: {header[index]}");
            return index;
        }

        foreach (var ignored in options.IgnoredColumns)
        {
            int i = IndexOfName(header, ignored);
            if (i < 0)
            {
                throw new EventLogFormatException(file, new ImportIssue(1, null, ignored, $"there is no column '{ignored}' to ignore; the header has: {string.Join(", ", header)}."));
            }

            roles[i] = ColumnRole.Ignored;
        }

        Resolve(options.CaseColumn, CaseNames, ColumnRole.Case, "case id", true);
        Resolve(options.ActivityColumn, ActivityNames, ColumnRole.Activity, "activity", true);
        Resolve(options.TimestampColumn, TimestampNames, ColumnRole.Timestamp, "timestamp", true);
        Resolve(options.StartTimestampColumn, StartNames, ColumnRole.StartTimestamp, "start timestamp", false);
        Resolve(options.ResourceColumn, ResourceNames, ColumnRole.Resource, "resource", false);
        Resolve(options.LifecycleColumn, LifecycleNames, ColumnRole.Lifecycle, "lifecycle", false);
        foreach (var name in options.CaseAttributeColumns)
        {
            if (IndexOfName(header, name) < 0)
            {
                throw new EventLogFormatException(file, new ImportIssue(1, null, name, $"there is no column '{name}' to treat as a case attribute; the header has: {string.Join(", ", header)}."));
            }
        }

        return roles;
    }

    /// <summary>The index of the column named <paramref name="name"/> (exact, then ignoring case), or -1.</summary>
    public static int IndexOfName(IReadOnlyList<string> header, string name)
    {
        for (int i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        for (int i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsExcluded(string header, CsvLogOptions options)
        => options.CaseAttributeColumns.Any(c => string.Equals(c, header, StringComparison.OrdinalIgnoreCase));
}
