namespace Stepwise.Mining.Assembly;

/// <summary>The event columns during assembly, all in the same order.</summary>
internal sealed class AssemblyColumns
{
    public AssemblyColumns(int n, bool starts, bool lifecycles, int codeColumns, bool source)
    {
        Activities = new int[n];
        Resources = new int[n];
        Times = new long[n];
        Source = source ? new int[n] : null;
        Starts = starts ? new long[n] : null;
        Lifecycles = lifecycles ? new Lifecycle[n] : null;
        Codes = new int[codeColumns][];
        for (int k = 0; k < codeColumns; k++)
        {
            Codes[k] = new int[n];
        }
    }

    private AssemblyColumns(int[] activities, int[] resources, long[] times, int[]? source, long[]? starts, Lifecycle[]? lifecycles, int[]? pauses, int[][] codes)
    {
        Activities = activities;
        Resources = resources;
        Times = times;
        Source = source;
        Starts = starts;
        Lifecycles = lifecycles;
        Pauses = pauses;
        Codes = codes;
    }

    /// <summary>Columns over existing arrays (which may be longer than the events they hold).</summary>
    public static AssemblyColumns Wrap(int[] activities, int[] resources, long[] times, int[]? source, long[]? starts, int[][] codes)
        => new(activities, resources, times, source, starts, null, null, codes);

    public int[] Activities { get; }

    public int[] Resources { get; }

    public long[] Times { get; }

    /// <summary>The raw (file-order) index of each event, kept only when prebuilt columns must be gathered.</summary>
    public int[]? Source { get; }

    public long[]? Starts { get; private set; }

    public Lifecycle[]? Lifecycles { get; }

    /// <summary>For each event, the index of its list of suspensions, or -1 (only once lifecycles were paired).</summary>
    public int[]? Pauses { get; set; }

    public int[][] Codes { get; }

    public long OrderTime(int i) => Starts is not null && Starts[i] != Time.Timestamp.None ? Starts[i] : Times[i];

    /// <summary>Start times for every event, created (all unknown) when there were none.</summary>
    public long[] EnsureStarts()
    {
        if (Starts is null)
        {
            Starts = new long[Times.Length];
            Starts.AsSpan().Fill(Time.Timestamp.None);
        }

        return Starts;
    }

    /// <summary>Reorders the segment starting at <paramref name="from"/> so that position i takes the event at
    /// offset <c>keys[i].Event</c> of the segment.</summary>
    public void Permute(int from, int len, ReadOnlySpan<int> order)
    {
        PermuteOne(Activities, from, len, order);
        PermuteOne(Resources, from, len, order);
        PermuteOne(Times, from, len, order);
        if (Source is not null)
        {
            PermuteOne(Source, from, len, order);
        }

        if (Starts is not null)
        {
            PermuteOne(Starts, from, len, order);
        }

        if (Lifecycles is not null)
        {
            PermuteOne(Lifecycles, from, len, order);
        }

        if (Pauses is not null)
        {
            PermuteOne(Pauses, from, len, order);
        }

        foreach (var codes in Codes)
        {
            PermuteOne(codes, from, len, order);
        }
    }

    public AssemblyColumns Select(int[] order) => new(
        Pick(Activities, order),
        Pick(Resources, order),
        Pick(Times, order),
        Source is null ? null : Pick(Source, order),
        Starts is null ? null : Pick(Starts, order),
        Lifecycles is null ? null : Pick(Lifecycles, order),
        Pauses is null ? null : Pick(Pauses, order),
        [.. Codes.Select(c => Pick(c, order))]);

    private static void PermuteOne<T>(T[] array, int from, int len, ReadOnlySpan<int> order)
    {
        var copy = array.AsSpan(from, len).ToArray();
        for (int i = 0; i < len; i++)
        {
            array[from + i] = copy[order[i]];
        }
    }

    private static T[] Pick<T>(T[] source, int[] order)
    {
        var result = new T[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            result[i] = source[order[i]];
        }

        return result;
    }
}
