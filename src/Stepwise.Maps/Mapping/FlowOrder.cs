using Stepwise.Mining;

namespace Stepwise.Maps.Mapping;

/// <summary>
/// The order in which cases reach the activities, used to draw a map along its main flow. For every pair of
/// activities it counts the cases that reach one before the other (by first occurrence), then ranks the activities so
/// that as few cases as possible disagree with the ranking (a Kemeny-style ranking, found by starting from the mean
/// relative position of each activity's first occurrence and improving by moving one activity at a time while that
/// lowers the number of disagreeing cases). A step that most cases reach before another therefore ranks before it,
/// except where the precedences form a cycle that no ranking can satisfy.
/// </summary>
/// <remarks>Computed once on the whole view, before simplification, so a simplified map and the full map of the same
/// view draw their common steps in the same order along the flow.</remarks>
internal static class FlowOrder
{
    /// <summary>Activities a case contributes to the pair counts: the first this many distinct ones, which bounds the
    /// work of cases with hundreds of distinct activities.</summary>
    private const int MaxDistinctPerCase = 200;

    /// <summary>The rank of each activity of the log (0 = reached first); activities absent from the view rank last,
    /// by id.</summary>
    public static int[] Rank(LogView view)
    {
        var log = view.Log;
        int n = log.ActivityNames.Count;
        var before = new long[n * n];
        var positionSum = new double[n];
        var seenCases = new long[n];
        var firstSeen = new int[n];
        firstSeen.AsSpan().Fill(-1);
        var distinct = new List<int>(64);
        var acts = log.Activities;
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            distinct.Clear();
            for (int row = log.CaseStart(c); row < log.CaseEnd(c) && distinct.Count < MaxDistinctPerCase; row++)
            {
                int a = acts[row];
                if (firstSeen[a] != i)
                {
                    firstSeen[a] = i;
                    distinct.Add(a);
                }
            }

            int k = distinct.Count;
            for (int x = 0; x < k; x++)
            {
                int a = distinct[x];
                positionSum[a] += k == 1 ? 0.5 : x / (double)(k - 1);
                seenCases[a]++;
                int rowOffset = a * n;
                for (int y = x + 1; y < k; y++)
                {
                    before[rowOffset + distinct[y]]++;
                }
            }
        }

        // Start from the mean relative position of the first occurrence.
        var order = Enumerable.Range(0, n).ToArray();
        var key = new double[n];
        for (int a = 0; a < n; a++)
        {
            key[a] = seenCases[a] == 0 ? double.PositiveInfinity : positionSum[a] / seenCases[a];
        }

        Array.Sort(order, (a, b) => key[a] != key[b] ? key[a].CompareTo(key[b]) : seenCases[b] != seenCases[a] ? seenCases[b].CompareTo(seenCases[a]) : a.CompareTo(b));
        int present = 0;
        while (present < n && seenCases[order[present]] > 0)
        {
            present++;
        }

        Improve(order, present, before, n);
        var rank = new int[n];
        for (int i = 0; i < n; i++)
        {
            rank[order[i]] = i;
        }

        return rank;
    }

    /// <summary>Moves single activities to the place that most lowers the cases disagreeing with the order, until no
    /// move helps (a local optimum of the Kemeny score).</summary>
    private static void Improve(int[] order, int count, long[] before, int n)
    {
        // Each pass is O(count^2); a few passes reach a local optimum on real logs.
        int passes = count <= 300 ? 8 : 2;
        for (int pass = 0; pass < passes; pass++)
        {
            bool moved = false;
            for (int i = 0; i < count; i++)
            {
                int v = order[i];

                // Gain of moving v to position j: disagreements removed minus added, accumulated outwards from i.
                long best = 0;
                int bestAt = i;
                long running = 0;
                for (int j = i - 1; j >= 0; j--)
                {
                    int u = order[j];
                    running += before[(v * n) + u] - before[(u * n) + v];
                    if (running > best)
                    {
                        best = running;
                        bestAt = j;
                    }
                }

                running = 0;
                for (int j = i + 1; j < count; j++)
                {
                    int u = order[j];
                    running += before[(u * n) + v] - before[(v * n) + u];
                    if (running > best)
                    {
                        best = running;
                        bestAt = j;
                    }
                }

                if (bestAt == i)
                {
                    continue;
                }

                moved = true;
                if (bestAt < i)
                {
                    Array.Copy(order, bestAt, order, bestAt + 1, i - bestAt);
                }
                else
                {
                    Array.Copy(order, i + 1, order, i, bestAt - i);
                }

                order[bestAt] = v;
            }

            if (!moved)
            {
                return;
            }
        }
    }
}
