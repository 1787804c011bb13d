using System.Text;
using Stepwise.Mining.Time;

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

/// <summary>The first rows of a file, field by field (null for a missing value), for recognising columns by their values.</summary>
internal sealed record CsvSample(IReadOnlyList<string?[]> Rows);

/// <summary>
/// Recognises the columns of an event-log export: by the names the user gave, then by common header names (English,
/// French, German; case, spaces, punctuation and accents ignored), then, for a required role still missing, by the
/// values of the first rows (a column of timestamps, of repeating ids, of a few activity names). A role is taken from
/// the values only when exactly one column fits; otherwise every missing role is reported at once, with the columns
/// that could fill it.
/// </summary>
internal static class CsvColumnRoles
{
    // Normalised names (see Normalise), most specific first.
    private static readonly string[] CaseNames =
    [
        "case:concept:name", "caseid", "case", "caseconceptname", "casenumber", "ticketid", "ticket", "ticketnumber", "ticketno", "incidentid", "incidentnumber", "incident",
        "requestid", "requestnumber", "traceid", "processinstance", "instanceid", "complaintid", "claimid", "applicationid",
        "iddossier", "numerodossier", "numerodedossier", "n°dossier", "dossier", "idcas", "numerocas", "cas", "affaire", "numeroaffaire", "iddemande", "numerodemande", "demande", "idreclamation",
        "fallid", "fallnummer", "fallnr", "fall", "vorgangsnummer", "vorgangsnr", "vorgangid", "vorgang", "ticketnummer", "ticketnr", "auftragsnummer", "auftragsnr",
        "antragsnummer", "meldungsnummer", "reklamationsnummer",
    ];

    private static readonly string[] ActivityNames =
    [
        "concept:name", "activity", "activityname", "eventname", "task", "taskname", "action", "event", "status", "state", "step",
        "activite", "etape", "tache", "evenement", "statut", "etat", "operation",
        "aktivitat", "aktivitaet", "tatigkeit", "taetigkeit", "schritt", "prozessschritt", "bearbeitungsschritt", "ereignis", "aktion", "zustand",
    ];

    private static readonly string[] TimestampNames =
    [
        "time:timestamp", "timestamp", "completetimestamp", "endtimestamp", "endtime", "completiontime", "completetime", "completed", "eventtime", "datetime", "time", "date", "end",
        "horodatage", "dateheure", "datefin", "heurefin", "fin", "heure",
        "zeitstempel", "zeitpunkt", "endzeit", "enddatum", "ende", "datumuhrzeit", "datum", "uhrzeit", "erledigtam",
    ];

    private static readonly string[] StartNames =
    [
        "starttimestamp", "starttime", "time:start", "start:timestamp", "startdate", "started", "start",
        "datedebut", "heuredebut", "debut", "startzeit", "startdatum", "beginn", "beginnzeit", "anfang",
    ];

    private static readonly string[] ResourceNames =
    [
        "org:resource", "resource", "agent", "agentname", "user", "username", "performer", "employee", "operator", "assignee", "owner", "handler", "staff",
        "ressource", "utilisateur", "employe", "operateur", "intervenant", "responsable", "conseiller", "gestionnaire", "technicien",
        "bearbeiter", "sachbearbeiter", "mitarbeiter", "benutzer", "verantwortlich",
    ];

    private static readonly string[] LifecycleNames = ["lifecycle:transition", "lifecycle", "transition", "eventtype", "lebenszyklus", "cycledevie"];

    /// <summary>A header reduced for comparison: lower case, accents folded, without spaces, underscores, hyphens,
    /// dots and apostrophes.</summary>
    public static string Normalise(string header)
    {
        var text = new StringBuilder(Math.Min(header.Length, 256));
        foreach (char ch in header.AsSpan(0, Math.Min(header.Length, 256)))
        {
            if (ch is ' ' or '_' or '-' or '.' or '\'' or '\u2019')
            {
                continue;
            }

            text.Append(Fold(char.ToLowerInvariant(ch)));
        }

        return text.ToString();
    }

    private static string Fold(char c) => c switch
    {
        'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' => "a",
        'ç' => "c",
        'è' or 'é' or 'ê' or 'ë' => "e",
        'ì' or 'í' or 'î' or 'ï' => "i",
        'ñ' => "n",
        'ò' or 'ó' or 'ô' or 'õ' or 'ö' => "o",
        'ù' or 'ú' or 'û' or 'ü' => "u",
        'ý' or 'ÿ' => "y",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        _ => c.ToString(),
    };

    /// <summary>Assigns a role to every column; throws when a named column does not exist, or when required roles
    /// cannot be found (all of them in one message, with the columns that could fill them).</summary>
    /// <param name="file">The file, for messages.</param>
    /// <param name="header">The column names.</param>
    /// <param name="sample">The first rows, asked for only when a role must be recognised from values.</param>
    /// <param name="options">The read options.</param>
    /// <param name="mapping">Receives "role: column" lines for the report.</param>
    public static ColumnRole[] Assign(string file, IReadOnlyList<string> header, Func<CsvSample> sample, EventLogReadOptions options, out List<string> mapping)
    {
        var csv = options.Csv;
        var names = options.Names;
        var roles = new ColumnRole[header.Count];
        var normalised = header.Select(Normalise).ToArray();
        var found = new List<string>();
        mapping = found;
        EventLogFormatException Error(string? field, long? column, string message) => new(file, new ImportIssue(1, column, field, message), names);

        foreach (var ignored in csv.IgnoredColumns)
        {
            int i = IndexOfName(header, ignored);
            if (i < 0)
            {
                throw Error(ignored, null, $"there is no column '{ignored}' to leave out ({names.IgnoredColumns}); the header has: {string.Join(", ", header)}.");
            }

            roles[i] = ColumnRole.Ignored;
        }

        foreach (var name in csv.CaseAttributeColumns)
        {
            if (IndexOfName(header, name) < 0)
            {
                throw Error(name, null, $"there is no column '{name}' to treat as a case attribute ({names.CaseAttributes}); the header has: {string.Join(", ", header)}.");
            }
        }

        RoleSpec[] specs =
        [
            new(ColumnRole.Case, csv.CaseColumn, CaseNames, "case id", names.Case, true),
            new(ColumnRole.Activity, csv.ActivityColumn, ActivityNames, "activity", names.Activity, true),
            new(ColumnRole.Timestamp, csv.TimestampColumn, TimestampNames, "timestamp", names.Timestamp, true),
            new(ColumnRole.StartTimestamp, csv.StartTimestampColumn, StartNames, "start timestamp", names.StartTimestamp, false),
            new(ColumnRole.Resource, csv.ResourceColumn, ResourceNames, "resource", names.Resource, false),
            new(ColumnRole.Lifecycle, csv.LifecycleColumn, LifecycleNames, "lifecycle", names.Lifecycle, false),
        ];

        // Columns the user named.
        foreach (var spec in specs)
        {
            if (spec.Given is null)
            {
                continue;
            }

            int index = IndexOfName(header, spec.Given);
            if (index < 0)
            {
                throw Error(spec.Given, null, $"there is no column '{spec.Given}' for the {spec.What} ({spec.Option}); the header has: {string.Join(", ", header)}.");
            }

            if (roles[index] != ColumnRole.Attribute)
            {
                throw Error(spec.Given, index + 1, $"column '{spec.Given}' ({spec.Option}) is already used for the {What(roles[index])}.");
            }

            roles[index] = spec.Role;
            found.Add($"{spec.What}: {header[index]}");
        }

        // Columns recognised by their names.
        foreach (var spec in specs)
        {
            if (spec.Given is not null)
            {
                continue;
            }

            int index = -1;
            foreach (var candidate in spec.Names)
            {
                index = Array.FindIndex(normalised, (n) => n == candidate);
                if (index >= 0 && roles[index] == ColumnRole.Attribute && !IsCaseAttribute(header[index], csv))
                {
                    break;
                }

                index = -1;
            }

            if (index >= 0)
            {
                roles[index] = spec.Role;
                found.Add($"{spec.What}: {header[index]}");
            }
        }

        // Required roles still missing: recognise them by their values, when exactly one column fits.
        var missing = new List<RoleSpec>();
        foreach (var spec in specs)
        {
            if (spec.Required && IndexOfRole(roles, spec.Role) < 0)
            {
                missing.Add(spec);
            }
        }

        if (missing.Count == 0)
        {
            return roles;
        }

        var profiles = Profile(sample(), header.Count);
        var candidates = new Dictionary<ColumnRole, List<int>>();
        foreach (var spec in missing)
        {
            var fits = new List<int>();
            for (int i = 0; i < header.Count; i++)
            {
                if (roles[i] == ColumnRole.Attribute && !IsCaseAttribute(header[i], csv) && Fits(spec.Role, profiles[i]))
                {
                    fits.Add(i);
                }
            }

            candidates[spec.Role] = fits;
        }

        // A timestamp column constant within each case (a creation date) is a case attribute, not the event's time.
        int caseField = IndexOfRole(roles, ColumnRole.Case);
        if (caseField < 0 && candidates.TryGetValue(ColumnRole.Case, out var cases) && cases.Count == 1)
        {
            caseField = cases[0];
        }

        if (candidates.TryGetValue(ColumnRole.Timestamp, out var times) && times.Count > 1 && caseField >= 0)
        {
            var varying = times.Where(t => !ConstantWithinCases(profiles[t], profiles[caseField])).ToList();
            if (varying.Count >= 1)
            {
                candidates[ColumnRole.Timestamp] = varying;
            }
        }

        var unresolved = new List<(string What, string Option, List<int> Fits)>();
        foreach (var spec in missing)
        {
            var fits = candidates[spec.Role].Where(i => roles[i] == ColumnRole.Attribute).ToList();
            if (fits.Count == 1)
            {
                roles[fits[0]] = spec.Role;
                found.Add($"{spec.What}: {header[fits[0]]} (recognised from its values)");
            }
            else
            {
                unresolved.Add((spec.What, spec.Option, fits));
            }
        }

        if (unresolved.Count > 0)
        {
            var text = new StringBuilder();
            text.Append("no column was recognised for the ")
                .Append(string.Join(" or the ", unresolved.Select(u => $"{u.What} ({u.Option})")))
                .Append(" among: ").Append(string.Join(", ", header)).Append('.');
            string caseWhat = What(ColumnRole.Case);
            foreach (var (what, _, fits) in unresolved)
            {
                var shown = what == caseWhat ? CaseSuggestions(header, roles, profiles, fits) : fits;
                if (shown.Count > 0)
                {
                    text.Append(" Columns that could be the ").Append(what).Append(": ").Append(string.Join(", ", shown.Select(i => header[i]))).Append('.');
                }
            }

            if (unresolved.Any(u => u.What == What(ColumnRole.Activity)) && CallRecordTimes(header, profiles) is { Count: >= 2 } clocks)
            {
                text.Append(" The file looks like one row per contact with its times of entry, start and exit in columns (")
                    .Append(string.Join(", ", clocks.Select(i => header[i])))
                    .Append(") and no column of steps: it is not an event log as it stands. A contact centre's call records like these (tab-separated: VRU, queue, outcome and service per call) can be simulated with 'stepwise simulate FILE --call-records'.");
            }

            text.Append(" Name ").Append(unresolved.Count == 1 ? "it" : "them").Append(" with ").Append(string.Join(" and ", unresolved.Select(u => u.Option))).Append('.');
            throw Error(null, null, text.ToString());
        }

        return roles;
    }

    /// <summary>
    /// The columns offered as the case id when none could be chosen: first those named as an id ("id", "call_id",
    /// "Case ID") whose values differ on every row (one row per case), then the columns whose values repeat as a case
    /// id's do, leaving out times of day ("7:02:47", "0:00:00") and durations (numbers in a column named as a time or
    /// duration, such as "q_time"), which repeat without naming anything.
    /// </summary>
    private static List<int> CaseSuggestions(IReadOnlyList<string> header, ColumnRole[] roles, ColumnProfile[] profiles, List<int> fits)
    {
        var shown = new List<int>();
        for (int i = 0; i < header.Count; i++)
        {
            var p = profiles[i];
            if (roles[i] == ColumnRole.Attribute && NamedAsId(header[i]) && p.Present >= 2 && p.Distinct == p.Present && p.TimestampShare < 0.5 && p.ClockShare < 0.5)
            {
                shown.Add(i);
            }
        }

        foreach (int i in fits)
        {
            if (!shown.Contains(i) && profiles[i].ClockShare < 0.9 && !(profiles[i].NumberShare >= 0.9 && NamedAsDuration(header[i])))
            {
                shown.Add(i);
            }
        }

        return shown;
    }

    /// <summary>Columns of times of day named as an entry, start, exit or end (a call record's stages), or null.</summary>
    private static List<int>? CallRecordTimes(IReadOnlyList<string> header, ColumnProfile[] profiles)
    {
        List<int>? clocks = null;
        for (int i = 0; i < header.Count; i++)
        {
            string name = header[i].ToLowerInvariant();
            if (profiles[i].ClockShare >= 0.9 && (name.Contains("start", StringComparison.Ordinal) || name.Contains("entry", StringComparison.Ordinal)
                || name.Contains("exit", StringComparison.Ordinal) || name.Contains("end", StringComparison.Ordinal)))
            {
                (clocks ??= []).Add(i);
            }
        }

        return clocks;
    }

    private static bool NamedAsId(string name)
    {
        string n = name.Trim();
        return n.Equals("id", StringComparison.OrdinalIgnoreCase)
            || (n.Length > 3 && (n.EndsWith("_id", StringComparison.OrdinalIgnoreCase) || n.EndsWith(" id", StringComparison.OrdinalIgnoreCase) || n.EndsWith("-id", StringComparison.OrdinalIgnoreCase)))
            || (n.Length > 2 && n.EndsWith("ID", StringComparison.Ordinal) && char.IsLower(n[^3]));
    }

    private static bool NamedAsDuration(string name)
    {
        string n = name.Trim().ToLowerInvariant();
        return n.EndsWith("time", StringComparison.Ordinal) || n.Contains("duration", StringComparison.Ordinal) || n.EndsWith("secs", StringComparison.Ordinal)
            || n.EndsWith("seconds", StringComparison.Ordinal) || n.EndsWith("minutes", StringComparison.Ordinal) || n.EndsWith("_sec", StringComparison.Ordinal)
            || n.EndsWith("_min", StringComparison.Ordinal);
    }

    /// <summary>Whether a value is a time of day or a clock duration: "7:02:47", "0:00:00", "12:30" (one to three
    /// digits, then one or two groups of exactly two).</summary>
    private static bool IsClock(string value)
    {
        var v = value.AsSpan().Trim();
        int groups = 0, run = 0;
        for (int k = 0; k <= v.Length; k++)
        {
            if (k < v.Length && char.IsAsciiDigit(v[k]))
            {
                run++;
                continue;
            }

            if (k < v.Length && v[k] != ':')
            {
                return false;
            }

            bool fits = groups == 0 ? run is >= 1 and <= 3 : run == 2;
            if (!fits)
            {
                return false;
            }

            groups++;
            run = 0;
        }

        return groups is 2 or 3;
    }

    /// <summary>
    /// A role the header may give a column: the option that names it, the names it is recognised by, and whether a log
    /// needs it. (A class, not a tuple: the framework's generic code over a tuple of this assembly's types is compiled
    /// on first use at every start.)
    /// </summary>
    private sealed record RoleSpec(ColumnRole Role, string? Given, string[] Names, string What, string Option, bool Required);

    internal static int IndexOfRole(ColumnRole[] roles, ColumnRole role)
    {
        for (int i = 0; i < roles.Length; i++)
        {
            if (roles[i] == role)
            {
                return i;
            }
        }

        return -1;
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

    private static string What(ColumnRole role) => role switch
    {
        ColumnRole.Case => "case id",
        ColumnRole.StartTimestamp => "start timestamp",
        ColumnRole.Ignored => "columns left out",
        _ => role.ToString().ToLowerInvariant(),
    };

    private static bool IsCaseAttribute(string header, CsvLogOptions options)
        => options.CaseAttributeColumns.Any(c => string.Equals(c, header, StringComparison.OrdinalIgnoreCase));

    /// <summary>What the sample shows about one column.</summary>
    private sealed record ColumnProfile(string?[] Values, int Present, int Distinct, double TimestampShare, double NumberShare, double ClockShare);

    private static ColumnProfile[] Profile(CsvSample sample, int fields)
    {
        var profiles = new ColumnProfile[fields];
        for (int f = 0; f < fields; f++)
        {
            var values = sample.Rows.Select(r => f < r.Length ? r[f] : null).ToArray();
            var present = values.Where(v => v is not null).Select(v => v!).ToList();
            int timestamps = present.Count(IsTimestamp);
            int numbers = present.Count(v => double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));
            int clocks = present.Count(IsClock);
            profiles[f] = new ColumnProfile(values, present.Count, present.Distinct(StringComparer.Ordinal).Count(),
                present.Count == 0 ? 0 : timestamps / (double)present.Count, present.Count == 0 ? 0 : numbers / (double)present.Count,
                present.Count == 0 ? 0 : clocks / (double)present.Count);
        }

        return profiles;
    }

    private static bool IsTimestamp(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value.Trim());
        return TimestampParser.TryParseIso(bytes, null, out _)
            || TimestampParser.TryParseNumericDate(bytes, dayFirst: true, null, out _)
            || TimestampParser.TryParseNumericDate(bytes, dayFirst: false, null, out _);
    }

    /// <summary>Whether a column's values fit a required role: timestamps; repeating ids (a case); or a few
    /// names, repeated often (an activity).</summary>
    private static bool Fits(ColumnRole role, ColumnProfile p)
    {
        if (p.Present < 2)
        {
            return false;
        }

        return role switch
        {
            ColumnRole.Timestamp => p.TimestampShare >= 0.9,
            ColumnRole.Case => p.TimestampShare < 0.5 && p.Distinct >= 2 && p.Present >= p.Distinct * 1.5 && p.Distinct * 20 >= p.Present,
            ColumnRole.Activity => p.TimestampShare < 0.5 && p.NumberShare < 0.5 && p.Distinct >= 2 && p.Distinct * 20 < p.Present && p.Distinct <= 500,
            _ => false,
        };
    }

    /// <summary>Whether a column has one value per case in the sample.</summary>
    private static bool ConstantWithinCases(ColumnProfile column, ColumnProfile cases)
    {
        var first = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (int r = 0; r < column.Values.Length; r++)
        {
            if (cases.Values[r] is not { } id)
            {
                continue;
            }

            if (first.TryGetValue(id, out var seen))
            {
                if (!string.Equals(seen, column.Values[r], StringComparison.Ordinal))
                {
                    return false;
                }
            }
            else
            {
                first[id] = column.Values[r];
            }
        }

        return true;
    }
}
