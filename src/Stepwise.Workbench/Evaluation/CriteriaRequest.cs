using System.Globalization;
using Stepwise.Review.Evaluation;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Evaluation;

/// <summary>The criteria of the decision matrix with their weights, which must sum to 1 (e.g. speed 0.4, cost 0.35, customer effort 0.25).</summary>
public sealed record CriteriaRequest
{
    /// <summary>Each criterion as <c>name=weight</c> (the command line's <c>--criterion</c>), e.g. <c>Speed=0.4</c>.</summary>
    public IReadOnlyList<string> Criterion { get; init; } = [];

    /// <summary>Checks every field and returns the criteria.</summary>
    public IReadOnlyList<Criterion> Parse()
    {
        var v = new Validation();
        var result = new List<Criterion>();
        if (Criterion.Count == 0)
        {
            v.Add("criterion", "is required: give each criterion as name=weight, e.g. Speed=0.4; the weights sum to 1.");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var text in Criterion)
        {
            int eq = text?.LastIndexOf('=') ?? -1;
            if (text is null || eq <= 0 || !double.TryParse(text[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double weight))
            {
                v.Add("criterion", $"'{text}' must be name=weight, e.g. Speed=0.4.");
                continue;
            }

            string name = text[..eq].Trim();
            if (!(weight >= 0 && weight <= 1))
            {
                v.Add("criterion", $"'{text}': the weight must be between 0 and 1.");
            }
            else if (!names.Add(name))
            {
                v.Add("criterion", $"'{name}' is given twice.");
            }
            else
            {
                result.Add(new Criterion(name, weight));
            }
        }

        double total = result.Sum(c => c.Weight);
        if (result.Count > 0 && Math.Abs(total - 1) > OptionEvaluation.WeightTolerance)
        {
            v.Add("criterion", $"the weights must sum to 1; they sum to {total.ToString("0.######", CultureInfo.InvariantCulture)}.");
        }

        v.ThrowIfAny();
        return result;
    }
}
