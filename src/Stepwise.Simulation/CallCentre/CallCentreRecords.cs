using System.Globalization;
using Stepwise.Simulation.Model;

namespace Stepwise.Simulation.CallCentre;

/// <summary>
/// Reads a contact centre's call records in the tab-separated layout of the "Anonymous Bank" data (one row per call:
/// <c>vru+line, call_id, customer_id, priority, type, date, vru_entry, vru_exit, vru_time, q_start, q_exit, q_time,
/// outcome, ser_start, ser_exit, ser_time, server</c>; dates as <c>yymmdd</c>, times as <c>h:mm:ss</c>, <c>0:00:00</c>
/// for "none"). The customer id is not kept: it is personal data the simulation does not need.
/// </summary>
public static class CallCentreRecords
{
    private static readonly string[] Expected =
    [
        "vru+line", "call_id", "customer_id", "priority", "type", "date", "vru_entry", "vru_exit", "vru_time", "q_start",
        "q_exit", "q_time", "outcome", "ser_start", "ser_exit", "ser_time", "server",
    ];

    /// <summary>The largest file accepted.</summary>
    public const long MaxBytes = 1L << 30;

    /// <summary>Reads every call of the file at <paramref name="path"/>.</summary>
    /// <exception cref="SimulationFileException">The header or a row is not in the expected layout (names the line and column).</exception>
    public static IReadOnlyList<CallRecord> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"There is no file '{path}'.", path);
        }

        if (info.Length > MaxBytes)
        {
            throw new SimulationFileException(info.Name, null, $"the file is larger than {MaxBytes:N0} bytes");
        }

        using var reader = new StreamReader(path);
        return Read(reader, info.Name);
    }

    /// <summary>Reads every call from <paramref name="reader"/>; <paramref name="file"/> names the source in errors.</summary>
    public static IReadOnlyList<CallRecord> Read(TextReader reader, string file)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? header = reader.ReadLine();
        if (header is null)
        {
            throw new SimulationFileException(file, null, "the file is empty; expected a header line", 1);
        }

        var names = header.TrimEnd('\r').Split('\t');
        if (names.Length != Expected.Length)
        {
            throw new SimulationFileException(file, null, $"the header has {names.Length} tab-separated columns; expected {Expected.Length}: {string.Join(", ", Expected)}", 1);
        }

        for (int i = 0; i < Expected.Length; i++)
        {
            if (!string.Equals(names[i].Trim(), Expected[i], StringComparison.OrdinalIgnoreCase))
            {
                throw new SimulationFileException(file, names[i], $"column {i + 1} is '{names[i]}'; expected '{Expected[i]}'", 1, i + 1);
            }
        }

        var calls = new List<CallRecord>();
        int line = 1;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            text = text.TrimEnd('\r');
            if (text.Length == 0)
            {
                continue;
            }

            var f = text.Split('\t');
            if (f.Length != Expected.Length)
            {
                throw new SimulationFileException(file, null, $"the row has {f.Length} columns; expected {Expected.Length}", line);
            }

            int priority = Integer(f, 3, file, line);
            var date = Date(f[5], file, line);
            int vruEntry = Time(f, 6, file, line)!.Value;
            int vruExit = After(vruEntry, Time(f, 7, file, line)!.Value);
            var outcome = f[12].Trim() switch
            {
                "AGENT" => CallOutcome.Served,
                "HANG" => CallOutcome.Abandoned,
                "PHANTOM" => CallOutcome.Phantom,
                _ => throw new SimulationFileException(file, "outcome", $"'{f[12]}' is not an outcome; expected AGENT, HANG or PHANTOM", line, 13),
            };
            int? queueStart = Optional(Time(f, 9, file, line), vruEntry);
            int? queueExit = queueStart is { } qs ? Optional(Time(f, 10, file, line), qs) : null;
            int? serviceStart = Optional(Time(f, 13, file, line), vruEntry);
            int? serviceExit = serviceStart is { } ss ? Optional(Time(f, 14, file, line), ss) : null;
            string server = f[16].Trim();
            calls.Add(new CallRecord(line, date, priority, f[4].Trim(), vruEntry, vruExit, queueStart, queueExit, outcome, serviceStart, serviceExit, server is "" or "NO_SERVER" ? null : server));
        }

        return calls;
    }

    private static int Integer(string[] f, int column, string file, int line)
    {
        if (!int.TryParse(f[column].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
        {
            throw new SimulationFileException(file, Expected[column], $"'{f[column]}' is not a whole number", line, column + 1);
        }

        return value;
    }

    private static DateOnly Date(string text, string file, int line)
    {
        if (!DateOnly.TryParseExact(text.Trim(), "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new SimulationFileException(file, "date", $"'{text}' is not a date written yymmdd", line, 6);
        }

        return date;
    }

    /// <summary>A time of day in seconds; 0:00:00 stands for "none" except for the call's entry.</summary>
    private static int? Time(string[] f, int column, string file, int line)
    {
        var parts = f[column].Trim().Split(':');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int h)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int m)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int s)
            || h > 23 || m > 59 || s > 59)
        {
            throw new SimulationFileException(file, Expected[column], $"'{f[column]}' is not a time of day written h:mm:ss", line, column + 1);
        }

        return (h * 3600) + (m * 60) + s;
    }

    private static int? Optional(int? time, int reference) => time is 0 or null ? null : After(reference, time.Value);

    /// <summary>Times are written without a date: one earlier than the call's entry is on the next day.</summary>
    private static int After(int reference, int time) => time + 3600 < reference ? time + 86400 : time;

    /// <summary>The calls that began from <paramref name="from"/> (inclusive) up to <paramref name="to"/> (exclusive),
    /// their date and entry time read as written (the records carry no time zone).</summary>
    public static IReadOnlyList<CallRecord> Within(IReadOnlyList<CallRecord> calls, DateTime? from, DateTime? to)
    {
        ArgumentNullException.ThrowIfNull(calls);
        return [.. calls.Where(c =>
        {
            var began = c.Date.ToDateTime(TimeOnly.MinValue).AddSeconds(c.VruEntry);
            return (from is null || began >= from.Value) && (to is null || began < to.Value);
        })];
    }
}
