using Stepwise.Mining.Discovery;
using Stepwise.Mining.IO;
using Stepwise.Mining.Time;

namespace Stepwise.Mining.Testing;

/// <summary>
/// Reads a bad-input corpus file with the engine, the way the command line would with the options given as typed
/// (only the options the corpus uses), and computes the case statistics so that calendars are exercised too.
/// </summary>
internal static class CorpusReader
{
    /// <summary>Reads the file; returns the events read, or throws what the engine throws.</summary>
    public static int Read(string path, IReadOnlyList<string> args)
    {
        var options = new EventLogReadOptions();
        var csv = new CsvLogOptions();
        string? hours = null, calendarZone = null;
        TimeZoneInfo? zone = null;
        for (int i = 0; i < args.Count; i++)
        {
            string Next() => args[++i];
            switch (args[i])
            {
                case "--skip-bad-rows":
                    options = options with { BadRows = BadRowPolicy.Skip };
                    break;
                case "--timezone":
                    zone = TimeZoneInfo.FindSystemTimeZoneById(Next());
                    break;
                case "--zip-entry":
                    csv = csv with { ZipEntry = args[i + 1] };
                    options = options with { Xes = options.Xes with { ZipEntry = Next() } };
                    break;
                case "--classifier":
                    options = options with { Xes = options.Xes with { Classifier = Next() } };
                    break;
                case "--lifecycle-mode":
                    options = options with { Lifecycle = Enum.Parse<LifecycleHandling>(Next(), ignoreCase: true) };
                    break;
                case "--working-hours":
                    hours = Next();
                    break;
                case "--calendar-timezone":
                    calendarZone = Next();
                    break;
                case "--max-expanded-mb":
                    options = options with { MaxExpandedBytes = long.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture) << 20 };
                    break;
                default:
                    throw new NotSupportedException($"The corpus runner does not know the option {args[i]}.");
            }
        }

        options = options with
        {
            Csv = csv with { Timestamps = TimestampFormat.Auto with { NaiveTimeZone = zone } },
            Xes = options.Xes with { NaiveTimeZone = zone },
        };
        var log = EventLogFile.Read(path, options).Log;
        DurationMeasure measure = hours is null
            ? DurationMeasure.Elapsed
            : new WorkingCalendar(WorkingHours.Parse(hours), calendarZone is null ? null : TimeZoneInfo.FindSystemTimeZoneById(calendarZone));
        _ = CaseStatistics.Compute(log, measure);
        _ = ActivityStatistics.Compute(log, measure);
        return log.EventCount;
    }
}
