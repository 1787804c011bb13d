namespace Stepwise.Mining.Discovery;

/// <summary>Splits the cases of a view into contiguous parts for parallel passes.</summary>
internal static class CaseRanges
{
    public static (int From, int To)[] Split(LogView view, int minCasesPerPart = 20_000)
    {
        int cases = view.CaseCount;
        int parts = Math.Max(1, Math.Min(Environment.ProcessorCount, cases / Math.Max(1, minCasesPerPart)));
        var ranges = new (int, int)[parts];
        for (int p = 0; p < parts; p++)
        {
            ranges[p] = ((int)((long)cases * p / parts), (int)((long)cases * (p + 1) / parts));
        }

        return ranges;
    }
}
