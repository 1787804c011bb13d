using System.Globalization;
using Stepwise.Review.Access;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Decisions;
using Stepwise.Review.Evaluation;
using Stepwise.Review.Monitoring;
using Stepwise.Review.Options;
using Stepwise.Review.People;
using Stepwise.Review.Planning;
using Stepwise.Review.Quality;
using Stepwise.Review.Reviews;
using Stepwise.Review.Scoping;
using Stepwise.Review.Steps;

namespace Stepwise.Review.Workspaces;

/// <summary>How artefacts are named in the history: by what people call them, not by their ids.</summary>
public sealed partial class Workspace
{
    /// <summary>The name of an artefact as people say it, e.g. <c>option 'Automate triage'</c> or <c>stakeholder Sam Sponsor</c>.</summary>
    public string Label(Guid reviewId, IArtefact artefact) => artefact switch
    {
        ProcessReview r => $"review '{r.Title}'",
        Scope => "the scope",
        Stakeholder s => $"stakeholder {s.Name}",
        Communication c => $"communication by {c.Channel} on {c.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
        Step s => $"step '{s.Name}'",
        StepAssessment a => $"{Describe(a.Aspect)} assessment of {StepName(reviewId, a.StepId)}",
        ChallengeQuestion q => $"question '{Clip(q.Text, 70)}' on {StepName(reviewId, q.StepId)}",
        ImprovementOption o => $"option '{o.Title}'",
        OptionEvaluation => "the evaluation of the options",
        Recommendation r => $"recommendation '{r.Title}'",
        ImplementationPlan => "the implementation plan",
        MonitoringPlan => "the monitoring plan",
        MonitoringRun => "the monitoring of the change",
        QualityReview q => $"quality review '{q.Title}'",
        ReviewMember m => $"member {m.UserName}",
        _ => "an artefact",
    };

    /// <summary>The name of a stored artefact, read from its current (or, if gone, given) content.</summary>
    public string Label(Guid reviewId, ArtefactRef artefact)
    {
        if (artefact.Kind == ArtefactKind.DataSource)
        {
            return _store.DataSources(reviewId).FirstOrDefault(d => d.Id == artefact.Id) is { } d ? $"data source {d.FileName}" : "a data source";
        }

        var stored = _store.Find(reviewId, artefact);
        if (stored is null)
        {
            return Describe(artefact.Kind);
        }

        try
        {
            return Label(reviewId, ArtefactTypes.Read(artefact.Kind, stored.Json, artefact.ToString()));
        }
        catch (InvalidDataException)
        {
            return Describe(artefact.Kind);
        }
    }

    private static string Describe(AssessmentAspect aspect) => aspect switch
    {
        AssessmentAspect.CustomerSatisfaction => "satisfaction",
        _ => aspect.ToString().ToLowerInvariant(),
    };

    private string StepName(Guid reviewId, Guid stepId) => Find<Step>(reviewId, stepId)?.Value is { } step ? $"step '{step.Name}'" : "a step";

    private static string Clip(string text, int max)
    {
        string line = text.ReplaceLineEndings(" ");
        return line.Length <= max ? line : line[..(max - 1)] + "…";
    }
}
