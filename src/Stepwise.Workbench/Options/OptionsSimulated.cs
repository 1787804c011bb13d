using Stepwise.Review.Artefacts;
using Stepwise.Review.Options;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.WhatIf;

namespace Stepwise.Workbench.Options;

/// <summary>Options simulated: the what-if run, the options as saved with their simulation, and the data it ran on.</summary>
/// <param name="Run">The model, its check, the as-is and each option's KPIs.</param>
/// <param name="Options">The options as saved, each with its simulation.</param>
/// <param name="Basis">The data source, scope and measure.</param>
public sealed record OptionsSimulated(WhatIfResult Run, IReadOnlyList<Versioned<ImprovementOption>> Options, AnalysisBasis Basis);
