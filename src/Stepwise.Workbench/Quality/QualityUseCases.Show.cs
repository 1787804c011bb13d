using Stepwise.Review.Access;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Data;
using Stepwise.Review.People;
using Stepwise.Review.Quality;
using Stepwise.Workbench.Access;

namespace Stepwise.Workbench.Quality;

/// <summary>Everything a quality review holds, in one read.</summary>
public sealed partial class QualityUseCases
{
    /// <summary>Everything a quality review holds: plan and revisions, stakeholders, members, data sources with their provenance, samples and checks, analyses, findings, actions with their agreement, briefings and sign-offs.</summary>
    public QualityContents Show(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        RequireQuality(reviewId);
        var ws = _bench.Workspace;
        var findings = ws.List<QualityFinding>(reviewId);
        var analyses = ws.List<QualityAnalysis>(reviewId);
        var actions = ws.List<AgreedAction>(reviewId);
        string FindingName(Guid id) => findings.FirstOrDefault(f => f.Value.Id == id)?.Value is { } f ? f.Subject ?? f.Summary : id.ToString("D")[..8];
        return new QualityContents
        {
            Review = _bench.Reviews.Get(actor, reviewId),
            Plan = ws.Get<QualityReview>(reviewId, reviewId),
            PlanAgreement = ws.Agreement(reviewId, new ArtefactRef(ArtefactKind.QualityReview, reviewId)),
            Stakeholders = ws.List<Stakeholder>(reviewId),
            Members = _bench.Reviews.Members(actor, reviewId),
            DataSources = [.. ws.DataSources(reviewId).Where(d => d.Kind == DataSourceKind.Feedback)],
            Samples = ws.List<QualitySample>(reviewId),
            Analyses = analyses,
            Findings = [.. findings.OrderBy(f => f.Value.Priority)],
            Actions = [.. actions.Select(a => new ActionLine(a, [.. a.Value.FindingIds.Select(FindingName)], ws.Agreement(reviewId, new ArtefactRef(ArtefactKind.QualityAction, a.Value.Id))))],
            Briefings = [.. ws.List<AudienceBriefing>(reviewId).Select(b => new BriefingLine(b, [
                .. b.Value.AnalysisIds.Select(id => "analysis: " + (analyses.FirstOrDefault(a => a.Value.Id == id)?.Value.Title ?? id.ToString("D")[..8])),
                .. b.Value.FindingIds.Select(id => "finding: " + FindingName(id)),
                .. b.Value.ActionIds.Select(id => "action: " + (actions.FirstOrDefault(a => a.Value.Id == id)?.Value.Title ?? id.ToString("D")[..8])),
            ]))],
            SignOffs = ws.SignOffs(reviewId),
        };
    }
}
