namespace Stepwise.Mining.Tests.Reference;

/// <summary>Random logs for property tests: ties, rows out of time order, missing resources, start times, repeats.</summary>
internal static class RandomLogs
{
    /// <summary>A random log as the reference sees it (each case stably sorted by start-or-completion time).</summary>
    public static ReferenceLog Create(int seed, bool withStarts)
    {
        var rng = new Random(seed);
        int activities = rng.Next(1, 9);
        int resources = rng.Next(1, 6);
        int caseCount = rng.Next(1, 60);
        var baseTime = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(rng.Next(0, 100000));
        var cases = new List<(string, List<RefEvent>)>();
        for (int c = 0; c < caseCount; c++)
        {
            int n = rng.Next(1, 12);
            var events = new List<RefEvent>();
            var t = baseTime.AddMinutes(rng.Next(0, 5000));
            for (int i = 0; i < n; i++)
            {
                // Ties (0 minutes) and rows out of order (negative steps) on purpose.
                t = t.AddMinutes(rng.Next(-30, 90) * (rng.NextDouble() < 0.2 ? 0 : 1));
                DateTime? start = withStarts && rng.NextDouble() < 0.7 ? t.AddMinutes(-rng.Next(0, 40)) : null;
                events.Add(new RefEvent("A" + rng.Next(activities), t, rng.NextDouble() < 0.15 ? null : "R" + rng.Next(resources), start));
            }

            var ordered = events.Select((e, i) => (e, i)).OrderBy(x => x.e.Start ?? x.e.Time).ThenBy(x => x.i).Select(x => x.e).ToList();
            cases.Add(("case" + c, ordered));
        }

        return new ReferenceLog(cases);
    }

    /// <summary>The log's events as rows of a file, cases interleaved at random but each case's rows in their original
    /// relative order (so stable sorting gives the same order as the reference).</summary>
    public static List<(string CaseId, RefEvent Event)> Interleave(ReferenceLog log, int seed)
    {
        var rng = new Random(seed ^ 0x5bd1e995);
        var cursors = log.Cases.Select(c => (c.CaseId, c.Events, Next: 0)).ToList();
        var rows = new List<(string, RefEvent)>();
        while (cursors.Count > 0)
        {
            int k = rng.Next(cursors.Count);
            var (id, events, next) = cursors[k];
            rows.Add((id, events[next]));
            if (next + 1 == events.Count)
            {
                cursors.RemoveAt(k);
            }
            else
            {
                cursors[k] = (id, events, next + 1);
            }
        }

        return rows;
    }
}
