using Stepwise.Simulation.Engine;
using Stepwise.Simulation.Model;
using Stepwise.Simulation.Scenarios;
using Stepwise.Simulation.Statistics;
using Stepwise.Simulation.Validation;

namespace Stepwise.Workbench.WhatIf;

/// <summary>A what-if run: the model, how well it reproduced the data, the as-is KPIs and each scenario beside them.</summary>
/// <param name="Model">The model simulated.</param>
/// <param name="Options">Replications, seed and period.</param>
/// <param name="Validation">The check of the as-is model against the data, or null when skipped.</param>
/// <param name="AsIs">The as-is run.</param>
/// <param name="Scenarios">Each scenario with its KPIs beside the as-is (paired replications).</param>
public sealed record WhatIfResult(SimulationModel Model, SimulationOptions Options, ValidationReport? Validation, SimulationResult AsIs, IReadOnlyList<ScenarioOutcome> Scenarios)
{
    /// <summary>The simulated period in days.</summary>
    public double HorizonDays => (Options.Horizon ?? TimeSpan.FromDays(Model.HorizonDays)).TotalDays;
}

/// <summary>One scenario's KPIs beside the as-is.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Comparisons">Each KPI: as-is, scenario and difference with 95% intervals.</param>
/// <param name="Notes">What the scenario run noticed, e.g. hours a change of staff left with nobody on shift.</param>
public sealed record ScenarioOutcome(Scenario Scenario, IReadOnlyList<KpiComparison> Comparisons, IReadOnlyList<string>? Notes = null);
