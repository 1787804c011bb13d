namespace Stepwise.Simulation.Model;

/// <summary>Where a discovered model came from.</summary>
/// <param name="Source">The file name of the log.</param>
/// <param name="Cases">Cases in the log.</param>
/// <param name="Events">Events in the log.</param>
/// <param name="FirstArrival">The first case's start (UTC).</param>
/// <param name="LastArrival">The last case's start (UTC).</param>
/// <param name="DurationsFrom">How durations were measured ("start and completion times" or "time since the previous step").</param>
public sealed record ModelProvenance(string Source, int Cases, int Events, DateTime FirstArrival, DateTime LastArrival, string DurationsFrom)
{
    /// <summary>What the reader of the model must know about how it was discovered: what the log could not tell and
    /// what was calibrated.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
