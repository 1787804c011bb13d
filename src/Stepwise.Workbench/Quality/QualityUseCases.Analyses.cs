using Stepwise.Review.Access;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.Data;
using Stepwise.Review.Quality;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Survey;

namespace Stepwise.Workbench.Quality;

/// <summary>Feedback imported with its provenance and analysed against the measurement plan.</summary>
public sealed partial class QualityUseCases
{
    /// <summary>The analyses of a quality review, oldest first.</summary>
    public IReadOnlyList<Versioned<QualityAnalysis>> Analyses(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        RequireQuality(reviewId);
        return _bench.Workspace.List<QualityAnalysis>(reviewId);
    }

    /// <summary>
    /// Imports a feedback file into the review (its name, SHA-256 and exact read options: what was asked and what was
    /// detected) and keeps its analysis: each planned metric against its target with an interval and a verdict (met,
    /// missed, undecided), the key drivers on the importance-performance grid, and the themes of the comments with
    /// quotes from which personal data has been removed. The same file read the same way is imported once.
    /// </summary>
    /// <exception cref="StepwiseException">A field is not valid, the title is taken, or the file has nothing to analyse.</exception>
    public SavedAnalysis Analyse(Actor actor, Guid reviewId, FeedbackAnalysisRequest request, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        RequireQuality(reviewId);
        request.Validate().ThrowIfAny();
        string title = request.Title.Trim();
        if (_bench.Workspace.List<QualityAnalysis>(reviewId).Any(a => string.Equals(a.Value.Title, title, StringComparison.OrdinalIgnoreCase)))
        {
            throw StepwiseException.Invalid("title", $"this review already has an analysis called '{title}'; give this one another title.");
        }

        Guid? sampleId = request.Sample is { } s ? FindSample(reviewId, s, "sample").Value.Id : null;
        var hash = ContentHash.OfFile(request.File);
        var import = request.Read.Read(request.File);
        if (import.Shortfall() is { } shortfall)
        {
            throw new StepwiseException(ProblemKind.BadFile, $"{Path.GetFileName(request.File)}: {shortfall}");
        }

        progress?.Report(0.2);
        var plan = _bench.Workspace.Get<QualityReview>(reviewId, reviewId).Value;
        var survey = SurveyAnalysis.Run(import, request.Survey(DateOnly.FromDateTime(_bench.Now.UtcDateTime)), new Progress<double>(p => progress?.Report(0.2 + (0.7 * p))));
        var provenance = new FeedbackProvenance(request.Read, import.Mapping, import.Encoding, import.RowsRead, import.BadRows.Count, import.Notes) { Warnings = import.Warnings };
        string options = CanonicalJson.Serialize(provenance);
        var source = _bench.Workspace.DataSources(reviewId).FirstOrDefault(d => d.Kind == DataSourceKind.Feedback && d.ContentHash == hash && d.ImportOptions == options);
        bool imported = source is null;

        // The record is made, and checked to be storable, before anything is written: an analysis refused at the last
        // step must not leave its data source behind.
        var record = AnalysisRecords.From(Provisional, title, source?.Id ?? Provisional, hash, survey, plan, request.Confidence, _bench.Now, sampleId);
        _ = CanonicalJson.Serialize(record);
        source ??= _bench.Workspace.ImportFeedback(reviewId, Path.GetFileName(request.File), hash, import.RowsRead, options, actor.DisplayName);
        record = record with { Id = _bench.Workspace.NewId(), DataSourceId = source.Id };
        var saved = _bench.Workspace.Save(reviewId, record, 0, actor.DisplayName);
        progress?.Report(1);
        return new SavedAnalysis(saved, source, survey, imported);
    }

    /// <summary>The ids of an analysis record checked before its data source and its own id are made.</summary>
    private static readonly Guid Provisional = new("ffffffff-ffff-4fff-bfff-ffffffffffff");

    internal Versioned<QualityAnalysis> FindAnalysis(Guid reviewId, string titleOrId, string field)
    {
        var all = _bench.Workspace.List<QualityAnalysis>(reviewId);
        string text = titleOrId.Trim();
        var match = all.Where(a => string.Equals(a.Value.Title, text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (match.Count == 0 && text.Length >= 4)
        {
            match = [.. all.Where(a => a.Value.Id.ToString("D").StartsWith(text, StringComparison.OrdinalIgnoreCase))];
        }

        return match.Count == 1 ? match[0] : throw new StepwiseException(ProblemKind.NotFound,
            $"'{text}' names {(match.Count == 0 ? "no" : "more than one")} analysis of this review" + (all.Count == 0 ? "; it has none yet." : $"; its analyses are {string.Join(", ", all.Select(a => a.Value.Title))}.")) { Subject = field + " " + text };
    }
}
