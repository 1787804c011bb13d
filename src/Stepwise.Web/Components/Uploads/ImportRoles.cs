using Stepwise.Workbench.Logs;

namespace Stepwise.Web.Components.Uploads;

/// <summary>
/// The import wizard's form: which column plays each role, how timestamps are written, and what to do with bad rows.
/// Empty fields are detected by the reader; after a check, the detected columns are filled in, so the user sees and
/// can change each choice.
/// </summary>
public sealed class ImportRoles
{
    private readonly Dictionary<string, string?> _roles = new(StringComparer.Ordinal);

    /// <summary>The columns holding one value per case.</summary>
    public List<string> CaseAttributes { get; } = [];

    /// <summary>auto (empty), iso, dmy, mdy, epoch-s or epoch-ms.</summary>
    public string? TimestampFormat { get; set; }

    /// <summary>The time zone of times written without an offset.</summary>
    public string? Timezone { get; set; }

    /// <summary>XES: the activity classifier.</summary>
    public string? Classifier { get; set; }

    /// <summary>Import the readable rows and list the others.</summary>
    public bool SkipBadRows { get; set; }

    /// <summary>The column chosen for a role (<c>case</c>, <c>activity</c>, <c>timestamp</c>, <c>start_timestamp</c>, <c>resource</c>, <c>lifecycle</c>).</summary>
    public string? Get(string role) => _roles.GetValueOrDefault(role);

    /// <summary>Chooses a column for a role (empty: detect it).</summary>
    public void Set(string role, string? column) => _roles[role] = string.IsNullOrWhiteSpace(column) ? null : column;

    /// <summary>Fills the roles still empty with what the reader detected (its mapping lines, e.g. <c>case id: Case ID</c>).</summary>
    public void Detected(IReadOnlyList<string> mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        foreach (var line in mapping)
        {
            if (MappingLine.Parse(line) is { } m && m.Role is { } role && Get(role) is null)
            {
                Set(role, m.Column);
            }
        }
    }

    /// <summary>The read request for the layer.</summary>
    public LogReadRequest ToRequest(long maxExpandedMb) => new()
    {
        Case = Get("case"),
        Activity = Get("activity"),
        Timestamp = Get("timestamp"),
        StartTimestamp = Get("start_timestamp"),
        Resource = Get("resource"),
        Lifecycle = Get("lifecycle"),
        CaseAttributes = [.. CaseAttributes],
        TimestampFormat = string.IsNullOrWhiteSpace(TimestampFormat) ? null : TimestampFormat,
        Timezone = string.IsNullOrWhiteSpace(Timezone) ? null : Timezone.Trim(),
        Classifier = string.IsNullOrWhiteSpace(Classifier) ? null : Classifier.Trim(),
        SkipBadRows = SkipBadRows,
        MaxExpandedMb = maxExpandedMb,
        Names = WizardOptionNames.Names,
    };
}

/// <summary>One line of a reader's column mapping, e.g. <c>timestamp: Changed (recognised from its values)</c>.</summary>
/// <param name="Role">The request field of the role (<c>case</c>, <c>start_timestamp</c>...), or null for a role the form does not offer.</param>
/// <param name="What">The role in words.</param>
/// <param name="Column">The column (or XES attribute).</param>
/// <param name="FromValues">Whether the reader recognised it from the values rather than the header.</param>
public sealed record MappingLine(string? Role, string What, string Column, bool FromValues)
{
    private const string ValuesNote = " (recognised from its values)";

    /// <summary>Reads a mapping line, or null when it is not of the form <c>role: column</c>.</summary>
    public static MappingLine? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        int colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        string what = line[..colon];
        string column = line[(colon + 2)..];
        bool fromValues = column.EndsWith(ValuesNote, StringComparison.Ordinal);
        if (fromValues)
        {
            column = column[..^ValuesNote.Length];
        }

        string? role = what switch
        {
            "case id" => "case",
            "activity" => "activity",
            "timestamp" => "timestamp",
            "start timestamp" => "start_timestamp",
            "resource" => "resource",
            "lifecycle" => "lifecycle",
            _ => null,
        };
        return new MappingLine(role, what, column, fromValues);
    }
}
