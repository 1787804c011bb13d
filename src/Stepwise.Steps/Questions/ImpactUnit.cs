namespace Stepwise.Steps.Questions;

/// <summary>What is at stake per case for a question.</summary>
public enum ImpactUnit
{
    /// <summary>Time, in seconds per affected case; impact is measured against the summed throughput time of all cases.</summary>
    Time,

    /// <summary>Cost per affected case; impact is measured against the total cost of all cases.</summary>
    Cost,

    /// <summary>Satisfaction points per affected case; impact is measured against every case losing the whole scale.</summary>
    Satisfaction,

    /// <summary>The case itself (a rule breach); impact is the share of all cases affected.</summary>
    Cases,

    /// <summary>Nothing measured (a user's question).</summary>
    None,
}
