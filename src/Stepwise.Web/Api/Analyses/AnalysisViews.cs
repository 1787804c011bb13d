using Stepwise.Mining;
using Stepwise.Mining.Discovery;
using Stepwise.Mining.Statistics;
using Stepwise.Workbench.Analyses;

namespace Stepwise.Web.Api.Analyses;

/// <summary>What a log holds, as the API shows it (durations in seconds; shares as fractions).</summary>
public sealed record SummaryView(int Cases, int CasesInLog, long Events, int Activities, int Resources, DateTime? Start, DateTime? End, int Variants, double? TopVariantShare,
    DistributionSummary ThroughputSeconds, DistributionSummary EventsPerCase, int ReworkCases, double? ReworkShare, bool HasStartTimes, IReadOnlyList<string> CaseAttributes, IReadOnlyList<string> EventAttributes);

/// <summary>One step: volume, repeats, cases that come back to it after another step (<c>CasesWithReturns</c>: A, B, A;
/// a case that only repeats it straight after itself, A, A, is not counted), service and waiting time (seconds), and
/// who performs it.</summary>
public sealed record ActivityView(string Name, long Events, int Cases, long Repeats, int CasesWithRepeats, int CasesWithReturns, long SelfLoops, DurationStatistics ServiceTimeSeconds, DurationStatistics WaitingTimeSeconds, IReadOnlyList<ResourceCount> Resources);

/// <summary>How many events a resource performed.</summary>
public sealed record ResourceCount(string Resource, long Events);

/// <summary>The directly-follows graph: steps and which follows which, how often and how long between them (seconds).</summary>
public sealed record DfgView(int Cases, long Events, IReadOnlyList<DfgNode> Nodes, IReadOnlyList<DfgEdge> Edges);

/// <summary>A step of the graph.</summary>
public sealed record DfgNode(string Activity, long Events, int Cases);

/// <summary>A path between two steps (<c>[start]</c> and <c>[end]</c> for a case's first and last).</summary>
public sealed record DfgEdge(string From, string To, long Frequency, int Cases, DurationStatistics DurationSeconds);

/// <summary>The paths cases take, most common first.</summary>
public sealed record VariantsView(int Cases, int Variants, IReadOnlyList<VariantView> Top);

/// <summary>One path.</summary>
public sealed record VariantView(int Rank, IReadOnlyList<string> Activities, int Cases, double Share, double CumulativeShare);

/// <summary>Throughput times (seconds), events per case and rework, with the slowest cases.</summary>
public sealed record CasesView(int Cases, DistributionSummary ThroughputSeconds, DistributionSummary EventsPerCase, int ReworkCases, IReadOnlyList<CaseView> Slowest);

/// <summary>One case.</summary>
public sealed record CaseView(string Case, double ThroughputSeconds, int Events, bool Rework);

/// <summary>Work passed between the values of an attribute, and work bounced back (ping-pong).</summary>
public sealed record HandoversView(string By, long Transitions, int CasesWithHandover, int CasesWithPingPong, IReadOnlyList<HandoverView> Handovers, IReadOnlyList<PingPongView> PingPongs);

/// <summary>Work passed from one to another (seconds between them).</summary>
public sealed record HandoverView(string From, string To, long Count, int Cases, DurationStatistics DurationSeconds);

/// <summary>Work that went from one to another and back.</summary>
public sealed record PingPongView(string First, string Second, long Count, int Cases);

/// <summary>Turns the engines' results, which name steps and people by number, into views that name them.</summary>
internal static class AnalysisViews
{
    public static SummaryView Summary(LogSummary s) => new(s.Cases, s.CasesInLog, s.Events, s.Activities, s.Resources, s.Start, s.End, s.Variants, s.TopVariantShare,
        s.CaseStatistics.Throughput, s.CaseStatistics.EventsPerCase, s.CaseStatistics.ReworkCases, s.ReworkShare, s.HasStartTimes, s.CaseAttributes, s.EventAttributes);

    public static IReadOnlyList<ActivityView> Activities(IReadOnlyList<ActivityStatistics> steps, EventLog log)
        => [.. steps.Select(a => new ActivityView(a.Name, a.Events, a.Cases, a.Repeats, a.CasesWithRepeats, a.CasesWithReturns, a.SelfLoops, a.ServiceTime, a.WaitingTime,
            [.. a.Resources.Select(r => new ResourceCount(log.ResourceNames[r.Resource], r.Events))]))];

    public static DfgView Dfg(DirectlyFollowsGraph g)
        => new(g.CaseCount, g.EventCount, [.. g.Nodes.Select(n => new DfgNode(g.NameOf(n.Activity), n.Events, n.Cases))],
            [.. g.Edges.Select(e => new DfgEdge(g.NameOf(e.Source), g.NameOf(e.Target), e.Frequency, e.Cases, e.Duration))]);

    public static VariantsView Variants(VariantSet v, int top)
        => new(v.CaseCount, v.Count, [.. v.Take(top).Select(x => new VariantView(x.Rank, [.. x.Activities.Select(a => v.ActivityNames[a])], x.Cases, x.Share, x.CumulativeShare))]);

    public static CasesView Cases(CaseStatistics c, EventLog log, int slowest)
    {
        var order = Enumerable.Range(0, c.Cases.Count).OrderByDescending(i => c.ThroughputSeconds[i]).ThenBy(i => c.Cases[i]).Take(slowest);
        return new(c.Cases.Count, c.Throughput, c.EventsPerCase, c.ReworkCases, [.. order.Select(i => new CaseView(log.CaseIds[c.Cases[i]], c.ThroughputSeconds[i], c.Events[i], c.Rework[i]))]);
    }

    public static HandoversView Handovers(HandoverNetwork h)
        => new(h.By, h.Transitions, h.CasesWithHandover, h.CasesWithPingPong,
            [.. h.Handovers.Select(x => new HandoverView(h.Participants[x.From], h.Participants[x.To], x.Count, x.Cases, x.Duration))],
            [.. h.PingPongs.Select(p => new PingPongView(h.Participants[p.First], h.Participants[p.Second], p.Count, p.Cases))]);
}
