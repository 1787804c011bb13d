using System.Runtime.InteropServices;
using Stepwise.Mining.Assembly;

namespace Stepwise.Mining.Discovery;

/// <summary>A variant: one distinct sequence of activities, with the cases that follow it.</summary>
/// <param name="Rank">Position in the list, 0 for the most frequent.</param>
/// <param name="Activities">The activity ids in order.</param>
/// <param name="Cases">Cases that follow exactly this sequence.</param>
/// <param name="Share">Their share of the cases of the view.</param>
/// <param name="CumulativeShare">The share of cases covered by this variant and all more frequent ones.</param>
public sealed record Variant(int Rank, IReadOnlyList<int> Activities, int Cases, double Share, double CumulativeShare)
{
    /// <summary>The activity names joined with <paramref name="separator"/>.</summary>
    public string Describe(NameTable names, string separator = " > ") => string.Join(separator, Activities.Select(a => names[a]));
}

/// <summary>
/// The variants of a view, most frequent first (ties: the one seen first in the log first), with the variant of
/// every case.
/// </summary>
public sealed class VariantSet : IReadOnlyList<Variant>
{
    private readonly Variant[] _variants;
    private readonly int[] _variantOfCase;

    private VariantSet(Variant[] variants, int[] variantOfCase, int cases, NameTable activities)
    {
        _variants = variants;
        _variantOfCase = variantOfCase;
        CaseCount = cases;
        ActivityNames = activities;
    }

    /// <summary>Cases in the view.</summary>
    public int CaseCount { get; }

    /// <summary>Activity names by id.</summary>
    public NameTable ActivityNames { get; }

    /// <inheritdoc />
    public int Count => _variants.Length;

    /// <inheritdoc />
    public Variant this[int index] => _variants[index];

    /// <summary>The rank of the variant of log case <paramref name="caseIndex"/>, or -1 when the case is not in the view.</summary>
    public int VariantOf(int caseIndex) => _variantOfCase[caseIndex];

    /// <summary>Finds the variants of <paramref name="view"/>.</summary>
    public static VariantSet Discover(LogView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var log = view.Log;
        var interner = new Utf8Interner();
        var byCase = new int[log.CaseCount];
        byCase.AsSpan().Fill(-1);
        var counts = new List<int>();
        var firstCase = new List<int>();
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            int id = interner.Intern(MemoryMarshal.AsBytes(log.CaseActivities(c)));
            if (id == counts.Count)
            {
                counts.Add(0);
                firstCase.Add(c);
            }

            counts[id]++;
            byCase[c] = id;
        }

        var order = new int[counts.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (x, y) => counts[x] != counts[y] ? counts[y].CompareTo(counts[x]) : x.CompareTo(y));
        var rankOf = new int[order.Length];
        var variants = new Variant[order.Length];
        double total = Math.Max(1, view.CaseCount);
        long cumulative = 0;
        for (int rank = 0; rank < order.Length; rank++)
        {
            int id = order[rank];
            rankOf[id] = rank;
            cumulative += counts[id];
            variants[rank] = new Variant(rank, log.CaseActivities(firstCase[id]).ToArray(), counts[id], counts[id] / total, cumulative / total);
        }

        for (int c = 0; c < byCase.Length; c++)
        {
            if (byCase[c] >= 0)
            {
                byCase[c] = rankOf[byCase[c]];
            }
        }

        return new VariantSet(variants, byCase, view.CaseCount, log.ActivityNames);
    }

    /// <inheritdoc />
    public IEnumerator<Variant> GetEnumerator() => ((IEnumerable<Variant>)_variants).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => _variants.GetEnumerator();
}
