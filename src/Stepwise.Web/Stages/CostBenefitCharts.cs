using System.Globalization;
using Stepwise.Charts;
using Stepwise.Review.Evaluation;

namespace Stepwise.Web.Stages;

/// <summary>The money case of an option drawn as a waterfall from the one-off amounts, through each year's discounted net benefit, to the net present value.</summary>
public static class CostBenefitCharts
{
    /// <summary>Years beyond which the yearly steps are drawn as one (a bar per year stops reading past ten).</summary>
    public const int YearlyStepsUpTo = 10;

    /// <summary>The waterfall of <paramref name="cb"/>, whose last bar is its net present value; amounts in <paramref name="currency"/> when it is known.</summary>
    public static WaterfallChart Waterfall(CostBenefit cb, string option, string? currency = null)
    {
        ArgumentNullException.ThrowIfNull(cb);
        var steps = new List<WaterfallStep>();
        if (cb.OneOffCost > 0)
        {
            steps.Add(new WaterfallStep("One-off cost", -(double)cb.OneOffCost));
        }

        if (cb.OneOffSaving > 0)
        {
            steps.Add(new WaterfallStep("One-off saving", (double)cb.OneOffSaving));
        }

        // The same end-of-year discounting as the case's own net present value.
        decimal factor = 1m, grouped = 0m;
        for (int year = 1; year <= cb.Years; year++)
        {
            factor /= 1m + cb.DiscountRate;
            decimal discounted = cb.NetPerYear * factor;
            if (cb.Years <= YearlyStepsUpTo)
            {
                steps.Add(new WaterfallStep(string.Create(CultureInfo.InvariantCulture, $"Year {year}"), (double)discounted));
            }
            else
            {
                grouped += discounted;
            }
        }

        if (cb.Years > YearlyStepsUpTo)
        {
            steps.Add(new WaterfallStep(string.Create(CultureInfo.InvariantCulture, $"Years 1–{cb.Years}"), (double)grouped));
        }

        steps.Add(WaterfallStep.Total("Net present value"));
        return new WaterfallChart
        {
            Title = $"Net present value of “{option}”",
            Subtitle = string.Create(CultureInfo.InvariantCulture, $"Savings less running cost each year, discounted at {cb.DiscountRate * 100:0.##}% over {cb.Years} years; one-off amounts now"),
            Value = currency is null ? Measure.Number("Amount", "money", 0) : Measure.Money("Amount", currency, 0),
            Steps = steps,
            StepName = "Flow",
        };
    }
}
