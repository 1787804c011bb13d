namespace Stepwise.Mining.IO;

/// <summary>
/// Hands the memory of an import's finished intermediates (per-range value tables, file-order columns) back to the
/// collector before the next phase allocates. Without it the collector, whose budget has grown with the import's
/// large arrays, runs no collection for the whole import, so every phase takes fresh memory and the peak is the sum
/// of all phases (docs/benchmarks.md, peak memory of a CSV import). A blocking
/// collection of a heap made of a few large arrays of numbers takes 10 to 20 ms; small imports skip it.
/// </summary>
internal static class ImportMemory
{
    /// <summary>Imports smaller than this many events are left to the collector's own schedule.</summary>
    internal const int MinimumEvents = 1_000_000;

    /// <summary>Collects now when the import holds at least <see cref="MinimumEvents"/> events.</summary>
    public static void Reclaim(long events)
    {
        if (events >= MinimumEvents)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
        }
    }
}
