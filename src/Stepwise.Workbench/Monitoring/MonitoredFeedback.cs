using System.Globalization;
using Stepwise.Review.Common;
using Stepwise.Statistics.Feedback;
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

        var link = request.LinkOptions();
        var import = request.ReadFeedback(notes)!;
        string path = request.Feedback!;
        string name = Path.GetFileName(path);
        var feedback = new MonitoredFeedback { Table = import.Table, Link = link, FileName = name, Hash = ContentHash.OfFile(path) };
        notes.Add(string.Create(CultureInfo.InvariantCulture, $"Satisfaction: the {(link.Score is null ? "overall score" : $"'{link.Score}' score")} of {import.Table.Count:N0} responses in {name} (sha256 {feedback.Hash.Short}), linked to cases {feedback.LinkWords}; one response per case (the first in the file)."));
        return feedback;
    }
}
