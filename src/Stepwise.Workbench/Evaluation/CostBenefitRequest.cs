using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Evaluation;

/// <summary>
/// The money case of an option. Savings are given (<see cref="YearlySavings"/>) or come from the option's simulation:
/// the improvement of a simulated KPI (<see cref="SavingsKpi"/>, e.g. <c>cost_per_case</c>) times what one unit of it
/// is worth in a year (<see cref="SavingsPerUnit"/>, e.g. the cases a year for cost per case), with the simulation's
/// 95% interval carried through to a savings interval.
/// </summary>
public sealed record CostBenefitRequest
{
    /// <summary>The option (title or id).</summary>
    public required string Option { get; init; }

    /// <summary>Spent once, at the start.</summary>
    public decimal OneOffCost { get; init; }

    /// <summary>Saved or recovered once, at the start.</summary>
    public decimal OneOffSaving { get; init; }

    /// <summary>Spent every year.</summary>
    public decimal YearlyCost { get; init; }

    /// <summary>Saved every year, when not from the simulation.</summary>
    public decimal? YearlySavings { get; init; }

    /// <summary>The simulated KPI whose improvement saves money, e.g. <c>cost_per_case</c> or <c>throughput_median</c>.</summary>
    public string? SavingsKpi { get; init; }

    /// <summary>What one unit of improvement of <see cref="SavingsKpi"/> is worth in a year, in the unit the simulation
    /// measures it in: for a share, the whole share (100 percentage points: 100 times the worth of one point); for a time,
    /// one second; for cost per case, 1 of money (the worth is the cases a year); for a count, one case.</summary>
    public decimal? SavingsPerUnit { get; init; }

    /// <summary>The horizon in years (1 to 50).</summary>
    public int Years { get; init; } = 5;

    /// <summary>The yearly discount rate (0.05 = 5%).</summary>
    public decimal DiscountRate { get; init; } = 0.05m;

    /// <summary>Checks every field.</summary>
    public Validation Validate()
    {
        var v = new Validation().Text("option", Option, 200).Text("savings_kpi", SavingsKpi, 200, required: false);
        v.AtLeast("one_off_cost", OneOffCost, 0).AtLeast("one_off_saving", OneOffSaving, 0).AtLeast("yearly_cost", YearlyCost, 0);
        v.Between("years", Years, 1, 50);
        if (DiscountRate is < 0 or >= 1)
        {
            v.Add("discount_rate", "must be at least 0 and below 1, e.g. 0.05 for 5%.");
        }

        if (YearlySavings is null == SavingsKpi is null)
        {
            v.Add(YearlySavings is null ? "yearly_savings" : "savings_kpi", "give either the yearly savings or a simulated KPI (with --savings-per-unit) that they come from.");
        }

        if (SavingsKpi is not null && SavingsPerUnit is null)
        {
            v.Add("savings_per_unit", "is required with --savings-kpi: what one unit of its improvement is worth in a year.");
        }

        return v;
    }
}
