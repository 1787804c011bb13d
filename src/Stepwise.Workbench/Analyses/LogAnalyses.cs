using Stepwise.Maps.Bpmn;
using Stepwise.Maps.Mapping;
using Stepwise.Maps.Rendering;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.Discovery;
using Stepwise.Workbench.Logs;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Analyses;

/// <summary>
/// The analyses of a selection of a log, the same whether the log was just read from a file or is a review's stored
/// data source inside its scope: summary, activities, directly-follows graph, variants, cases, hand-overs and the map.
/// </summary>
public static class LogAnalyses
{
    /// <summary>What the selection holds.</summary>
    public static LogSummary Summary(LogSelection log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return LogSummary.Compute(log.View, log.Measure);
    }

    /// <summary>Each step: events, cases, repeats, self-loops, service and waiting time, resources.</summary>
    public static IReadOnlyList<ActivityStatistics> Activities(LogSelection log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return ActivityStatistics.Compute(log.View, log.Measure);
    }

    /// <summary>Which step follows which, how often and how long between them.</summary>
    public static DirectlyFollowsGraph Dfg(LogSelection log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return DirectlyFollowsGraph.Discover(log.View, log.Measure);
    }

    /// <summary>The paths cases take, most common first.</summary>
    public static VariantSet Variants(LogSelection log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return VariantSet.Discover(log.View);
    }

    /// <summary>Throughput times, events per case and rework over the cases.</summary>
    public static CaseStatistics Cases(LogSelection log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return CaseStatistics.Compute(log.View, log.Measure);
    }

    /// <summary>Work passed between the values of <paramref name="by"/> (resources by default), and work bounced back.</summary>
    /// <exception cref="StepwiseException">The log has no such attribute.</exception>
    public static HandoverNetwork Handovers(LogSelection log, string? by = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        string attribute = string.IsNullOrWhiteSpace(by) ? "org:resource" : by.Trim();
        RequireAttribute(log, attribute, "by");
        if (!HandoverNetwork.HasParticipants(log.View, attribute))
        {
            var standIns = HandoverNetwork.StandIns(log.View);
            string what = attribute is "org:resource" or "resource" ? "no resource (who did the work)" : $"no value of '{attribute}'";
            throw new StepwiseException(ProblemKind.InvalidValue, $"{log.Origin.File}: the log records {what} for any event, so there are no hand-overs to count. "
                + (standIns.Count == 0
                    ? "No other attribute changes between the events of a case, so none can stand in."
                    : $"Attributes that could stand in: {string.Join(", ", standIns.Take(5).Select(s => $"{s.Attribute} ({s.Values:N0} values)"))}; count hand-overs between their values with --by {standIns[0].Attribute}."));
        }

        return HandoverNetwork.Compute(log.View, attribute, log.Measure);
    }

    /// <summary>The process map, drawn as SVG (and BPMN when asked).</summary>
    /// <exception cref="StepwiseException">A field of the request is not valid, or the lane attribute is not in the log.</exception>
    public static MapResult Map(LogSelection log, MapRequest request, CancellationToken cancellationToken = default)
        => Map(log, request, null, cancellationToken);

    /// <summary>The process map with <paramref name="paint"/> on its steps (see <see cref="AnalysisUseCases.Paint"/>),
    /// drawn as SVG (and BPMN when asked).</summary>
    /// <exception cref="StepwiseException">A field of the request is not valid, or the lane attribute is not in the log.</exception>
    public static MapResult Map(LogSelection log, MapRequest request, StepPaint? paint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(request);
        var (options, style) = request.Parse(log.Measure, log.Origin.File);
        style = style with { Paint = paint };
        if (options.LaneAttribute is { } lanes)
        {
            RequireAttribute(log, lanes, "lanes");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var map = ProcessMap.Build(log.View, options);
        var drawing = MapDrawing.Create(map, style);
        return new MapResult(map, drawing, SvgMap.Render(drawing), request.Bpmn ? BpmnExport.ToXml(map, style.Title) : null);
    }

    /// <summary>Checks that the log has an attribute, naming the ones it has when not.</summary>
    /// <exception cref="StepwiseException">It has not (invalid value of <paramref name="field"/>).</exception>
    public static void RequireAttribute(LogSelection log, string attribute, string field)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (attribute != "org:resource" && !AttributeCodes.Exists(log.Log, attribute))
        {
            throw StepwiseException.Invalid(field, $"the log has no attribute '{attribute}'; it has: {string.Join(", ", log.Log.CaseAttributes.Select(a => a.Name).Concat(log.Log.EventAttributes.Select(a => a.Name)).Append("org:resource"))}.");
        }
    }
}
