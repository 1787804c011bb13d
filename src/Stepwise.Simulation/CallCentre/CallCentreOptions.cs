namespace Stepwise.Simulation.CallCentre;

/// <summary>How to discover a contact-centre model from call records.</summary>
public sealed record CallCentreOptions
{
    /// <summary>Defaults: staffing calibrated, service level "answered within 60 seconds", no cost.</summary>
    public static CallCentreOptions Default { get; } = new();

    /// <summary>
    /// Which quantile of the calls in service seen when callers had to queue is taken as an hour's staff (0.5 to 1);
    /// null calibrates it so that the simulated mean wait matches the records' (see <see cref="CallCentreDiscovery"/>).
    /// </summary>
    public double? StaffingQuantile { get; init; }

    /// <summary>The waiting target of the service level, in seconds.</summary>
    public double ServiceLevelSeconds { get; init; } = 60;

    /// <summary>Cost of an agent hour; null when not known (calls are then not costed).</summary>
    public double? CostPerHour { get; init; }

    /// <summary>Replications per candidate quantile when calibrating.</summary>
    public int CalibrationReplications { get; init; } = 4;

    /// <summary>Seed of the calibration runs.</summary>
    public long Seed { get; init; } = 1;
}
