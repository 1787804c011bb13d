using Stepwise.Mining;
using Stepwise.Mining.Attributes;

namespace Stepwise.Storage.Testing;

/// <summary>
/// A seeded synthetic event log built straight from columns, with every column type the engine has (start times,
/// missing resources, string/integer/float/boolean/timestamp attributes with nulls), for storage tests and benchmarks.
/// </summary>
internal static class SyntheticLog
{
    public static EventLog Create(int events, int seed)
    {
        var random = new Random(seed);
        var caseIds = new List<string>();
        var offsets = new List<int> { 0 };
        var activities = new int[events];
        var resources = new int[events];
        var times = new long[events];
        var starts = new long[events];
        long clock = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        int e = 0;
        while (e < events)
        {
            int length = Math.Min(events - e, random.Next(3, 16));
            caseIds.Add("C" + caseIds.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            long t = clock + (random.Next(0, 3600) * TimeSpan.TicksPerSecond);
            clock += 60 * TimeSpan.TicksPerSecond;
            for (int i = 0; i < length; i++, e++)
            {
                activities[e] = i == 0 ? 0 : random.Next(1, 20);
                resources[e] = random.Next(0, 10) == 0 ? -1 : random.Next(0, 50);
                bool hasStart = random.Next(0, 3) == 0;
                long start = t + (random.Next(1, 600) * TimeSpan.TicksPerSecond);
                long end = start + (random.Next(1, 7200) * TimeSpan.TicksPerSecond);
                starts[e] = hasStart ? start : Stepwise.Mining.Time.Timestamp.None;
                times[e] = end;
                t = hasStart ? start : end;
            }

            offsets.Add(e);
        }

        int cases = caseIds.Count;
        var channelCodes = new int[cases];
        var priority = new long[cases];
        var priorityNulls = new NullMask(cases);
        for (int c = 0; c < cases; c++)
        {
            channelCodes[c] = random.Next(0, 4);
            priority[c] = random.Next(1, 5);
            if (random.Next(0, 7) == 0)
            {
                priorityNulls.SetNull(c);
            }
        }

        var cost = new double[events];
        var costNulls = new NullMask(events);
        var escalated = new bool[events];
        var due = new long[events];
        var dueNulls = new NullMask(events);
        var noteCodes = new int[events];
        for (int i = 0; i < events; i++)
        {
            cost[i] = Math.Round(random.NextDouble() * 100, 3);
            if (random.Next(0, 5) == 0)
            {
                costNulls.SetNull(i);
            }

            escalated[i] = random.Next(0, 2) == 1;
            due[i] = times[i] + (random.Next(0, 48) * TimeSpan.TicksPerHour);
            if (random.Next(0, 4) == 0)
            {
                dueNulls.SetNull(i);
            }

            noteCodes[i] = random.Next(-1, 3);
        }

        return EventLog.Create(
            [.. caseIds],
            [.. offsets],
            activities,
            resources,
            times,
            starts,
            new NameTable(Enumerable.Range(0, 20).Select(i => i == 0 ? "Open ticket" : $"Activity {i} — ünïcode")),
            new NameTable(Enumerable.Range(0, 50).Select(i => $"agent{i}")),
            new AttributeTable(cases,
            [
                Text("channel", channelCodes, new NameTable(["phone", "e-mail", "chat", "web form"])),
                new IntegerColumn("priority", priority, priorityNulls),
            ]),
            new AttributeTable(events,
            [
                new FloatColumn("cost", cost, costNulls),
                new BooleanColumn("escalated", escalated),
                new TimestampColumn("due", due, dueNulls),
                Text("note", noteCodes, new NameTable(["called back", "waiting for customer", "merged"])),
            ]),
            new LogMetadata
            {
                SourceName = "synthetic.csv",
                SourceFormat = "csv",
                Attributes = [new LogAttribute("concept:name", AttributeKind.String, "synthetic")],
                Classifiers = [new XesClassifier("Activity", ["concept:name"])],
            });
    }

    // The public StringColumn constructor currently leaves Count at 0; a gather of every row gives the right count.
    private static StringColumn Text(string name, int[] codes, NameTable values)
    {
        var column = new StringColumn(name, codes, values);
        return column.Count == codes.Length ? column : (StringColumn)column.Gather(Enumerable.Range(0, codes.Length).ToArray());
    }
}
