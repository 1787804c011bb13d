namespace Stepwise.Simulation.Model;

/// <summary>
/// A simulation model of a process: arrivals, routing, steps with durations and pools, pools with shifts, and the
/// service level. Discovered from a log (<see cref="Discovery.ModelDiscovery"/>), saved and edited as a JSON file
/// (<see cref="ModelFile"/>), and changed by scenarios.
/// </summary>
public sealed record SimulationModel
{
    /// <summary>The version of the file format.</summary>
    public int FormatVersion { get; init; } = 1;

    /// <summary>A name for the model.</summary>
    public required string Name { get; init; }

    /// <summary>When the simulated period starts by default (UTC); weekday and holidays follow from it.</summary>
    public DateTime Start { get; init; } = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The default simulated period in days (arrivals stop then; cases already in the process finish).</summary>
    public double HorizonDays { get; init; } = 365;

    /// <summary>How cases arrive.</summary>
    public required ArrivalModel Arrivals { get; init; }

    /// <summary>The steps.</summary>
    public required IReadOnlyList<ActivityModel> Activities { get; init; }

    /// <summary>The pools of staff.</summary>
    public IReadOnlyList<PoolModel> Pools { get; init; } = [];

    /// <summary>Where cases go after each step.</summary>
    public required RoutingModel Routing { get; init; }

    /// <summary>The service-level target reported as "share within service level"; null for none.</summary>
    public ServiceLevel? ServiceLevel { get; init; }

    /// <summary>Where the model came from, when it was discovered.</summary>
    public ModelProvenance? DiscoveredFrom { get; init; }
}
