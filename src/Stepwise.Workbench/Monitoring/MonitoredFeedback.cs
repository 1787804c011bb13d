using System.Globalization;
using Stepwise.Review.Common;
using Stepwise.Statistics.Feedback;
using Stepwise.Statistics.Tabular;
using Stepwise.Steps.Satisfaction;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Monitoring;

/// <summary>
/// The survey responses a monitoring run links to cases for its satisfaction KPI, read the way the step assessments
/// read them (the same columns, scale and linking options), with the file's name and hash for the record.
/// </summary>
internal sealed record MonitoredFeedback
{
    /// <summary>The responses.</summary>
    public required FeedbackTable Table { get; init; }

    /// <summary>How they link to cases.</summary>
    public required FeedbackLinkOptions Link { get; init; }

    /// <summary>The file's name.</summary>
    public required string FileName { get; init; }

    /// <summary>The file's SHA-256.</summary>
    public required ContentHash Hash { get; init; }

    /// <summary>How responses link, in words.</summary>
    public string LinkWords => Link.CustomerAttribute is { } customer
        ? string.Create(CultureInfo.InvariantCulture, $"by case id, else to the last case of the customer ('{customer}') ending within {Link.Window.TotalDays:0.#} days before the response")
        : "by case id";

    /// <summary>Reads the feedback the request names, or returns null when it names none; skipped rows become notes.</summary>
    /// <exception cref="StepwiseException">A field is not valid.</exception>
    public static MonitoredFeedback? Read(ChangeMonitoringRequest request, List<string> notes)
    {
        if (string.IsNullOrWhiteSpace(request.Feedback))
        {
            return null;
        }

        var v = new Validation();
        var window = v.Duration("link_window", request.LinkWindow, positive: true) ?? TimeSpan.FromDays(14);
        v.ThrowIfAny();
        var options = new FeedbackImportOptions
        {
            SkipBadRows = request.FeedbackSkipBadRows,
            Text = new DelimitedTextOptions { MaxRows = request.FeedbackMaxRows },
            SkipBadRowsOption = "--feedback-skip-bad-rows",
            OverallScale = request.FeedbackScale is { } scale ? ScoreScale.Parse(scale) : null,
            Mapping = new FeedbackColumnMapping { CaseId = request.FeedbackCaseId, CustomerId = request.FeedbackCustomerId, Date = request.FeedbackDate, Overall = request.FeedbackOverall },
        };
        string path = request.Feedback;
        var import = FeedbackReader.Read(path, options);
        string name = Path.GetFileName(path);
        notes.AddRange(import.BadRows.Take(20).Select(bad => $"{name}, skipped {bad}"));
        var link = new FeedbackLinkOptions
        {
            CustomerAttribute = string.IsNullOrWhiteSpace(request.CustomerAttribute) ? null : request.CustomerAttribute.Trim(),
            Window = window,
            Score = string.IsNullOrWhiteSpace(request.Score) ? null : request.Score.Trim(),
        };
        var feedback = new MonitoredFeedback { Table = import.Table, Link = link, FileName = name, Hash = ContentHash.OfFile(path) };
        notes.Add(string.Create(CultureInfo.InvariantCulture, $"Satisfaction: the {(link.Score is null ? "overall score" : $"'{link.Score}' score")} of {import.Table.Count:N0} responses in {name} (sha256 {feedback.Hash.Short}), linked to cases {feedback.LinkWords}; one response per case (the first in the file)."));
        return feedback;
    }
}
