using System.Globalization;
using System.Text;

namespace Stepwise.Bench;

/// <summary>
/// A seeded generator of realistic service-desk event logs: about 20 activities with loops and rework, 5 to 30
/// events a case, 200 resources in teams, a channel and priority per case, and rows written interleaved by time as
/// a ticketing system's export would be. The same seed always gives the same file.
/// </summary>
public static class SyntheticLog
{
    private static readonly string[] Activities =
    [
        "Register ticket", "Classify ticket", "Check customer history", "Assign to team", "Take in charge",
        "Request information", "Receive information", "Diagnose", "Escalate to second line", "Consult specialist",
        "Propose solution", "Customer confirms", "Customer rejects solution", "Apply fix", "Test fix",
        "Reopen ticket", "Approve refund", "Issue refund", "Send survey", "Close ticket",
    ];

    private static readonly string[] Channels = ["phone", "email", "chat", "web form"];

    /// <summary>Writes about <paramref name="events"/> events as CSV to <paramref name="path"/>.</summary>
    public static (long Events, int Cases) WriteCsv(string path, long events, int seed)
    {
        var rng = new Random(seed);
        // Generate cases until the event budget is reached; arrivals spread over a year.
        var caseStarts = new List<long>();
        var caseOffsets = new List<int> { 0 };
        var acts = new List<byte>();
        var res = new List<short>();
        var gaps = new List<long>();
        var channels = new List<byte>();
        long start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        double meanInterArrival = TimeSpan.FromDays(365).Ticks / (events / 17.5);
        long clock = start;
        while (acts.Count < events)
        {
            clock += (long)(-Math.Log(1 - rng.NextDouble()) * meanInterArrival);
            caseStarts.Add(clock);
            channels.Add((byte)rng.Next(Channels.Length));
            GenerateCase(rng, acts, res, gaps);
            caseOffsets.Add(acts.Count);
        }

        // Absolute times per event, then a global order by time (rows interleaved across cases).
        int n = acts.Count;
        var times = new long[n];
        var caseOf = new int[n];
        for (int c = 0; c < caseStarts.Count; c++)
        {
            long t = caseStarts[c];
            for (int e = caseOffsets[c]; e < caseOffsets[c + 1]; e++)
            {
                t += gaps[e];
                times[e] = t;
                caseOf[e] = c;
            }
        }

        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var keys = (long[])times.Clone();
        Array.Sort(keys, order);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("case_id,activity,timestamp,resource,channel\n");
        Span<char> line = stackalloc char[160];
        foreach (int e in order)
        {
            int c = caseOf[e];
            var dt = new DateTime(times[e], DateTimeKind.Utc);
            int len = 0;
            Append(line, ref len, "C");
            c.TryFormat(line[len..], out int w, "D7", CultureInfo.InvariantCulture);
            len += w;
            line[len++] = ',';
            Append(line, ref len, Activities[acts[e]]);
            line[len++] = ',';
            dt.TryFormat(line[len..], out w, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            len += w;
            line[len++] = ',';
            Append(line, ref len, "agent_");
            res[e].TryFormat(line[len..], out w, "D3", CultureInfo.InvariantCulture);
            len += w;
            line[len++] = ',';
            Append(line, ref len, Channels[channels[c]]);
            line[len++] = '\n';
            writer.Write(line[..len]);
        }

        return (n, caseStarts.Count);
    }

    private static void Append(Span<char> line, ref int len, string text)
    {
        text.AsSpan().CopyTo(line[len..]);
        len += text.Length;
    }

    /// <summary>One case: a walk through the service-desk process with information loops, escalations and rework.</summary>
    private static void GenerateCase(Random rng, List<byte> acts, List<short> res, List<long> gaps)
    {
        int team = rng.Next(10);
        var path = new List<byte> { 0, 1 };
        if (rng.NextDouble() < 0.6)
        {
            path.Add(2);
        }

        path.Add(3);
        path.Add(4);
        int loops = 0;
        while (rng.NextDouble() < 0.35 && loops < 3)
        {
            path.Add(5);
            path.Add(6);
            loops++;
        }

        path.Add(7);
        if (rng.NextDouble() < 0.25)
        {
            path.Add(8);
            path.Add(rng.NextDouble() < 0.5 ? (byte)9 : (byte)7);
        }

        int rework = 0;
        while (true)
        {
            path.Add(10);
            if (rng.NextDouble() < 0.3 && rework < 4)
            {
                path.Add(12);
                path.Add(7);
                rework++;
                continue;
            }

            path.Add(11);
            break;
        }

        path.Add(13);
        path.Add(14);
        if (rng.NextDouble() < 0.1)
        {
            path.Add(15);
            path.Add(13);
            path.Add(14);
        }

        if (rng.NextDouble() < 0.15)
        {
            path.Add(16);
            path.Add(17);
        }

        if (rng.NextDouble() < 0.5)
        {
            path.Add(18);
        }

        path.Add(19);
        if (path.Count > 30)
        {
            path.RemoveRange(28, path.Count - 29);
        }

        foreach (byte a in path)
        {
            acts.Add(a);
            // Work stays within a team of 20 agents, with some hand-overs to other teams.
            int agentTeam = rng.NextDouble() < 0.85 ? team : rng.Next(10);
            res.Add((short)((agentTeam * 20) + rng.Next(20)));
            double meanMinutes = a is 5 or 6 ? 600 : a is 8 or 9 ? 240 : 45;
            gaps.Add((long)(-Math.Log(1 - rng.NextDouble()) * meanMinutes * TimeSpan.TicksPerMinute) + TimeSpan.TicksPerSecond);
        }
    }
}
