using Stepwise.Simulation.Statistics;
using Stepwise.Simulation.Validation;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Options;

namespace Stepwise.Web.Api.Stages;

/// <summary>
/// What a simulation of options found: how well the model reproduces the log, the as-is KPIs with their intervals, and
/// each option's KPIs against the as-is (the difference with its interval), on the data named by the basis.
/// </summary>
/// <param name="Basis">The data source, scope and filters the model was discovered from.</param>
/// <param name="HorizonDays">The simulated period.</param>
/// <param name="Replications">How many replications each scenario ran.</param>
/// <param name="Validation">The model against the log (null when validation was skipped).</param>
/// <param name="AsIs">The as-is KPIs.</param>
/// <param name="Options">Each option's comparison with the as-is.</param>
public sealed record SimulationView(AnalysisBasis Basis, double HorizonDays, int Replications, ValidationReport? Validation, IReadOnlyList<KpiEstimate> AsIs, IReadOnlyList<OptionOutcome> Options)
{
    /// <summary>The view of a run.</summary>
    public static SimulationView Of(OptionsSimulated run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var options = run.Run.Scenarios.Select(s => new OptionOutcome(
            run.Options.FirstOrDefault(o => string.Equals(o.Value.Title, s.Scenario.Name, StringComparison.Ordinal))?.Value.Id,
            s.Scenario.Name,
            s.Comparisons)).ToList();
        return new SimulationView(run.Basis, run.Run.HorizonDays, run.Run.AsIs.Replications.Count, run.Run.Validation, run.Run.AsIs.Kpis, options);
    }
}

/// <summary>One option's KPIs against the as-is.</summary>
/// <param name="OptionId">The option.</param>
/// <param name="Title">Its title.</param>
/// <param name="Comparisons">Each KPI: as-is, with the option, and the difference, each with its interval.</param>
public sealed record OptionOutcome(Guid? OptionId, string Title, IReadOnlyList<KpiComparison> Comparisons);
