using Stepwise.Mining;
using Stepwise.Storage.Logs;
using Stepwise.Storage.Testing;

namespace Stepwise.Storage.Tests;

public sealed class LogCodecTests
{
    /// <summary>Random logs built event by event (any order, random attributes of every type, nulls, start times).</summary>
    private static EventLog RandomLog(int seed)
    {
        var random = new Random(seed);
        var builder = new EventLogBuilder();
        int events = random.Next(1, 400);
        var t0 = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (int e = 0; e < events; e++)
        {
            string caseId = "case-" + random.Next(0, 1 + (events / 3));
            var time = t0.AddMinutes(random.Next(0, 100_000));
            DateTimeOffset? start = random.Next(0, 4) == 0 ? time.AddMinutes(-random.Next(0, 120)) : null;
            var attributes = new List<KeyValuePair<string, object?>>();
            if (random.Next(0, 2) == 0)
            {
                attributes.Add(new("amount", random.Next(0, 5) == 0 ? null : random.NextDouble() * 1000));
            }

            if (random.Next(0, 2) == 0)
            {
                attributes.Add(new("count", random.Next(0, 5) == 0 ? null : (long)random.Next(-5, 5)));
            }

            if (random.Next(0, 2) == 0)
            {
                attributes.Add(new("flag", random.Next(0, 5) == 0 ? null : random.Next(0, 2) == 1));
            }

            if (random.Next(0, 2) == 0)
            {
                attributes.Add(new("due", random.Next(0, 5) == 0 ? null : time.AddDays(random.Next(0, 9))));
            }

            if (random.Next(0, 2) == 0)
            {
                attributes.Add(new("team", random.Next(0, 5) == 0 ? null : "team " + random.Next(0, 4) + (random.Next(0, 9) == 0 ? " ✓ ß" : string.Empty)));
            }

            builder.Add(caseId, "activity " + random.Next(0, 7), time, random.Next(0, 4) == 0 ? null : "r" + random.Next(0, 9), start, attributes);
            if (random.Next(0, 10) == 0)
            {
                builder.SetCaseAttribute(caseId, "channel", random.Next(0, 3) == 0 ? null : "ch" + random.Next(0, 3));
            }
        }

        return builder.Build();
    }

    [Fact]
    public void EncodeDecode_TwoHundredRandomLogs_EveryColumnIdentical()
    {
        for (int seed = 0; seed < 200; seed++)
        {
            var log = RandomLog(seed);
            var (manifest, columns) = LogCodec.Encode(log);
            var back = LogCodec.Decode(LogCodec.ReadManifest(LogCodec.ManifestJson(manifest)), columns.ToDictionary(c => c.Key, c => c.Bytes.ToArray()));
            LogAssert.Identical(log, back);
        }
    }

    [Fact]
    public void Decode_TruncatedColumn_ErrorNamesTheColumnAndSizes()
    {
        var log = SyntheticLog.Create(1000, seed: 9);
        var (manifest, columns) = LogCodec.Encode(log);
        var bytes = columns.ToDictionary(c => c.Key, c => c.Bytes.ToArray());
        bytes["times"] = bytes["times"][..^8];
        var ex = Assert.Throws<InvalidDataException>(() => LogCodec.Decode(manifest, bytes));
        Assert.Contains("'times'", ex.Message);
        Assert.Contains("1000 values", ex.Message);
    }

    [Fact]
    public void Decode_EventsOutOfOrder_ErrorFromTheLogsOwnChecks()
    {
        var log = SyntheticLog.Create(1000, seed: 9);
        var (manifest, columns) = LogCodec.Encode(log);
        var bytes = columns.ToDictionary(c => c.Key, c => c.Bytes.ToArray());
        var times = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(bytes["times"].AsSpan());
        var starts = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(bytes["start_times"].AsSpan());
        starts.Fill(Stepwise.Mining.Time.Timestamp.None);
        (times[0], times[1]) = (times[1] + 1, times[0]);
        var ex = Assert.Throws<InvalidDataException>(() => LogCodec.Decode(manifest, bytes));
        Assert.Contains("not consistent", ex.Message);
    }

    [Fact]
    public void ReadManifest_UnknownLayout_Refused()
    {
        var (manifest, _) = LogCodec.Encode(SyntheticLog.Create(10, seed: 1));
        var ex = Assert.Throws<InvalidDataException>(() => LogCodec.ReadManifest(LogCodec.ManifestJson(manifest with { Layout = 2 })));
        Assert.Contains("layout 2", ex.Message);
    }
}
