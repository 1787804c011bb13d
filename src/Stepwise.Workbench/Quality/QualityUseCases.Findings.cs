using System.Globalization;
using Stepwise.Review.Access;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Quality;
using Stepwise.Review.Steps;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Quality;

/// <summary>Findings: recorded by hand, or worked out from an analysis.</summary>
public sealed partial class QualityUseCases
{
    /// <summary>The findings of a quality review, oldest first.</summary>
    public IReadOnlyList<Versioned<QualityFinding>> Findings(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        RequireQuality(reviewId);
        return _bench.Workspace.List<QualityFinding>(reviewId);
    }

    /// <summary>Records a finding.</summary>
    public Versioned<QualityFinding> RecordFinding(Actor actor, Guid reviewId, FindingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        RequireQuality(reviewId);
        var kind = request.Parse();
        var analysis = request.Analysis is { } a ? FindAnalysis(reviewId, a, "analysis").Value : null;
        var finding = new QualityFinding
        {
            Id = _bench.Workspace.NewId(),
            FindingKind = kind,
            Summary = request.Summary.Trim(),
            Subject = request.Subject?.Trim(),
            AnalysisId = analysis?.Id,
            Priority = request.Priority,
            Evidence = [.. request.Evidence.Select(e => new Evidence(e.Trim(), analysis is null ? "recorded by " + actor.DisplayName : $"analysis '{analysis.Title}' of {analysis.File}", analysis?.DataHash))],
        };
        return _bench.Workspace.Save(reviewId, finding, 0, actor.DisplayName);
    }

    /// <summary>
    /// Works out the findings an analysis shows and records those not yet recorded: every metric that misses its
    /// target with confidence (a gap, priority 1), every driver in the "concentrate here" quadrant (priority 1 when its
    /// importance is at least one and a half times an equal share, else 2), and every theme whose comments are negative
    /// on average and whose scores differ from the other comments' after Holm's adjustment (priority 2), with two
    /// quotes as evidence. Undecided results are not findings: more data are needed.
    /// </summary>
    public IReadOnlyList<Versioned<QualityFinding>> FindingsFrom(Actor actor, Guid reviewId, string analysis)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        RequireQuality(reviewId);
        var record = FindAnalysis(reviewId, analysis, "analysis").Value;
        var plan = _bench.Workspace.Get<QualityReview>(reviewId, reviewId).Value;
        var existing = _bench.Workspace.List<QualityFinding>(reviewId).Where(f => f.Value.AnalysisId == record.Id).Select(f => (f.Value.FindingKind, f.Value.Subject)).ToHashSet();
        string source = $"analysis '{record.Title}' of {record.File}";
        // Findings are read by everyone on the review and go into its reports: their quotes are shown as the comments
        // page shows them, never with the respondent's own id.
        var shown = Shown(actor, reviewId, record.Title);
        string level = (record.Confidence * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
        var found = new List<QualityFinding>();
        foreach (var result in record.Results.Where(r => r.Verdict == ResultVerdict.Missed))
        {
            bool share = plan.Measure(result.Metric)?.Statistic is "csat" or "top2" or "fcr";
            string Show(double x) => share ? x.ToString("0.0%", CultureInfo.InvariantCulture) : x.ToString("0.##", CultureInfo.InvariantCulture);

            // A measured figure and its interval with the same decimals (a target keeps the decimals it was given).
            string Figure(double x) => share ? x.ToString("0.0%", CultureInfo.InvariantCulture) : x.ToString("0.00", CultureInfo.InvariantCulture);
            found.Add(new QualityFinding
            {
                Id = _bench.Workspace.NewId(),
                FindingKind = FindingKind.Gap,
                Subject = result.Metric,
                AnalysisId = record.Id,
                Priority = 1,
                Summary = $"{result.Metric} is {Figure(result.Value)} against a target of {(result.HigherIsBetter ? "at least" : "at most")} {Show(result.Target)}: missed with {level} confidence.",
                Evidence = [new Evidence($"{Figure(result.Value)} ({level} interval {Figure(result.Lower ?? double.NaN)} to {Figure(result.Upper ?? double.NaN)}) from {result.SampleSize.ToString("N0", CultureInfo.InvariantCulture)} responses on {result.Subject}", source, record.DataHash)],
            });
        }

        foreach (var driver in record.Drivers.Where(d => d.Quadrant == "concentrate here"))
        {
            found.Add(new QualityFinding
            {
                Id = _bench.Workspace.NewId(),
                FindingKind = FindingKind.Driver,
                Subject = driver.Item,
                AnalysisId = record.Id,
                Priority = record.ImportanceSplit is { } split && driver.Importance >= 1.5 * split ? 1 : 2,
                Summary = $"{driver.Item} matters to {record.DriversOf} ({driver.Importance.ToString("0.0%", CultureInfo.InvariantCulture)} of the explained variation) and performs below the grid's split: concentrate here.",
                Evidence = [new Evidence($"importance {driver.Importance.ToString("0.0%", CultureInfo.InvariantCulture)}, correlation {driver.Correlation.ToString("0.00", CultureInfo.InvariantCulture)}, mean score {driver.MeanScore.ToString("0.00", CultureInfo.InvariantCulture)} ({driver.Performance.ToString("0", CultureInfo.InvariantCulture)}% of the scale, split at {(record.PerformanceSplit ?? 50).ToString("0", CultureInfo.InvariantCulture)}%)", source, record.DataHash)],
            });
        }

        foreach (var theme in record.Themes.Where(t => t.MeanSentiment < 0 && t.AdjustedPValue is < 0.05 && t.ScoreInTheme < t.ScoreElsewhere))
        {
            found.Add(new QualityFinding
            {
                Id = _bench.Workspace.NewId(),
                FindingKind = FindingKind.Theme,
                Subject = theme.Name,
                AnalysisId = record.Id,
                Priority = 2,
                Summary = $"Comments about {theme.Name} ({theme.Share.ToString("0%", CultureInfo.InvariantCulture)} of comments) are negative and come with lower scores ({theme.ScoreInTheme!.Value.ToString("0.##", CultureInfo.InvariantCulture)} against {theme.ScoreElsewhere!.Value.ToString("0.##", CultureInfo.InvariantCulture)}).",
                Evidence = [
                    new Evidence($"{theme.Comments.ToString("N0", CultureInfo.InvariantCulture)} comments, mean sentiment {theme.MeanSentiment.ToString("0.00", CultureInfo.InvariantCulture)}, Holm-adjusted p {PValue(theme.AdjustedPValue!.Value)}", source, record.DataHash),
                    .. theme.Quotes.Take(2).Select(q => new Evidence("\u201c" + Shorten(shown.Clean(q.Text), 300) + "\u201d (response " + shown.Id(q.ResponseId) + ")", source, record.DataHash)),
                ],
            });
        }

        // A clear change of the latest periods of the responses' own dates against the earlier ones (a fall first).
        foreach (var change in record.PeriodChanges.Where(ch => ch.PValue < 1 - record.Confidence))
        {
            string Figure(double v) => change.IsShare ? v.ToString("0.0%", CultureInfo.InvariantCulture) : v.ToString("0.00", CultureInfo.InvariantCulture);
            string grain = record.PeriodGrain ?? "period";
            string span = change.RecentPeriods == 1 ? $"the latest {grain} ({change.RecentTo})" : $"the latest {change.RecentPeriods} {grain}s ({change.RecentFrom} to {change.RecentTo})";
            string what = change.IsShare ? $"The {change.Measure} share" : $"The mean {change.Measure}";
            found.Add(new QualityFinding
            {
                Id = _bench.Workspace.NewId(),
                FindingKind = FindingKind.Signal,
                Subject = $"{change.Measure} by {record.DateColumn ?? "date"}",
                AnalysisId = record.Id,
                Priority = change.Recent < change.Earlier ? 1 : 3,
                Summary = $"{what} {(change.Recent < change.Earlier ? "fell" : "rose")} to {Figure(change.Recent)} in {span} from {Figure(change.Earlier)} before, by the responses' {record.DateColumn ?? "dates"}.",
                Evidence = [new Evidence($"{Figure(change.Recent)} of {change.RecentCount.ToString("N0", CultureInfo.InvariantCulture)} responses against {Figure(change.Earlier)} of {change.EarlierCount.ToString("N0", CultureInfo.InvariantCulture)}; {change.Test}, p {PValue(change.PValue)}", source, record.DataHash)],
            });
        }

        var saved = new List<Versioned<QualityFinding>>();
        foreach (var finding in found.Where(f => !existing.Contains((f.FindingKind, f.Subject))))
        {
            saved.Add(_bench.Workspace.Save(reviewId, finding, 0, actor.DisplayName));
        }

        return saved;
    }

    /// <summary>A p-value as findings give it: three decimals, and "&lt; 0.001" below that (never "0").</summary>
    internal static string PValue(double p) => p < 0.001 ? "< 0.001" : p.ToString("0.000", CultureInfo.InvariantCulture);

    internal Versioned<QualityFinding> FindFinding(Guid reviewId, string idOrSubject, string field)
    {
        var all = _bench.Workspace.List<QualityFinding>(reviewId);
        string text = idOrSubject.Trim();
        var match = all.Where(f => f.Value.Id.ToString("D").StartsWith(text, StringComparison.OrdinalIgnoreCase) && text.Length >= 8).ToList();
        if (match.Count == 0)
        {
            match = [.. all.Where(f => string.Equals(f.Value.Subject, text, StringComparison.OrdinalIgnoreCase))];
        }

        return match.Count == 1 ? match[0] : match.Count > 1
            ? throw StepwiseException.Invalid(field, $"'{text}' is the subject of {match.Count} findings ({string.Join(", ", match.Select(f => f.Value.Id.ToString("D")[..8]))}); give the id.")
            : throw new StepwiseException(ProblemKind.NotFound, $"'{text}' names no finding of this review" + (all.Count == 0 ? "; it has none yet." : $"; its findings are {string.Join(", ", all.Select(f => f.Value.Id.ToString("D")[..8] + " " + (f.Value.Subject ?? f.Value.FindingKind.ToString())))}.")) { Subject = field + " " + text };
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "\u2026";
}
