namespace Stepwise.Workbench.Sampling;

/// <summary>How a population file was read: kept with a saved sample so the same frame can be built again.</summary>
/// <param name="Id">The unit id column.</param>
/// <param name="Log">Whether the file is an event log whose cases are the units.</param>
/// <param name="Delimiter">The delimiter asked for (detected when null).</param>
public sealed record PopulationReadOptions(string? Id, bool Log, string? Delimiter);
