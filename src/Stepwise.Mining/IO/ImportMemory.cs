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

    /// <summary>At the end of an import of at least <see cref="MinimumEvents"/> events: collects and hands the free
    /// memory back to the system (an aggressive collection, 60 to 75 ms on a 10M-event log). The holes the import
    /// leaves are its four-byte intermediates (the file-order case column, the assembly's spare), too small for the
    /// eight-byte array an event that an analysis allocates next (the durations of a directly-follows graph): kept,
    /// they would sit beside the analysis's fresh memory and add to the peak.</summary>
    public static void Release(long events)
    {
        if (events >= MinimumEvents)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }
}
