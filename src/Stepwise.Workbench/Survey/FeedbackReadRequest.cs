using System.Text;
using Stepwise.Statistics.Feedback;
using Stepwise.Statistics.Tabular;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Survey;

/// <summary>
/// How to read a feedback file (survey responses, QA scorecards, reviews): which columns play which role and how the
/// text is read. Every field is optional: what is not named is detected. The field names are the command line's
/// option names in snake_case (<c>--outcome-yes</c> is <c>outcome_yes</c>); the same request, serialised, is kept
/// with an imported file as the exact options it was read with.
/// </summary>
public sealed record FeedbackReadRequest
{
    /// <summary>Response (respondent, review) id column.</summary>
    public string? Id { get; init; }

    /// <summary>Case (ticket) id column.</summary>
    public string? CaseId { get; init; }

    /// <summary>Customer id column.</summary>
    public string? CustomerId { get; init; }

    /// <summary>Response date column.</summary>
    public string? Date { get; init; }

    /// <summary>Date formats (.NET custom formats such as dd/MM/yyyy), tried in order.</summary>
    public IReadOnlyList<string> DateFormat { get; init; } = [];

    /// <summary>Overall score column.</summary>
    public string? Overall { get; init; }

    /// <summary>Scale of the overall score, e.g. 1-10.</summary>
    public string? OverallScale { get; init; }

    /// <summary>Item score columns.</summary>
    public IReadOnlyList<string> Item { get; init; } = [];

    /// <summary>Scale of every item, e.g. 1-5.</summary>
    public string? ItemScale { get; init; }

    /// <summary>Item values meaning "not applicable", read as missing (e.g. 0).</summary>
    public IReadOnlyList<string> NotApplicable { get; init; } = [];

    /// <summary>Comment columns, joined in order.</summary>
    public IReadOnlyList<string> Comment { get; init; } = [];

    /// <summary>Respondent name column (used only to redact names from comments).</summary>
    public string? NameColumn { get; init; }

    /// <summary>Segment columns.</summary>
    public IReadOnlyList<string> Segment { get; init; } = [];

    /// <summary>Numeric columns that are not ratings (e.g. a delay in minutes).</summary>
    public IReadOnlyList<string> Measure { get; init; } = [];

    /// <summary>Yes/no outcome column (recommended, satisfied, resolved).</summary>
    public string? Outcome { get; init; }

    /// <summary>Outcome values meaning yes. Alone, every other value is no.</summary>
    public IReadOnlyList<string> OutcomeYes { get; init; } = [];

    /// <summary>Outcome values meaning no. Alone, every other value is yes; with <see cref="OutcomeYes"/>, other values are no answer.</summary>
    public IReadOnlyList<string> OutcomeNo { get; init; } = [];

    /// <summary>Columns never to use.</summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];

    /// <summary>Extra values meaning "no answer".</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];

    /// <summary>Field delimiter: one character, or tab, comma, semicolon, pipe (detected when omitted).</summary>
    public string? Delimiter { get; init; }

    /// <summary>utf-8, utf-16, latin-1 or windows-1252 (by byte-order mark, else strict UTF-8, when omitted).</summary>
    public string? Encoding { get; init; }

    /// <summary>The file to read inside a .zip that holds several.</summary>
    public string? ZipEntry { get; init; }

    /// <summary>The most responses (rows) the file may hold (none when omitted); a longer file is refused as too large
    /// and nothing is imported.</summary>
    public long? MaxRows { get; init; }

    /// <summary>Skip rows with bad values and list them, instead of rejecting the file.</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>Use only the columns named; detect nothing.</summary>
    public bool NoDetect { get; init; }

    /// <summary>Checks every field at once.</summary>
    public Validation Validate()
    {
        var v = new Validation();
        foreach (var (field, value) in new[] { ("id", Id), ("case_id", CaseId), ("customer_id", CustomerId), ("date", Date), ("overall", Overall), ("name_column", NameColumn), ("outcome", Outcome), ("zip_entry", ZipEntry) })
        {
            v.Text(field, value, 400, required: false);
        }

        Scale(v, "overall_scale", OverallScale);
        v.Between("max_rows", MaxRows, 1, Array.MaxLength);
        Scale(v, "item_scale", ItemScale);
        if (Delimiter is not null && DelimiterChar(Delimiter) is null && !IsAuto(Delimiter))
        {
            v.Add("delimiter", $"'{Delimiter}' is not a delimiter; use one character, or tab.");
        }

        if (Encoding is not null && !IsAuto(Encoding) && EncodingOf(Encoding) is null)
        {
            v.Add("encoding", $"'{Encoding}' is not supported; use utf-8, utf-16, latin-1 or windows-1252.");
        }

        return v;
    }

    /// <summary>The engine's options for this request.</summary>
    /// <exception cref="StepwiseException">A field is not valid.</exception>
    public FeedbackImportOptions ToOptions()
    {
        Validate().ThrowIfAny();
        var defaults = new FeedbackImportOptions();
        return new FeedbackImportOptions
        {
            Text = new DelimitedTextOptions { Delimiter = Delimiter is null ? null : DelimiterChar(Delimiter), Encoding = Encoding is null ? null : EncodingOf(Encoding), ZipEntry = ZipEntry, MaxRows = MaxRows },
            AutoDetect = !NoDetect,
            SkipBadRows = SkipBadRows,
            OverallScale = OverallScale is null ? null : ScoreScale.Parse(OverallScale),
            ItemScale = ItemScale is null ? null : ScoreScale.Parse(ItemScale),
            NotApplicableValues = NotApplicable,
            MissingMarkers = [.. defaults.MissingMarkers, .. Missing],
            OutcomePositiveValues = OutcomeYes.Count > 0 ? OutcomeYes : defaults.OutcomePositiveValues,
            OutcomeNegativeValues = OutcomeNo.Count > 0 ? OutcomeNo : defaults.OutcomeNegativeValues,
            UnlistedOutcome = (OutcomeYes.Count > 0, OutcomeNo.Count > 0) switch
            {
                (true, true) => UnlistedOutcome.Missing,
                (true, false) => UnlistedOutcome.No,
                (false, true) => UnlistedOutcome.Yes,
                _ => UnlistedOutcome.Reject,
            },
            DateFormats = DateFormat,
            Mapping = new FeedbackColumnMapping
            {
                ResponseId = Id,
                CaseId = CaseId,
                CustomerId = CustomerId,
                Date = Date,
                Overall = Overall,
                Items = Item,
                Comments = Comment,
                RespondentName = NameColumn,
                Segments = Segment,
                Measures = Measure,
                Outcome = Outcome,
                Ignore = Ignore,
            },
        };
    }

    /// <summary>Reads a feedback file as this request says.</summary>
    /// <exception cref="StepwiseException">A field is not valid.</exception>
    /// <exception cref="FeedbackImportException">The file cannot be read as feedback (names file, line and column).</exception>
    public FeedbackImport Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var options = ToOptions();
        try
        {
            return FeedbackReader.Read(path, options);
        }
        catch (TextEncodingException ex)
        {
            // The same bad-file error, naming the option that reads the file in another encoding.
            throw new TextEncodingException(ex.FileName, ex.Line, ex.Problem + " (e.g. --encoding latin-1)", ex.Value, ex.ByteOffset);
        }
    }

    private static bool IsAuto(string text) => text.Length == 0 || string.Equals(text, "auto", StringComparison.OrdinalIgnoreCase);

    private static void Scale(Validation v, string field, string? text)
    {
        if (text is null)
        {
            return;
        }

        try
        {
            _ = ScoreScale.Parse(text);
        }
        catch (FormatException ex)
        {
            v.Add(field, ex.Message);
        }
    }

    private static char? DelimiterChar(string text) => text.ToLowerInvariant() switch
    {
        "" or "auto" => null,
        "tab" or "\\t" or "\t" => '\t',
        "comma" => ',',
        "semicolon" => ';',
        "pipe" => '|',
        { Length: 1 } one => one[0],
        _ => null,
    };

    private static Encoding? EncodingOf(string text) => text.ToLowerInvariant() switch
    {
        "" or "auto" => null,
        "utf-8" or "utf8" => new UTF8Encoding(false),
        "utf-16" or "utf16" => System.Text.Encoding.Unicode,
        "latin-1" or "latin1" or "iso-8859-1" => System.Text.Encoding.Latin1,
        "windows-1252" or "cp1252" or "1252" => CodePagesEncodingProvider.Instance.GetEncoding(1252),
        _ => null,
    };
}
