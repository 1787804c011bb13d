using Stepwise.Review.Artefacts;
using Stepwise.Review.Steps;
using StepScorecard = Stepwise.Steps.Scorecard.StepScorecard;

namespace Stepwise.Web.Components.Steps;

/// <summary>
/// One row of the step scorecard as the page shows it: the evidence measured on the data now, and cost, satisfaction
/// and compliance from the assessment saved last (each figure from the layer; nothing is estimated here).
/// </summary>
public sealed record StepRow
{
    /// <summary>The step (activity) name.</summary>
    public required string Name { get; init; }

    /// <summary>Instances.</summary>
    public long Events { get; init; }

    /// <summary>Cases through it.</summary>
    public int Cases { get; init; }

    /// <summary>Median service time in seconds (NaN when the log has no start times).</summary>
    public double ServiceMedian { get; init; } = double.NaN;

    /// <summary>Median handling time in seconds, however known (NaN when unknown).</summary>
    public double HandlingMedian { get; init; } = double.NaN;

    /// <summary>Where the handling time comes from, in words: measured, standard time, estimated, partly measured, unknown.</summary>
    public string HandlingBasis { get; init; } = "unknown";

    /// <summary>Whether the cost rests on handling times that were not all measured.</summary>
    public bool CostEstimated { get; init; }

    /// <summary>The currency of the saved cost (null when the rates named none).</summary>
    public string? Currency { get; init; }

    /// <summary>Median waiting time before it, in seconds.</summary>
    public double WaitingMedian { get; init; } = double.NaN;

    /// <summary>Share of its cases coming back to it after another step (rework).</summary>
    public double ReworkShare { get; init; } = double.NaN;

    /// <summary>Share of its instances handed over from another participant.</summary>
    public double HandoverShare { get; init; } = double.NaN;

    /// <summary>Total cost from the saved cost assessment, or null when not costed.</summary>
    public double? Cost { get; init; }

    /// <summary>The satisfaction gap (score points) from the saved assessment, or null without feedback.</summary>
    public double? SatisfactionGap { get; init; }

    /// <summary>Whether the gap was flagged as a discovery.</summary>
    public bool SatisfactionFlagged { get; init; }

    /// <summary>The compliance rate from the saved assessment, or null without rules.</summary>
    public double? Compliance { get; init; }

    /// <summary>The value class in words: the review's, else the suggestion from the evidence.</summary>
    public string Value { get; init; } = "unclassified";

    /// <summary>Questions saved about the step.</summary>
    public int Questions { get; init; }

    /// <summary>The saved step, when the review has it.</summary>
    public Step? Saved { get; init; }

    /// <summary>The rows of a scorecard with what the review saved.</summary>
    public static List<StepRow> From(StepScorecard card, IReadOnlyList<Versioned<Step>> steps, IReadOnlyList<Versioned<StepAssessment>> assessments, IReadOnlyList<Versioned<ChallengeQuestion>> questions, string? currency = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        var byActivity = steps.GroupBy(s => s.Value.Activity ?? s.Value.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var rows = new List<StepRow>();
        foreach (var a in card.Steps)
        {
            var saved = byActivity.GetValueOrDefault(a.Name);
            var mine = saved is null ? [] : assessments.Where(x => x.Value.StepId == saved.Id).Select(x => x.Value).ToList();
            var cost = mine.FirstOrDefault(x => x.Aspect == AssessmentAspect.Cost);
            var satisfaction = mine.FirstOrDefault(x => x.Aspect == AssessmentAspect.CustomerSatisfaction);
            var compliance = mine.FirstOrDefault(x => x.Aspect == AssessmentAspect.Compliance);
            rows.Add(new StepRow
            {
                Name = a.Name,
                Events = a.Step.Events,
                Cases = a.Step.Cases,
                ServiceMedian = a.Step.ServiceTime.Count > 0 ? a.Step.ServiceTime.Median : double.NaN,
                HandlingMedian = a.Handling.MedianSeconds,
                HandlingBasis = BasisWords(a.Handling.Basis),
                CostEstimated = cost is not null && (a.Handling.Basis != Stepwise.Steps.Evidence.HandlingTimeBasis.Measured || Measure(cost, "instances_without_time") > 0),
                Currency = cost is null ? null : currency,
                WaitingMedian = a.Step.WaitingTime.Count > 0 ? a.Step.WaitingTime.Median : double.NaN,
                ReworkShare = a.Step.ReworkShare,
                HandoverShare = a.Step.HandoverShare,
                Cost = Measure(cost, "total_cost"),
                SatisfactionGap = Measure(satisfaction, "gap"),
                SatisfactionFlagged = Measure(satisfaction, "flagged") == 1,
                Compliance = Measure(compliance, "compliance_rate"),
                Value = saved is { Value: not ValueClass.Unclassified } ? Labels.Words(saved.Value).ToLowerInvariant() : Words(a.Value.Class.ToString()),
                Questions = saved is null ? 0 : questions.Count(q => q.Value.StepId == saved.Id),
                Saved = saved,
            });
        }

        return rows;
    }

    /// <summary>The handling-time basis as the scorecard writes it.</summary>
    public static string BasisWords(Stepwise.Steps.Evidence.HandlingTimeBasis basis) => basis switch
    {
        Stepwise.Steps.Evidence.HandlingTimeBasis.Measured => "measured",
        Stepwise.Steps.Evidence.HandlingTimeBasis.Standard => "standard time",
        Stepwise.Steps.Evidence.HandlingTimeBasis.Estimated => "estimated",
        Stepwise.Steps.Evidence.HandlingTimeBasis.Mixed => "partly measured",
        _ => "unknown",
    };

    private static double? Measure(StepAssessment? assessment, string name) => assessment is not null && assessment.Measures.TryGetValue(name, out double v) ? v : null;

    private static string Words(string name) => string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
