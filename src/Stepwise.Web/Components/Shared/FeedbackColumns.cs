using Stepwise.Statistics.Feedback;
using Stepwise.Workbench.Survey;

namespace Stepwise.Web.Components.Shared;

/// <summary>
/// The columns of a feedback file the user chose on the upload form, starting from what the reader detected, and the
/// read request they make: comment columns, the date column (a date left out ignores the detected one, so it is not
/// detected again) and the name column.
/// </summary>
public sealed class FeedbackColumns
{
    /// <summary>The comment columns, in the file's order.</summary>
    public List<string> Comments { get; } = [];

    /// <summary>The date column, or empty for none.</summary>
    public string? Date { get; set; }

    /// <summary>How the chosen date column's dates are written, when the reader cannot tell (e.g. "yy-MMM" for
    /// "23-Nov"); empty to let it detect.</summary>
    public string? DateFormat { get; set; }

    /// <summary>The column of respondents' names, or empty for none.</summary>
    public string? Name { get; set; }

    private FeedbackColumnMapping Detected { get; init; } = new();

    /// <summary>The choice as detected.</summary>
    public static FeedbackColumns Of(FeedbackImport detected)
    {
        ArgumentNullException.ThrowIfNull(detected);
        var choice = new FeedbackColumns { Date = detected.Mapping.Date, Name = detected.Mapping.RespondentName, Detected = detected.Mapping };
        choice.Comments.AddRange(detected.Mapping.Comments);
        return choice;
    }

    /// <summary><paramref name="read"/> with the columns chosen: named where chosen, ignored where a detected column
    /// was turned off (so detection does not pick it again).</summary>
    public FeedbackReadRequest Apply(FeedbackReadRequest read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var ignore = new List<string>(read.Ignore);
        ignore.AddRange(Detected.Comments.Where(c => !Comments.Contains(c)));
        if (string.IsNullOrEmpty(Date) && Detected.Date is { } date)
        {
            ignore.Add(date);
        }

        if (string.IsNullOrEmpty(Name) && Detected.RespondentName is { } name)
        {
            ignore.Add(name);
        }

        return read with
        {
            Comment = [.. Comments],
            Date = string.IsNullOrEmpty(Date) ? null : Date,
            DateFormat = string.IsNullOrWhiteSpace(DateFormat) ? read.DateFormat : [DateFormat.Trim()],
            NameColumn = string.IsNullOrEmpty(Name) ? null : Name,
            Ignore = [.. ignore.Distinct(StringComparer.Ordinal)],
        };
    }
}
