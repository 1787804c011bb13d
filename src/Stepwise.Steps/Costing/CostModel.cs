using Stepwise.Steps.Evidence;

namespace Stepwise.Steps.Costing;

/// <summary>
/// The inputs of activity-based costing: hourly rates (per resource, role or team, first level that has a rate wins,
/// then the default rate), how handling time is found, and fixed costs per activity instance (postage, a third-party fee).
/// </summary>
public sealed record CostModel
{
    /// <summary>The currency code or symbol shown with costs (e.g. GBP); display only.</summary>
    public string Currency { get; init; } = string.Empty;

    /// <summary>Rates by attribute, in order of precedence (e.g. per resource, then per team).</summary>
    public IReadOnlyList<RateLevel> Levels { get; init; } = [];

    /// <summary>The hourly rate of work no level has a rate for; null leaves such work without labour cost (and says so).</summary>
    public double? DefaultRate { get; init; }

    /// <summary>How handling time is found: standard times per activity and the estimate.</summary>
    public HandlingTimeOptions Handling { get; init; } = new();

    /// <summary>Fixed cost of each instance of an activity, by activity name.</summary>
    public IReadOnlyDictionary<string, double> FixedCosts { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Where the model came from (a file name), for reports.</summary>
    public string? Source { get; init; }
}
