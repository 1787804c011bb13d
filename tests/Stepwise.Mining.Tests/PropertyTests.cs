using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Stepwise.Mining.IO;
using Stepwise.Mining.Tests.Reference;

namespace Stepwise.Mining.Tests;

/// <summary>Random logs: the engine's analyses equal the reference's, whether built row by row or read from CSV.</summary>
public class PropertyTests
{
    [Property(MaxTest = 150)]
    public void Analyses_RandomLogBuiltInAnyRowOrder_MatchReference(PositiveInt seed, bool withStarts)
    {
        var reference = RandomLogs.Create(seed.Get, withStarts);
        var builder = new EventLogBuilder();
        foreach (var (id, e) in RandomLogs.Interleave(reference, seed.Get))
        {
            builder.Add(id, e.Activity, new DateTimeOffset(e.Time, TimeSpan.Zero), e.Resource, e.Start is { } s ? new DateTimeOffset(s, TimeSpan.Zero) : null);
        }

        var log = builder.Build();
        AssertSameCases(reference, log);
        Comparisons.AssertSameAnalyses(reference, log);
    }

    [Property(MaxTest = 60)]
    public void Analyses_RandomLogReadFromCsv_MatchReference(PositiveInt seed, bool withStarts, bool parallel)
    {
        var reference = RandomLogs.Create(seed.Get, withStarts);
        var csv = new StringBuilder("case id;activity;timestamp;start timestamp;resource\r\n");
        foreach (var (id, e) in RandomLogs.Interleave(reference, seed.Get))
        {
            // Day-first timestamps with a semicolon delimiter and CRLF line ends; some names quoted.
            csv.Append(CultureInfo.InvariantCulture, $"\"{id}\";{e.Activity};{e.Time:dd/MM/yyyy HH:mm:ss};{e.Start?.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture)};{e.Resource}\r\n");
        }

        string path = Path.Combine(Path.GetTempPath(), $"stepwise-prop-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, csv.ToString());
        try
        {
            var options = new EventLogReadOptions { Csv = new CsvLogOptions { Parallel = parallel, Timestamps = Time.TimestampFormat.Parse("dmy") } };
            var log = EventLogFile.Read(path, options).Log;
            AssertSameCases(reference, log);
            Comparisons.AssertSameAnalyses(reference, log);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertSameCases(ReferenceLog reference, EventLog log)
    {
        Assert.Equal(reference.Cases.Count, log.CaseCount);
        var engine = ReferenceLog.FromEngine(log).Cases.ToDictionary(c => c.CaseId, c => c.Events);
        foreach (var (id, events) in reference.Cases)
        {
            Assert.Equal(events, engine[id]);
        }

        // Cases ordered by their first event, events within a case by time.
        for (int c = 1; c < log.CaseCount; c++)
        {
            Assert.True(log.CaseStartTime(c) >= log.CaseStartTime(c - 1));
        }
    }
}
