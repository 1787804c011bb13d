using System.Globalization;
using Stepwise.Review.Common;

namespace Stepwise.Review.Evaluation;

/// <summary>
/// The money case of one option over a horizon: one-off cost and saving (year 0), yearly running cost and yearly
/// savings (end of each year), with the simple payback period and the net present value at a stated discount rate.
/// When the savings come from a simulation, their 95% interval is carried through to an interval of the net present
/// value and the payback. Amounts are in the workspace currency.
/// </summary>
public sealed record CostBenefit
{
    /// <summary>Creates a cost-benefit case.</summary>
    /// <exception cref="ReviewRuleException">A cost or the one-off saving is negative, the horizon is not 1 to 50 years, the rate is not
    /// between 0 and 1, or the savings interval does not contain the savings.</exception>
    public CostBenefit(Guid optionId, decimal oneOffCost, decimal runningCostPerYear, decimal savingsPerYear, int years, decimal discountRate,
        decimal oneOffSaving = 0m, decimal? savingsLowPerYear = null, decimal? savingsHighPerYear = null, string? savingsBasis = null)
    {
        OptionId = Guard.Id(optionId, "Costed option");
        OneOffCost = Guard.NonNegative(oneOffCost, "One-off cost");
        OneOffSaving = Guard.NonNegative(oneOffSaving, "One-off saving");
        RunningCostPerYear = Guard.NonNegative(runningCostPerYear, "Running cost per year");
        SavingsPerYear = savingsPerYear;
        Years = Guard.Range(years, 1, 50, "Cost-benefit horizon in years");
        if (discountRate is < 0 or >= 1)
        {
            throw new ReviewRuleException($"The discount rate must be at least 0 and below 1, e.g. 0.05 for 5% (got {discountRate.ToString(CultureInfo.InvariantCulture)}).");
        }

        DiscountRate = discountRate;
        if ((savingsLowPerYear is null) != (savingsHighPerYear is null))
        {
            throw new ReviewRuleException("A savings interval needs both its low and its high end.");
        }

        if (savingsLowPerYear is { } low && savingsHighPerYear is { } high && !(low <= savingsPerYear && savingsPerYear <= high))
        {
            throw new ReviewRuleException($"The savings interval [{low.ToString(CultureInfo.InvariantCulture)}, {high.ToString(CultureInfo.InvariantCulture)}] must contain the savings per year ({savingsPerYear.ToString(CultureInfo.InvariantCulture)}).");
        }

        SavingsLowPerYear = savingsLowPerYear;
        SavingsHighPerYear = savingsHighPerYear;
        SavingsBasis = Guard.OptionalText(savingsBasis, "Savings basis");
    }

    /// <summary>The option costed.</summary>
    public Guid OptionId { get; }

    /// <summary>Spent once, at the start (year 0).</summary>
    public decimal OneOffCost { get; }

    /// <summary>Saved or recovered once, at the start (year 0), e.g. equipment no longer needed.</summary>
    public decimal OneOffSaving { get; }

    /// <summary>Spent every year.</summary>
    public decimal RunningCostPerYear { get; }

    /// <summary>Saved every year (the central estimate); negative when the option costs more to run than it saves.</summary>
    public decimal SavingsPerYear { get; }

    /// <summary>The low end of the yearly savings' 95% interval, when they come from a simulation.</summary>
    public decimal? SavingsLowPerYear { get; }

    /// <summary>The high end of the yearly savings' 95% interval, when they come from a simulation.</summary>
    public decimal? SavingsHighPerYear { get; }

    /// <summary>Where the savings come from, e.g. "cost per case from the simulation of 3 March (20 replications) x 21,000 cases a year".</summary>
    public string? SavingsBasis { get; }

    /// <summary>The horizon.</summary>
    public int Years { get; }

    /// <summary>The yearly discount rate (0.05 = 5%).</summary>
    public decimal DiscountRate { get; }

    /// <summary>Savings less running cost, per year.</summary>
    public decimal NetPerYear => SavingsPerYear - RunningCostPerYear;

    /// <summary>Years until the net one-off cost is paid back by the net yearly benefit (not discounted); null if never.</summary>
    public decimal? PaybackYears => Payback(SavingsPerYear);

    /// <summary>The shortest payback in the savings interval (at its high end); null without an interval or if never.</summary>
    public decimal? PaybackYearsLow => SavingsHighPerYear is { } high ? Payback(high) : null;

    /// <summary>The longest payback in the savings interval (at its low end); null without an interval or if never.</summary>
    public decimal? PaybackYearsHigh => SavingsLowPerYear is { } low ? Payback(low) : null;

    /// <summary>Net present value: the net one-off amount plus each year's net benefit discounted to year 0 (end-of-year flows).</summary>
    public decimal NetPresentValue => Npv(SavingsPerYear);

    /// <summary>The net present value at the low end of the savings interval, or null without one.</summary>
    public decimal? NetPresentValueLow => SavingsLowPerYear is { } low ? Npv(low) : null;

    /// <summary>The net present value at the high end of the savings interval, or null without one.</summary>
    public decimal? NetPresentValueHigh => SavingsHighPerYear is { } high ? Npv(high) : null;

    private decimal? Payback(decimal savings)
    {
        decimal net = savings - RunningCostPerYear;
        decimal outlay = OneOffCost - OneOffSaving;
        if (outlay <= 0)
        {
            return 0m;
        }

        return net > 0 ? outlay / net : null;
    }

    private decimal Npv(decimal savings)
    {
        decimal net = savings - RunningCostPerYear;
        decimal npv = OneOffSaving - OneOffCost;
        decimal factor = 1m;
        for (int year = 1; year <= Years; year++)
        {
            factor /= 1m + DiscountRate;
            npv += net * factor;
        }

        return decimal.Round(npv, 2, MidpointRounding.AwayFromZero);
    }
}
