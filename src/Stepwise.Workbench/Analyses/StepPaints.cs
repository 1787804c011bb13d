using System.Globalization;
using System.Text.RegularExpressions;
using Stepwise.Maps.Rendering;
using Stepwise.Mining.Discovery;
using Stepwise.Review.Steps;

namespace Stepwise.Workbench.Analyses;

/// <summary>
/// The figures a map can paint on its steps, each with its unit: cost, satisfaction gap and breaches from the review's
/// saved step assessments (so they are the figures the review stands behind), waiting measured on the log shown.
/// </summary>
internal static partial class StepPaints
{
    /// <summary>Median waiting before each step, measured on the cases shown.</summary>
    public static StepPaint Waiting(IReadOnlyList<ActivityStatistics> activities) => new()
    {
        Measure = "median waiting before the step (measured on the log)",
        Missing = "no waiting measured",
        Steps = activities.Where(a => a.WaitingTime.Count > 0)
            .ToDictionary(a => a.Name, a => new PaintedFigure(a.WaitingTime.Median, "waits " + DurationText.Format(a.WaitingTime.Median)), StringComparer.Ordinal),
    };

    /// <summary>A figure from the saved assessments: cost, satisfaction or breaches.</summary>
    public static StepPaint Saved(string paint, IReadOnlyList<Step> steps, IReadOnlyList<StepAssessment> assessments)
    {
        var byId = steps.ToDictionary(s => s.Id, s => s.Activity ?? s.Name);
        var figures = new Dictionary<string, PaintedFigure>(StringComparer.Ordinal);
        switch (paint)
        {
            case "cost":
                string? currency = null;
                int estimated = 0;
                foreach (var a in assessments.Where(a => a.Aspect == AssessmentAspect.Cost && byId.ContainsKey(a.StepId)))
                {
                    if (!a.Measures.TryGetValue("total_cost", out double cost))
                    {
                        continue;
                    }

                    currency ??= Currency(a);
                    bool isEstimate = a.Measures.TryGetValue("instances_without_time", out double missing) && missing > 0 || HandlingNotMeasured(a);
                    estimated += isEstimate ? 1 : 0;
                    figures[byId[a.StepId]] = new PaintedFigure(cost, Money(cost, currency) + (isEstimate ? " (estimated)" : string.Empty));
                }

                return new StepPaint
                {
                    Measure = $"total cost{(currency is null ? string.Empty : $" in {currency}")}{(estimated > 0 ? $"; {estimated} from estimated handling times" : string.Empty)}",
                    Missing = "not costed",
                    Steps = figures,
                };
            case "satisfaction":
                foreach (var a in assessments.Where(a => a.Aspect == AssessmentAspect.CustomerSatisfaction && byId.ContainsKey(a.StepId)))
                {
                    if (a.Measures.TryGetValue("gap", out double gap))
                    {
                        bool flagged = a.Measures.TryGetValue("flagged", out double f) && f == 1;
                        figures[byId[a.StepId]] = new PaintedFigure(gap, gap.ToString("+0.00;−0.00;0.00", CultureInfo.InvariantCulture) + " points" + (flagged ? " ⚑" : string.Empty));
                    }
                }

                return new StepPaint
                {
                    Measure = "satisfaction gap of cases through the step (score points; ⚑ significant)",
                    Missing = "no feedback",
                    HigherIsWorse = false,
                    Steps = figures,
                };
            default:
                foreach (var a in assessments.Where(a => a.Aspect == AssessmentAspect.Compliance && byId.ContainsKey(a.StepId)))
                {
                    if (a.Measures.TryGetValue("violating_cases", out double cases))
                    {
                        double decided = a.Measures.GetValueOrDefault("cases_decided");
                        figures[byId[a.StepId]] = new PaintedFigure(cases, $"{cases.ToString("N0", CultureInfo.InvariantCulture)} {(cases == 1 ? "case" : "cases")} breaching{(decided > 0 ? $" ({(cases / decided).ToString("0.#%", CultureInfo.InvariantCulture)})" : string.Empty)}");
                    }
                }

                return new StepPaint
                {
                    Measure = "cases breaching a compliance rule reported against the step",
                    Missing = "no rules",
                    Steps = figures,
                };
        }
    }

    /// <summary>The currency of a saved cost assessment, read from the evidence sentence the assessment writes
    /// ("'Step' costs 1,234.00 EUR over 56 instances; ..."); null when the rates named none.</summary>
    internal static string? Currency(StepAssessment cost)
    {
        foreach (var e in cost.Evidence)
        {
            var m = CostSentence().Match(e.Summary);
            if (m.Success && m.Groups["currency"].Value.Length > 0)
            {
                return m.Groups["currency"].Value;
            }
        }

        return null;
    }

    private static bool HandlingNotMeasured(StepAssessment cost)
        => cost.Evidence.Any(e => CostSentence().Match(e.Summary) is { Success: true } m && m.Groups["basis"].Value != "measured");

    private static string Money(double amount, string? currency)
        => currency is null ? amount.ToString("N0", CultureInfo.InvariantCulture) : $"{amount.ToString("N0", CultureInfo.InvariantCulture)} {currency}";

    [GeneratedRegex(@" costs -?[0-9,]+(\.[0-9]+)? (?<currency>[^ ]*) ?over [0-9,]+ instances; handling time (?<basis>[a-z]+)\.$", RegexOptions.CultureInvariant)]
    private static partial Regex CostSentence();
}
