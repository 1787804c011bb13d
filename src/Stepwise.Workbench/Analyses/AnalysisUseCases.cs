using Stepwise.Maps.Rendering;
using Stepwise.Mining;
using Stepwise.Mining.Discovery;
using Stepwise.Review.Access;
using Stepwise.Review.Common;
using Stepwise.Review.Data;
using Stepwise.Review.Scoping;
using Stepwise.Steps.Scorecard;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Logs;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Steps;
using EngineQuestion = Stepwise.Steps.Questions.ChallengeQuestion;

namespace Stepwise.Workbench.Analyses;

/// <summary>
/// The analyses of a review's stored data inside its agreed scope, each with the same filters and calendars as the
/// command line, and each result with its <see cref="AnalysisBasis"/> (data source and hash, scope version, filter,
/// measure), so a figure shown anywhere can be traced to what it was computed on.
/// </summary>
public sealed class AnalysisUseCases
{
    private readonly Workbench _bench;

    internal AnalysisUseCases(Workbench bench) => _bench = bench;

    /// <summary>Opens a review's stored log inside its scope and the request's filters, for any analysis.</summary>
    /// <exception cref="StepwiseException">Invalid request, not found, forbidden, or the scope does not fit the data (rule broken).</exception>
    public ReviewLog Open(Actor actor, Guid reviewId, AnalysisRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        _bench.Reviews.RequireProcess(reviewId);
        request.Validate().ThrowIfAny();
        var source = _bench.Data.Find(reviewId, request.DataSource);
        if (source.Kind != DataSourceKind.EventLog)
        {
            throw StepwiseException.Invalid("data_source", $"{source.FileName} is {source.Kind.ToString().ToLowerInvariant()} data, not an event log.");
        }

        var log = _bench.Data.Load(source.Id, cancellationToken);
        var scope = _bench.Workspace.Find<Scope>(reviewId, reviewId);
        LogView view = log.All;
        string scopeText = "all cases (no scope yet)";
        if (scope is not null)
        {
            try
            {
                var filter = scope.Value.Filter.ToCaseFilter();
                view = filter.Apply(log.All);
                scopeText = filter.Describe();
            }
            catch (ArgumentException ex)
            {
                throw new StepwiseException(ProblemKind.RuleBroken, $"The scope (version {scope.Version}) does not fit {source.FileName}: {ex.Message.Split(" (Parameter", 2)[0]}");
            }
        }

        var provenance = ImportProvenance.Parse(source.ImportOptions);
        var origin = provenance is null
            ? new LogOrigin(source.FileName, "stored", source.Rows, 0, [], null, source.ContentHash.Hex)
            : LogOrigin.Of(source.FileName, provenance, source.ContentHash.Hex);
        var selection = LogSelection.Of(view, origin, request.Filters, request.Calendar);
        var basis = new AnalysisBasis(source.Id, source.FileName, source.ContentHash.Hex, scope?.Version, scopeText, selection.Filter?.Describe(), selection.Measure.Description, log.CaseCount, view.CaseCount, selection.View.CaseCount);
        return new ReviewLog(source, selection, basis);
    }

    /// <summary>What the review's data holds inside the scope.</summary>
    public Analysis<LogSummary> Summary(Actor actor, Guid reviewId, AnalysisRequest request, CancellationToken cancellationToken = default)
    {
        var log = Open(actor, reviewId, request, cancellationToken);
        return log.With(LogAnalyses.Summary(log.Selection));
    }

    /// <summary>Each step's volume, repeats, service and waiting time and resources.</summary>
    public Analysis<IReadOnlyList<ActivityStatistics>> Activities(Actor actor, Guid reviewId, AnalysisRequest request, CancellationToken cancellationToken = default)
    {
        var log = Open(actor, reviewId, request, cancellationToken);
        return log.With(LogAnalyses.Activities(log.Selection));
    }

    /// <summary>The directly-follows graph.</summary>
    public Analysis<DirectlyFollowsGraph> Dfg(Actor actor, Guid reviewId, AnalysisRequest request, CancellationToken cancellationToken = default)
    {
        var log = Open(actor, reviewId, request, cancellationToken);
        return log.With(LogAnalyses.Dfg(log.Selection));
    }

    /// <summary>The variants, most common first.</summary>
    public Analysis<VariantSet> Variants(Actor actor, Guid reviewId, AnalysisRequest request, CancellationToken cancellationToken = default)
    {
        var log = Open(actor, reviewId, request, cancellationToken);
        return log.With(LogAnalyses.Variants(log.Selection));
    }

    /// <summary>Throughput times, events per case and rework.</summary>
    public Analysis<CaseStatistics> Cases(Actor actor, Guid reviewId, AnalysisRequest request, CancellationToken cancellationToken = default)
    {
        var log = Open(actor, reviewId, request, cancellationToken);
        return log.With(LogAnalyses.Cases(log.Selection));
    }

    /// <summary>Hand-overs between the values of an attribute (resources by default).</summary>
    public Analysis<HandoverNetwork> Handovers(Actor actor, Guid reviewId, AnalysisRequest request, string? by = null, CancellationToken cancellationToken = default)
    {
        var log = Open(actor, reviewId, request, cancellationToken);
        return log.With(LogAnalyses.Handovers(log.Selection, by));
    }

    /// <summary>The process map as SVG (and BPMN when asked), its steps painted as <see cref="MapRequest.Paint"/> asks.</summary>
    public Analysis<MapResult> Map(Actor actor, Guid reviewId, AnalysisRequest request, MapRequest map, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(map);
        map.Validate().ThrowIfAny();
        var log = Open(actor, reviewId, request, cancellationToken);
        return log.With(LogAnalyses.Map(log.Selection, map, Paint(actor, reviewId, log, map.Paint), cancellationToken));
    }

    /// <summary>
    /// The figure to paint on the steps of a map of <paramref name="log"/> (opened with <see cref="Open"/>): cost,
    /// satisfaction (gap) and breaches from the review's saved step assessments, waiting measured on the log; null for
    /// none.
    /// </summary>
    /// <exception cref="StepwiseException">Not a known figure (invalid value of paint), or the review cannot be read.</exception>
    public StepPaint? Paint(Actor actor, Guid reviewId, ReviewLog log, string? paint)
    {
        ArgumentNullException.ThrowIfNull(log);
        string what = (paint ?? "none").Trim().ToLowerInvariant();
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return what switch
        {
            "" or "none" => null,
            "waiting" => StepPaints.Waiting(LogAnalyses.Activities(log.Selection)),
            "cost" or "satisfaction" or "breaches" => StepPaints.Saved(
                what,
                [.. _bench.Workspace.List<Review.Steps.Step>(reviewId).Select(s => s.Value)],
                [.. _bench.Workspace.List<Review.Steps.StepAssessment>(reviewId).Select(a => a.Value)]),
            _ => throw StepwiseException.Invalid("paint", $"'{paint}' must be one of: none, cost, satisfaction, breaches, waiting."),
        };
    }

    /// <summary>
    /// The map of the current view as a file to download: SVG, PNG (twice the drawing's size, smaller if it would
    /// exceed the picture limit) or BPMN 2.0, drawn by the same map module as the page.
    /// </summary>
    /// <exception cref="StepwiseException">A field is not valid (format must be svg, png or bpmn).</exception>
    public MapFile ExportMap(Actor actor, Guid reviewId, AnalysisRequest request, MapRequest map, string format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(map);
        string kind = (format ?? string.Empty).Trim().ToLowerInvariant();
        if (kind is not ("svg" or "png" or "bpmn"))
        {
            throw StepwiseException.Invalid("format", $"'{format}' must be svg, png or bpmn.");
        }

        var drawn = Map(actor, reviewId, request, map with { Bpmn = kind == "bpmn" }, cancellationToken);
        return MapFile.Of(drawn.Result, kind, drawn.Basis.DataFile);
    }

    /// <summary>The step scorecard (cost, satisfaction, compliance, value, questions), without saving it.</summary>
    public Analysis<StepScorecard> Steps(Actor actor, Guid reviewId, AnalysisRequest request, StepReviewRequest steps, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var log = Open(actor, reviewId, request, cancellationToken);
        return log.With(StepReviews.Assess(log.Selection, steps, progress, cancellationToken).Scorecard);
    }

    /// <summary>The questions that challenge each step, ranked by impact, without saving them.</summary>
    public Analysis<IReadOnlyList<EngineQuestion>> Questions(Actor actor, Guid reviewId, AnalysisRequest request, StepReviewRequest steps, CancellationToken cancellationToken = default)
    {
        var scorecard = Steps(actor, reviewId, request, steps, null, cancellationToken);
        return new Analysis<IReadOnlyList<EngineQuestion>>(scorecard.Result.Questions, scorecard.Basis);
    }
}
