using System.Globalization;
using Stepwise.Statistics.Feedback;
using Stepwise.Statistics.Tabular;
using Stepwise.Steps.Satisfaction;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Feedback;

/// <summary>
/// Survey responses to link to the cases of a log, and how: the file, its columns and scale, the score, and the
/// linking (by case id, else by customer and time). The same fields, defaults and messages wherever satisfaction is
/// measured on a log (the step assessments, the monitoring of a change, the file-based <c>monitor</c> command), so the
/// command line, a web form and the API answer a bad value alike. Field names match the command line's options
/// (<c>link_window</c> is <c>--link-window</c>).
/// </summary>
public record FeedbackLinkRequest
{
    /// <summary>How long after its case a response may come to link by customer, when not given.</summary>
    public static readonly TimeSpan DefaultLinkWindow = TimeSpan.FromDays(14);

    /// <summary>Survey responses (CSV/TSV) to link to cases. Without it, satisfaction is not measured.</summary>
    public string? Feedback { get; init; }

    /// <summary>Feedback column of the case id (detected when empty).</summary>
    public string? FeedbackCaseId { get; init; }

    /// <summary>Feedback column of the customer id (detected when empty).</summary>
    public string? FeedbackCustomerId { get; init; }

    /// <summary>Feedback column of the response date (detected when empty).</summary>
    public string? FeedbackDate { get; init; }

    /// <summary>Feedback column of the overall score (detected when empty).</summary>
    public string? FeedbackOverall { get; init; }

    /// <summary>Scale of the overall score, e.g. 0-10 (detected when empty).</summary>
    public string? FeedbackScale { get; init; }

    /// <summary>The score used: the overall score (default) or an item column.</summary>
    public string? Score { get; init; }

    /// <summary>Skip feedback rows with bad values and report them, instead of refusing the file.</summary>
    public bool FeedbackSkipBadRows { get; init; }

    /// <summary>The most responses (rows) the feedback file may hold (none when omitted); a longer file is refused as
    /// too large and nothing is read from it.</summary>
    public long? FeedbackMaxRows { get; init; }

    /// <summary>Log attribute holding the customer id: links responses without a case id to the customer's case (the
    /// last one ending before the response).</summary>
    public string? CustomerAttribute { get; init; }

    /// <summary>How long after its case a response may come to link by customer (default 14d).</summary>
    public string? LinkWindow { get; init; }

    /// <summary>The customer attribute given, trimmed, or null.</summary>
    public string? CustomerAttributeName => string.IsNullOrWhiteSpace(CustomerAttribute) ? null : CustomerAttribute.Trim();

    /// <summary>Checks the feedback fields (lengths, scale, link window, that the file exists) into <paramref name="v"/>.</summary>
    public Validation ValidateFeedback(Validation v)
    {
        ArgumentNullException.ThrowIfNull(v);
        v.Text("feedback", Feedback, 1000, required: false).Text("customer_attribute", CustomerAttribute, 200, required: false)
            .Text("score", Score, 200, required: false).Text("feedback_case_id", FeedbackCaseId, 200, required: false)
            .Text("feedback_customer_id", FeedbackCustomerId, 200, required: false).Text("feedback_date", FeedbackDate, 200, required: false)
            .Text("feedback_overall", FeedbackOverall, 200, required: false);
        v.Duration("link_window", LinkWindow, positive: true);
        if (FeedbackMaxRows is < 1)
        {
            v.Add("feedback_max_rows", "must be at least 1.");
        }

        if (FeedbackScale is { } scale)
        {
            try
            {
                ScoreScale.Parse(scale);
            }
            catch (FormatException ex)
            {
                v.Add("feedback_scale", ex.Message);
            }
        }

        if (!string.IsNullOrWhiteSpace(Feedback) && !File.Exists(Feedback))
        {
            v.Add("feedback", $"{Feedback}: no such file.");
        }

        return v;
    }

    /// <summary>How responses link to cases.</summary>
    /// <exception cref="StepwiseException">The link window is not a positive duration.</exception>
    public FeedbackLinkOptions LinkOptions()
    {
        var v = new Validation();
        var window = v.Duration("link_window", LinkWindow, positive: true) ?? DefaultLinkWindow;
        v.ThrowIfAny();
        return new FeedbackLinkOptions
        {
            CustomerAttribute = CustomerAttributeName,
            Window = window,
            Score = string.IsNullOrWhiteSpace(Score) ? null : Score.Trim(),
        };
    }

    /// <summary>
    /// Reads the feedback file, or returns null when none is named. Rows skipped (with
    /// <see cref="FeedbackSkipBadRows"/>) are added to <paramref name="warnings"/>, the first 20 of them, each naming
    /// the file and the row, and so is what the reader must decide (<see cref="FeedbackImport.Warnings"/>).
    /// </summary>
    /// <exception cref="StepwiseException">A field is not valid.</exception>
    public FeedbackImport? ReadFeedback(ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        if (string.IsNullOrWhiteSpace(Feedback))
        {
            return null;
        }

        ValidateFeedback(new Validation()).ThrowIfAny();
        var options = new FeedbackImportOptions
        {
            SkipBadRows = FeedbackSkipBadRows,
            Text = new DelimitedTextOptions { MaxRows = FeedbackMaxRows },
            SkipBadRowsOption = "--feedback-skip-bad-rows",
            OverallScale = FeedbackScale is { } scale ? ScoreScale.Parse(scale) : null,
            Mapping = new FeedbackColumnMapping { CaseId = FeedbackCaseId, CustomerId = FeedbackCustomerId, Date = FeedbackDate, Overall = FeedbackOverall },
        };
        var import = FeedbackReader.Read(Feedback, options);
        string name = Path.GetFileName(Feedback);
        foreach (var bad in import.BadRows.Take(20))
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{name}, skipped {bad}"));
        }

        foreach (string warning in import.Warnings)
        {
            warnings.Add($"{name}: {warning}");
        }

        return import;
    }
}
