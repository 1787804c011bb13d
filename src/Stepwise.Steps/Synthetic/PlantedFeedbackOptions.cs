namespace Stepwise.Steps.Synthetic;

/// <summary>How synthetic survey responses are generated for the cases of a real log.</summary>
public sealed record PlantedFeedbackOptions
{
    /// <summary>The seed: the same seed, log and options give the same responses.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>The share of cases that respond.</summary>
    public double ResponseRate { get; init; } = 0.6;

    /// <summary>The expected overall score of a case with no planted factor (on a 0-10 scale).</summary>
    public double BaseScore { get; init; } = 7.0;

    /// <summary>The standard deviation of the normal noise added before rounding to a whole point.</summary>
    public double NoiseSd { get; init; } = 1.6;

    /// <summary>The effects planted; every other factor has none.</summary>
    public IReadOnlyList<PlantedEffect> Effects { get; init; } = [];

    /// <summary>The attribute hand-over effects are defined on (<c>org:resource</c> for people).</summary>
    public string HandoverBy { get; init; } = "org:resource";

    /// <summary>The log attribute holding the customer id; null writes no customer ids.</summary>
    public string? CustomerAttribute { get; init; }

    /// <summary>The share of responses written with a customer id and a date but without the case id (to be linked by
    /// customer and time window); needs <see cref="CustomerAttribute"/>.</summary>
    public double CustomerOnlyShare { get; init; }

    /// <summary>A response is given this long after its case ended, at most (uniformly from zero).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromDays(5);
}
