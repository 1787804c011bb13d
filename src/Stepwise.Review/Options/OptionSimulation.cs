using Stepwise.Review.Common;

namespace Stepwise.Review.Options;

/// <summary>
/// The simulation of an option as evidence: on which data (data source and its SHA-256, inside which scope version),
/// with which model, seed and replications, how well the model reproduced the data, and each KPI with its interval
/// beside the as-is. Everything needed to run it again and get the same numbers.
/// </summary>
public sealed record OptionSimulation
{
    /// <summary>The data source the model was discovered from.</summary>
    public required Guid DataSourceId { get => field; init => field = Guard.Id(value, "Simulated data source"); }

    /// <summary>Its file name.</summary>
    public required string DataFile { get => field; init => field = Guard.Text(value, "Simulated data file", 400); }

    /// <summary>The SHA-256 of its file.</summary>
    public required ContentHash DataHash { get => field; init => field = value.IsEmpty ? throw new ReviewRuleException("A simulation must name the hash of its data.") : value; }

    /// <summary>The version of the scope whose cases were simulated, or null when the review had no scope.</summary>
    public long? ScopeVersion { get; init; }

    /// <summary>Cases the model was discovered from.</summary>
    public int Cases { get; init; }

    /// <summary>The model's name.</summary>
    public required string Model { get => field; init => field = Guard.Text(value, "Model name", 400); }

    /// <summary>How the model was discovered, in words (pools, routing history, cost per hour, service level).</summary>
    public string? Discovery { get => field; init => field = Guard.OptionalText(value, "Discovery settings"); }

    /// <summary>Replications per run.</summary>
    public required int Replications { get => field; init => field = Guard.Range(value, 2, 10_000, "Replications"); }

    /// <summary>The seed.</summary>
    public required long Seed { get; init; }

    /// <summary>The simulated period in days.</summary>
    public required double HorizonDays { get => field; init => field = Guard.NonNegative(value, "Horizon in days"); }

    /// <summary>The hash of the changes simulated (<see cref="ImprovementOption.ChangesHash"/>).</summary>
    public required ContentHash ChangesHash { get; init; }

    /// <summary>How well the as-is model reproduced the data, or null when the check was skipped.</summary>
    public ModelCheck? Check { get; init; }

    /// <summary>Each KPI beside the as-is.</summary>
    public IReadOnlyList<KpiInterval> Kpis { get => field; init => field = Guard.List(value, "Simulated KPIs"); } = [];

    /// <summary>When it was simulated.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Who ran it.</summary>
    public required string By { get => field; init => field = Guard.Text(value, "Simulated by", 200); }

    /// <summary>The KPI with that key, or null.</summary>
    public KpiInterval? Kpi(string key) => Kpis.FirstOrDefault(k => string.Equals(k.Key, key, StringComparison.Ordinal));
}
