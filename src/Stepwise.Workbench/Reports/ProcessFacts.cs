using System.Text.RegularExpressions;
using Stepwise.Mining.Discovery;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Data;
using Stepwise.Review.Monitoring;
using Stepwise.Review.Steps;
using Stepwise.Reports;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Workbench.Reports;

/// <summary>
/// What the packs of a process review draw on: everything the review holds (<see cref="ReviewContents"/>) and, when it
/// has an event log, the log inside the scope (summary, each step's statistics), computed by the same analyses the
/// command line and web app show.
/// </summary>
internal sealed partial class ProcessFacts
{
    private readonly Workbench _bench;
    private readonly Actor _actor;
    private Analysis<LogSummary>? _summary;
    private Analysis<IReadOnlyList<ActivityStatistics>>? _activities;
    private Versioned<MonitoringRun>? _run;
    private bool _runRead;

    public ProcessFacts(Workbench bench, Actor actor, ReviewContents contents, ReportContext context, string? currency)
    {
        _bench = bench;
        _actor = actor;
        Contents = contents;
        Context = context;
        HasLog = contents.DataSources.Any(d => d.Source.Kind == DataSourceKind.EventLog);
        // No currency is guessed: amounts of a review whose rates name none are written without one.
        Currency = currency ?? CostCurrency(contents) ?? string.Empty;
    }

    public ReviewContents Contents { get; }

    public ReportContext Context { get; }

    public bool HasLog { get; }

    public string Currency { get; }

    public Guid ReviewId => Contents.Review.Id;

    /// <summary>The log inside the scope, summarised; null without a log.</summary>
    public Analysis<LogSummary>? Summary => HasLog ? _summary ??= _bench.Analyses.Summary(_actor, ReviewId, new AnalysisRequest()) : null;

    /// <summary>The cases the figures from the log cover, for a caption: "cases in scope from 2010-01-13 to 2014-01-03";
    /// "the review's data" without a log.</summary>
    public string Period => Summary?.Result is { } s ? $"cases in scope from {s.Start:yyyy-MM-dd} to {s.End:yyyy-MM-dd}" : "the review's data";

    /// <summary>Each step's statistics inside the scope; empty without a log.</summary>
    public IReadOnlyList<ActivityStatistics> Activities => HasLog ? (_activities ??= _bench.Analyses.Activities(_actor, ReviewId, new AnalysisRequest())).Result : [];

    /// <summary>The latest monitoring of the change (did it work?), or null when it has not been monitored.</summary>
    public Versioned<MonitoringRun>? MonitoringRun
    {
        get
        {
            if (!_runRead)
            {
                _run = _bench.Workspace.Find<MonitoringRun>(ReviewId, ReviewId);
                _runRead = true;
            }

            return _run;
        }
    }

    /// <summary>Hand-overs between the values of an attribute inside the scope.</summary>
    public Analysis<HandoverNetwork> Handovers(string by) => _bench.Analyses.Handovers(_actor, ReviewId, new AnalysisRequest(), by);

    /// <summary>The process map of the log inside the scope, drawn as asked.</summary>
    public Analysis<MapResult> Map(MapRequest request) => _bench.Analyses.Map(_actor, ReviewId, new AnalysisRequest(), request);

    /// <summary>A step's assessment of one aspect, or null.</summary>
    public static StepAssessment? Assessment(StepLine step, AssessmentAspect aspect) => step.Assessments.FirstOrDefault(a => a.Aspect == aspect);

    /// <summary>A measure of a step's assessment, or NaN.</summary>
    public static double Measure(StepLine step, AssessmentAspect aspect, string name)
        => Assessment(step, aspect)?.Measures.TryGetValue(name, out double v) == true ? v : double.NaN;

    /// <summary>The log statistics of a step (by its activity, else its name), or null.</summary>
    public ActivityStatistics? Statistics(StepLine step)
    {
        string name = step.Step.Value.Activity ?? step.Step.Value.Name;
        return Activities.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));
    }

    /// <summary>The data sources as report notes.</summary>
    public IReadOnlyList<DataSourceNote> Sources() => [.. Contents.DataSources.Select(d => new DataSourceNote(
        d.Source.FileName,
        d.Source.Kind == DataSourceKind.EventLog
            ? $"event log: {ReportContext.N(d.Source.Cases)} cases, {ReportContext.N(d.Source.Records)} events, {ReportContext.N(d.Source.Rows)} rows read"
            : $"{d.Source.Kind.ToString().ToLowerInvariant()}: {ReportContext.N(d.Source.Rows)} rows",
        d.Source.ContentHash.Hex,
        $"{d.Source.ImportedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC by {d.Source.ImportedBy}"))];

    /// <summary>The currency the step costs were computed in, as their evidence states it.</summary>
    private static string? CostCurrency(ReviewContents contents)
    {
        foreach (var step in contents.Steps)
        {
            foreach (var evidence in Assessment(step, AssessmentAspect.Cost)?.Evidence ?? [])
            {
                var match = CostText().Match(evidence.Summary);
                if (match.Success)
                {
                    return match.Groups[1].Value;
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@" costs [0-9.,]+ ([A-Z]{3}|\p{Sc}) over ")]
    private static partial Regex CostText();
}
