namespace Stepwise.Mining.IO.Xes;

/// <summary>
/// When and how a plain XES file is read on several cores: files of at least <see cref="MinBytes"/> bytes, on a
/// machine with more than one core, are cut at trace boundaries into about <see cref="PartsPerCore"/> parts a core
/// (<see cref="MinPartBytes"/> or more on average, shrinking towards the end of the file), each read by its own
/// scanner. Smaller files, compressed files and files in another encoding than UTF-8 are read by one scanner, which
/// costs them nothing extra.
/// </summary>
/// <param name="MinBytes">The smallest file read in parts.</param>
/// <param name="MinPartBytes">The smallest average part.</param>
/// <param name="PartsPerCore">Parts per core, so that a core slowed by other work hands parts to the others.</param>
/// <param name="Cores">Cores to use; 0 for every core of the machine.</param>
internal sealed record XesParallelism(long MinBytes, long MinPartBytes, int PartsPerCore, int Cores)
{
    /// <summary>Files of 32 MiB and more in parts of 8 MiB or more on average, eight a core, on every core.</summary>
    public static XesParallelism Default { get; } = new(32L << 20, 8L << 20, 8, 0);

    /// <summary>Always one scanner.</summary>
    public static XesParallelism Serial { get; } = new(long.MaxValue, long.MaxValue, 1, 1);

    /// <summary>The number of cores to read on.</summary>
    public int EffectiveCores => Cores > 0 ? Cores : Environment.ProcessorCount;
}
