using Stepwise.Review.Access;
using Stepwise.Review.Common;
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

namespace Stepwise.Review.Artefacts;

/// <summary>The C# type of each kind of artefact, for reading stored or exported JSON whose kind is only known at run time.</summary>
public static class ArtefactTypes
{
    /// <summary>Reads <paramref name="json"/> as an artefact of <paramref name="kind"/>, checking every field and rule of the type.</summary>
    /// <exception cref="InvalidDataException">The JSON is not a valid artefact of that kind.</exception>
    public static IArtefact Read(ArtefactKind kind, string json, string what)
    {
        try
        {
            return kind switch
            {
                ArtefactKind.Review => CanonicalJson.Deserialize<ProcessReview>(json, what),
                ArtefactKind.Scope => CanonicalJson.Deserialize<Scope>(json, what),
                ArtefactKind.Stakeholder => CanonicalJson.Deserialize<Stakeholder>(json, what),
                ArtefactKind.Communication => CanonicalJson.Deserialize<Communication>(json, what),
                ArtefactKind.Step => CanonicalJson.Deserialize<Step>(json, what),
                ArtefactKind.StepAssessment => CanonicalJson.Deserialize<StepAssessment>(json, what),
                ArtefactKind.ChallengeQuestion => CanonicalJson.Deserialize<ChallengeQuestion>(json, what),
                ArtefactKind.ImprovementOption => CanonicalJson.Deserialize<ImprovementOption>(json, what),
                ArtefactKind.Evaluation => CanonicalJson.Deserialize<OptionEvaluation>(json, what).Checked(),
                ArtefactKind.Recommendation => CanonicalJson.Deserialize<Recommendation>(json, what),
                ArtefactKind.ImplementationPlan => CanonicalJson.Deserialize<ImplementationPlan>(json, what).Checked(),
                ArtefactKind.MonitoringPlan => CanonicalJson.Deserialize<MonitoringPlan>(json, what),
                ArtefactKind.MonitoringRun => CanonicalJson.Deserialize<MonitoringRun>(json, what),
                ArtefactKind.QualityReview => CanonicalJson.Deserialize<QualityReview>(json, what).Checked(),
                ArtefactKind.Member => CanonicalJson.Deserialize<ReviewMember>(json, what),
                _ => throw new InvalidDataException($"{what}: a {kind} is not an artefact of a review."),
            };
        }
        catch (ReviewRuleException ex)
        {
            throw new InvalidDataException($"{what}: {ex.Message}", ex);
        }
    }

    /// <summary>Checks that <paramref name="json"/> is a valid artefact of <paramref name="kind"/>.</summary>
    /// <exception cref="InvalidDataException">It is not.</exception>
    public static void Check(ArtefactKind kind, string json, string what) => _ = Read(kind, json, what);
}
