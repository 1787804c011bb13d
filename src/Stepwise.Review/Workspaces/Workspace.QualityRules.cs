using Stepwise.Review.Access;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.Data;
using Stepwise.Review.People;
using Stepwise.Review.Quality;
using Stepwise.Review.Storage;

namespace Stepwise.Review.Workspaces;

/// <summary>The rules of a quality review's artefacts, checked before a save.</summary>
public sealed partial class Workspace
{
    private void CheckQualityRules<T>(ReviewEntry entry, T artefact, StoredArtefact? previous)
        where T : IArtefact
    {
        Guid reviewId = entry.Id;
        switch (artefact)
        {
            case QualityReview quality:
                RequireReviewId(entry, quality.Id, "quality review");
                quality.Checked();
                if (previous is not null && CanonicalJson.Deserialize<QualityReview>(previous.Json, "quality review").Revisions is { } before
                    && (quality.Revisions.Count < before.Count || !quality.Revisions.Take(before.Count).Select(r => CanonicalJson.Serialize(r)).SequenceEqual(before.Select(r => CanonicalJson.Serialize(r)), StringComparer.Ordinal)))
                {
                    throw new ReviewRuleException("Revisions of the measurement plan are kept as they were written; a new revision is added after them.");
                }

                break;
            case Stakeholder:
            case ReviewMember:
                break;
            case QualitySample sample:
                RequireUniqueName<QualitySample>(reviewId, sample.Id, sample.Name, s => s.Name, "sample");
                if (sample.Metric is { } metric)
                {
                    RequirePlannedMetric(reviewId, metric, $"Sample '{sample.Name}'");
                }

                break;
            case QualityAnalysis analysis:
                RequireUniqueName<QualityAnalysis>(reviewId, analysis.Id, analysis.Title, a => a.Title, "analysis");
                var source = _store.DataSources(reviewId).FirstOrDefault(d => d.Id == analysis.DataSourceId)
                    ?? throw new ReviewRuleException($"Analysis '{analysis.Title}' names data source {analysis.DataSourceId}, which is not in this review.");
                if (source.Kind != DataSourceKind.Feedback || source.ContentHash != analysis.DataHash)
                {
                    throw new ReviewRuleException($"Analysis '{analysis.Title}' must be of the feedback file {source.FileName} as it was imported (SHA-256 {source.ContentHash.Short}).");
                }

                if (analysis.SampleId is { } sampleId)
                {
                    _ = Find<QualitySample>(reviewId, sampleId) ?? throw new ReviewRuleException($"Analysis '{analysis.Title}' answers sample {sampleId}, which is not in this review.");
                }

                foreach (var result in analysis.Results)
                {
                    RequirePlannedMetric(reviewId, result.Metric, $"Analysis '{analysis.Title}'");
                }

                break;
            case QualityFinding finding:
                if (finding.AnalysisId is { } from)
                {
                    _ = Find<QualityAnalysis>(reviewId, from) ?? throw new ReviewRuleException($"The finding '{finding.Summary}' comes from analysis {from}, which is not in this review.");
                }

                break;
            case AgreedAction action:
                foreach (var id in action.FindingIds)
                {
                    _ = Find<QualityFinding>(reviewId, id) ?? throw new ReviewRuleException($"Action '{action.Title}' answers finding {id}, which is not in this review.");
                }

                break;
            case AudienceBriefing briefing:
                foreach (var id in briefing.AnalysisIds)
                {
                    _ = Find<QualityAnalysis>(reviewId, id) ?? throw new ReviewRuleException($"The briefing of {briefing.Audience} gives analysis {id}, which is not in this review.");
                }

                foreach (var id in briefing.FindingIds)
                {
                    _ = Find<QualityFinding>(reviewId, id) ?? throw new ReviewRuleException($"The briefing of {briefing.Audience} gives finding {id}, which is not in this review.");
                }

                foreach (var id in briefing.ActionIds)
                {
                    _ = Find<AgreedAction>(reviewId, id) ?? throw new ReviewRuleException($"The briefing of {briefing.Audience} gives action {id}, which is not in this review.");
                }

                break;
            default:
                throw new ReviewRuleException($"A quality review holds its plan, stakeholders, samples, analyses, findings, agreed actions and briefings, not a {Describe(T.Kind)}.");
        }
    }

    private void RequirePlannedMetric(Guid reviewId, string metric, string what)
    {
        var plan = Get<QualityReview>(reviewId, reviewId).Value;
        if (plan.Measure(metric) is null)
        {
            throw new ReviewRuleException($"{what} names metric '{metric}', which is not in the measurement plan ({(plan.MeasurementPlan.Count == 0 ? "it has none yet" : string.Join(", ", plan.MeasurementPlan.Select(m => m.Metric)))}).");
        }
    }

    private void RequireUniqueName<TArtefact>(Guid reviewId, Guid id, string name, Func<TArtefact, string> nameOf, string what)
        where TArtefact : IArtefact
    {
        if (List<TArtefact>(reviewId).FirstOrDefault(x => x.Value.Id != id && string.Equals(nameOf(x.Value), name, StringComparison.OrdinalIgnoreCase)) is not null)
        {
            throw new ReviewRuleException($"The review already has a {what} called '{name}'; give this one another name.");
        }
    }
}
