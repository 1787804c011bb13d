using System.Globalization;
using System.Text;
using Stepwise.Mining.Assembly;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.IO.Sources;
using Stepwise.Mining.Time;

namespace Stepwise.Mining.IO.Csv;

/// <summary>How the timestamps of a delimited file are written, decided on a sample of its rows.</summary>
internal static class CsvTimestampDetection
{
    internal static (List<byte[]> Times, List<byte[]> Starts) SampleColumns(ByteSource source, long dataStart, byte delimiter, int maxField, int fieldCount, int timeField, int startField, byte[][] markers)
    {
        var times = new List<byte[]>();
        var starts = new List<byte[]>();
        var block = new byte[4 << 20];
        int got = source.ReadFully(dataStart, block);
        var data = block.AsSpan(0, got);
        bool atEnd = got < block.Length;
        var fields = new CsvFields();
        int rows = 0;
        while (!data.IsEmpty && rows < 20000)
        {
            var status = CsvTokenizer.ReadRow(data, atEnd, delimiter, maxField, fields, out int consumed, out _);
            if (status is RowStatus.NeedMore or RowStatus.TooLong || consumed == 0)
            {
                break;
            }

            if (status == RowStatus.Row && fields.Count == fieldCount)
            {
                Take(fields, data, timeField, times, markers);
                if (startField >= 0)
                {
                    Take(fields, data, startField, starts, markers);
                }

                rows++;
            }

            data = data[consumed..];
        }

        return (times, starts);
    }

    private static void Take(CsvFields fields, ReadOnlySpan<byte> data, int field, List<byte[]> into, byte[][] markers)
    {
        var value = CsvLayout.TrimSpaces(fields.Get(data, field));
        foreach (var marker in markers)
        {
            if (!fields.Quoted[field] && value.SequenceEqual(marker))
            {
                return;
            }
        }

        into.Add(value.ToArray());
    }

    /// <summary>
    /// Decides the layout of a timestamp column from sample values, or checks the layout the user gave. A layout is
    /// chosen only when every sample value fits it; day-first and month-first are told apart by values above 12,
    /// and when the sample cannot tell them apart the user is asked to say.
    /// </summary>
    internal static TimestampFormat DetectTimestamps(string file, string column, List<byte[]> samples, TimestampFormat requested, ReadOptionNames names, TimestampFormat? preferred = null)
    {
        if (requested.Layout != TimestampLayout.Auto)
        {
            return requested;
        }

        var zone = requested.NaiveTimeZone;
        if (samples.Count == 0)
        {
            return preferred ?? requested with { Layout = TimestampLayout.Iso8601 };
        }

        // Each candidate layout is scored by how many sample values it reads; the best must read most of them.
        // Values it cannot read become bad rows with their line numbers, rather than failing the whole file here.
        var candidates = new List<TimestampFormat>();
        if (preferred is not null)
        {
            candidates.Add(preferred);
        }

        candidates.Add(requested with { Layout = TimestampLayout.Iso8601 });
        var epochs = samples.Where(IsEpochNumber).ToList();
        if (epochs.Count > 0)
        {
            double max = epochs.Max(s => double.Parse(Encoding.ASCII.GetString(s), CultureInfo.InvariantCulture));
            candidates.Add(requested with { Layout = max < 1e11 ? TimestampLayout.EpochSeconds : TimestampLayout.EpochMilliseconds });
        }

        bool firstAbove12 = false, secondAbove12 = false;
        int numeric = 0;
        foreach (var s in samples)
        {
            if (TimestampParser.TrySplitNumericDate(s, out int a, out int b, out _, out _))
            {
                numeric++;
                firstAbove12 |= a > 12;
                secondAbove12 |= b > 12;
            }
        }

        if (numeric > 0)
        {
            if (firstAbove12 && secondAbove12)
            {
                throw new EventLogFormatException(file, new ImportIssue(null, null, column, $"the dates mix day-first and month-first forms (both the first and the second number exceed 12 in different rows); give the timestamp format with {names.TimestampFormat}."));
            }

            if (firstAbove12)
            {
                candidates.Add(requested with { Layout = TimestampLayout.DayFirst });
            }
            else if (secondAbove12)
            {
                candidates.Add(requested with { Layout = TimestampLayout.MonthFirst });
            }
            else if (numeric * 2 > samples.Count)
            {
                throw new EventLogFormatException(file, new ImportIssue(null, null, column, $"cannot tell whether dates such as '{Encoding.UTF8.GetString(samples.First(s => TimestampParser.TrySplitNumericDate(s, out _, out _, out _, out _)))}' are day-first or month-first (no day above 12 in the first {samples.Count:N0} rows); give {names.TimestampFormat} dmy or {names.TimestampFormat} mdy."));
            }
        }

        TimestampFormat? best = null;
        int bestCount = -1;
        foreach (var candidate in candidates)
        {
            int count = samples.Count(s => TimestampParser.TryParse(s, candidate, out _));
            if (count > bestCount)
            {
                best = candidate;
                bestCount = count;
            }
        }

        if (best is not null && bestCount > 0 && bestCount * 2 >= samples.Count)
        {
            return best;
        }

        var unreadable = samples.Find(s => !TimestampParser.TryParseIso(s, zone, out _)) ?? samples[0];
        throw new EventLogFormatException(file, new ImportIssue(null, null, column, $"'{Encoding.UTF8.GetString(unreadable)}' is not a timestamp Stepwise recognises (ISO-8601 such as 2016-02-13T09:21:00, 13/02/2016 09:21, 02/13/2016 9:21 PM, or Unix epoch seconds/milliseconds); give the form with {names.TimestampFormat}, e.g. a pattern such as 'dd.MM.yyyy HH:mm'."));
    }

    private static bool IsEpochNumber(byte[] s)
    {
        if (s.Length < 8 || s.Length > 20)
        {
            return false;
        }

        int dots = 0;
        foreach (byte b in s)
        {
            if (b == '.')
            {
                dots++;
            }
            else if ((uint)(b - '0') > 9)
            {
                return false;
            }
        }

        return dots <= 1;
    }
}
