using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Evaluation;

/// <summary>A risk of an option (or of the review as a whole): likelihood and impact 1 to 5, an owner and a mitigation. A risk with the same description and option is changed.</summary>
public sealed record RiskRequest
{
    /// <summary>What could go wrong.</summary>
    public required string Description { get; init; }

    /// <summary>1 (rare) to 5 (almost certain).</summary>
    public required int Likelihood { get; init; }

    /// <summary>1 (minor) to 5 (severe).</summary>
    public required int Impact { get; init; }

    /// <summary>The option (title or id), or none for the review as a whole.</summary>
    public string? Option { get; init; }

    /// <summary>What will be done about it.</summary>
    public string? Mitigation { get; init; }

    /// <summary>Who watches it (a stakeholder's name).</summary>
    public string? Owner { get; init; }

    /// <summary>Checks every field.</summary>
    public Validation Validate() => new Validation().Text("description", Description, 4000).Between("likelihood", Likelihood, 1, 5).Between("impact", Impact, 1, 5)
        .Text("option", Option, 200, required: false).Text("mitigation", Mitigation, 4000, required: false).Text("owner", Owner, 200, required: false);
}
