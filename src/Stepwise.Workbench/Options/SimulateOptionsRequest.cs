using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.WhatIf;

namespace Stepwise.Workbench.Options;

/// <summary>Simulates options of a review against the as-is discovered from its stored data inside the scope.</summary>
public sealed record SimulateOptionsRequest
{
    /// <summary>The options (titles or ids); every option with changes when empty.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>The data source and calendar (filters are not allowed: the as-is is the agreed scope).</summary>
    public AnalysisRequest Data { get; init; } = new();

    /// <summary>Replications, seed, horizon and how the model is discovered.</summary>
    public WhatIfRequest Simulation { get; init; } = new();

    /// <summary>Checks every field.</summary>
    public Validation Validate()
    {
        var v = new Validation().Texts("options", Options, 200);
        foreach (var error in (Data ?? new AnalysisRequest()).Validate().Errors.Concat((Simulation ?? new WhatIfRequest()).Validate().Errors))
        {
            v.Add(error.Field, error.Message);
        }

        if (!(Data?.Filters ?? Logs.LogFilterRequest.None).IsEmpty)
        {
            v.Add("filters", "are not used when options are simulated: the as-is is the review's agreed scope (change it with 'stepwise review scope').");
        }

        return v;
    }
}
