using Stepwise.Review.Common;

namespace Stepwise.Review.Evaluation;

/// <summary>
/// The money case of one option: one-off cost, yearly running cost and yearly savings over a horizon, with the
/// simple payback period and the net present value at a discount rate. Amounts are in the workspace currency.
/// </summary>
public sealed record CostBenefit
{
    /// <summary>Creates a cost-benefit case.</summary>
    /// <exception cref="ReviewRuleException">An amount is negative, the horizon is not 1 to 50 years, or the rate is not between 0 and 1.</exception>
    public CostBenefit(Guid optionId, decimal oneOffCost, decimal runningCostPerYear, decimal savingsPerYear, int years, decimal discountRate)
    {
        OptionId = Guard.Id(optionId, "Costed option");
        OneOffCost = Guard.NonNegative(oneOffCost, "One-off cost");
        RunningCostPerYear = Guard.NonNegative(runningCostPerYear, "Running cost per year");
        SavingsPerYear = Guard.NonNegative(savingsPerYear, "Savings per year");
        Years = Guard.Range(years, 1, 50, "Cost-benefit horizon in years");
        if (discountRate is < 0 or >= 1)
        {
            throw new ReviewRuleException($"The discount rate must be at least 0 and below 1, e.g. 0.05 for 5% (got {discountRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}).");
        }

        DiscountRate = discountRate;
    }

    /// <summary>The option costed.</summary>
    public Guid OptionId { get; }

    /// <summary>Spent once, at the start (year 0).</summary>
    public decimal OneOffCost { get; }

    /// <summary>Spent every year.</summary>
    public decimal RunningCostPerYear { get; }

    /// <summary>Saved every year.</summary>
    public decimal SavingsPerYear { get; }

    /// <summary>The horizon.</summary>
    public int Years { get; }

    /// <summary>The yearly discount rate (0.05 = 5%).</summary>
    public decimal DiscountRate { get; }

    /// <summary>Savings less running cost, per year.</summary>
    public decimal NetPerYear => SavingsPerYear - RunningCostPerYear;

    /// <summary>Years until the one-off cost is paid back by the net yearly benefit (not discounted); null if never.</summary>
    public decimal? PaybackYears => NetPerYear > 0 ? OneOffCost / NetPerYear : null;

    /// <summary>Net present value: minus the one-off cost plus each year's net benefit discounted to year 0 (end-of-year flows).</summary>
    public decimal NetPresentValue
    {
        get
        {
            decimal npv = -OneOffCost;
            decimal factor = 1m;
            for (int year = 1; year <= Years; year++)
            {
                factor /= 1m + DiscountRate;
                npv += NetPerYear * factor;
            }

            return decimal.Round(npv, 2, MidpointRounding.AwayFromZero);
        }
    }
}
