using System.Text.Json.Serialization;
using Stepwise.Review.Common;

namespace Stepwise.Review.Evaluation;

/// <summary>A risk of an option (or of the review), scored 1 to 5 for likelihood and for impact, with an owner and a mitigation.</summary>
public sealed record Risk
{
    /// <summary>Creates a risk.</summary>
    public Risk(string description, int likelihood, int impact, Guid? optionId = null, string? mitigation = null, string? owner = null)
    {
        Description = Guard.Text(description, "Risk description");
        Likelihood = Guard.Range(likelihood, 1, 5, $"Likelihood of risk '{Description}'");
        Impact = Guard.Range(impact, 1, 5, $"Impact of risk '{Description}'");
        OptionId = optionId;
        Mitigation = Guard.OptionalText(mitigation, "Mitigation");
        Owner = Guard.OptionalText(owner, $"Owner of risk '{Description}'", 200);
    }

    /// <summary>What could go wrong.</summary>
    public string Description { get; }

    /// <summary>1 (rare) to 5 (almost certain).</summary>
    public int Likelihood { get; }

    /// <summary>1 (minor) to 5 (severe).</summary>
    public int Impact { get; }

    /// <summary>The option it belongs to, or null for the review as a whole.</summary>
    public Guid? OptionId { get; }

    /// <summary>What will be done about it.</summary>
    public string? Mitigation { get; }

    /// <summary>Who watches it and acts (a stakeholder's name).</summary>
    public string? Owner { get; }

    /// <summary>Likelihood times impact (1 to 25).</summary>
    [JsonIgnore]
    public int Exposure => Likelihood * Impact;
}
