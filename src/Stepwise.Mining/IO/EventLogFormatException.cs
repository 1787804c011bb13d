namespace Stepwise.Mining.IO;

/// <summary>
/// A file could not be read as an event log: its content is not what its format requires (a malformed row, a
/// value of the wrong type, an unterminated quote, a refused DTD, a truncated archive). The message names the file,
/// the position and what was expected; <see cref="Issues"/> lists every problem found before the import stopped.
/// Nothing is imported when this is thrown.
/// </summary>
public sealed class EventLogFormatException : FormatException
{
    /// <summary>Creates the exception for one or more issues in <paramref name="file"/>.</summary>
    public EventLogFormatException(string file, IReadOnlyList<ImportIssue> issues, int totalIssues)
        : this(file, issues, totalIssues, null)
    {
    }

    /// <summary>Creates the exception for one or more issues in <paramref name="file"/>, naming the options as
    /// <paramref name="names"/> says the user sets them.</summary>
    public EventLogFormatException(string file, IReadOnlyList<ImportIssue> issues, int totalIssues, ReadOptionNames? names)
        : base(BuildMessage(file, issues, totalIssues, names ?? ReadOptionNames.CommandLine))
    {
        File = file;
        Issues = issues;
        TotalIssues = totalIssues;
    }

    /// <summary>Creates the exception for problems that <paramref name="summary"/> counts and describes as a whole
    /// (e.g. "9,904 rows disagree with ..."), with <paramref name="examples"/> of them and <paramref name="hint"/>
    /// on what to do.</summary>
    public EventLogFormatException(string file, string summary, IReadOnlyList<ImportIssue> examples, int totalIssues, string hint)
        : base(BuildMessage(file, summary, examples, hint))
    {
        File = file;
        Issues = examples;
        TotalIssues = totalIssues;
    }

    /// <summary>Creates the exception for one issue.</summary>
    public EventLogFormatException(string file, ImportIssue issue)
        : this(file, [issue], 1, null)
    {
    }

    /// <summary>Creates the exception for one issue, naming the options as <paramref name="names"/> says.</summary>
    public EventLogFormatException(string file, ImportIssue issue, ReadOptionNames? names)
        : this(file, [issue], 1, names)
    {
    }

    /// <summary>The file name.</summary>
    public string File { get; }

    /// <summary>The first issues found (up to the reporting limit).</summary>
    public IReadOnlyList<ImportIssue> Issues { get; }

    /// <summary>How many issues were found in all.</summary>
    public int TotalIssues { get; }

    /// <summary>
    /// Whether the file was refused for exceeding a bound of the read options (rows or events, expansion), not for
    /// what it holds: too large rather than malformed.
    /// </summary>
    public bool LimitExceeded { get; init; }

    /// <summary>The line of the first issue, if known.</summary>
    public long? Line => Issues.Count > 0 ? Issues[0].Line : null;

    private static string BuildMessage(string file, string summary, IReadOnlyList<ImportIssue> examples, string hint)
    {
        var text = new System.Text.StringBuilder();
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{file}: {summary}; nothing was imported.");
        if (examples.Count > 0)
        {
            text.Append(examples.Count == 1 ? " For example:" : " Examples:");
        }

        for (int i = 0; i < Math.Min(examples.Count, 10); i++)
        {
            text.Append(Environment.NewLine).Append("  ").Append(examples[i]);
        }

        text.Append(Environment.NewLine).Append("  (").Append(hint).Append(')');
        return text.ToString();
    }

    private static string BuildMessage(string file, IReadOnlyList<ImportIssue> issues, int total, ReadOptionNames names)
    {
        if (issues.Count == 1 && total == 1)
        {
            return $"{file}: {issues[0]}";
        }

        var text = new System.Text.StringBuilder();
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{file}: {total} problems; nothing was imported. ");
        int shown = Math.Min(issues.Count, 10);
        for (int i = 0; i < shown; i++)
        {
            text.Append(Environment.NewLine).Append("  ").Append(issues[i]);
        }

        if (total > shown)
        {
            text.Append(Environment.NewLine).Append(System.Globalization.CultureInfo.InvariantCulture, $"  ... and {total - shown} more.");
        }

        text.Append(Environment.NewLine).Append(System.Globalization.CultureInfo.InvariantCulture, $"  (To import the rest and report these rows, use {names.SkipBadRows}.)");
        return text.ToString();
    }
}
