using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Stepwise.Mining.Assembly;
using Stepwise.Mining.IO.Csv;
using Stepwise.Mining.Time;

namespace Stepwise.Bench;

/// <summary>
/// How fast a CSV of the generator's five columns (<c>case_id,activity,timestamp,resource,channel</c>, no quotes)
/// could be parsed on one core with the engine's own pieces and nothing else: the file held in memory, the fields
/// found 32 bytes at a time and each value handled as it is found, no checks, no issues, no progress. Each step adds
/// one column's work to finding the fields, and <c>all</c> does every column; <c>tokenizer</c> does every column
/// through the parser's own row tokenizer instead. The floor of the parser's design: what the real import costs
/// beyond it is reading, checking, merging and assembling.
/// </summary>
public static class ParseFloor
{
    private static readonly string[] Steps = ["fields", "+case", "+activity", "+date", "+resource", "+channel", "all", "tokenizer"];

    public static int Run(string file, int passes)
    {
        var bytes = File.ReadAllBytes(file);
        int header = Array.IndexOf(bytes, (byte)'\n') + 1;
        if (!bytes.AsSpan(0, header).SequenceEqual("case_id,activity,timestamp,resource,channel\n"u8) || bytes.AsSpan().IndexOf((byte)'"') >= 0 || bytes[^1] != '\n')
        {
            Console.Error.WriteLine($"{file}: expected a file from 'generate' (header case_id,activity,timestamp,resource,channel, no quotes, ending with a line break)");
            return 2;
        }

        int rows = bytes.AsSpan(header).Count((byte)'\n');
        var columns = new Columns(rows);

        // The two ways of splitting rows must give the same ids and times (ids follow first appearance in both).
        var tokenized = new Columns(rows);
        Fused(bytes, header, 6, columns);
        Tokenized(bytes, header, tokenized);
        if (!columns.Cases.AsSpan().SequenceEqual(tokenized.Cases) || !columns.Activities.AsSpan().SequenceEqual(tokenized.Activities)
            || !columns.Resources.AsSpan().SequenceEqual(tokenized.Resources) || !columns.Channels.AsSpan().SequenceEqual(tokenized.Channels)
            || !columns.Times.AsSpan().SequenceEqual(tokenized.Times))
        {
            throw new InvalidOperationException("the fields found 32 bytes at a time differ from the tokenizer's");
        }

        var times = new Dictionary<string, List<double>>();
        for (int pass = 0; pass < passes; pass++)
        {
            foreach (string step in Steps)
            {
                var sw = Stopwatch.StartNew();
                int done = step == "tokenizer" ? Tokenized(bytes, header, columns) : Fused(bytes, header, Array.IndexOf(Steps, step), columns);
                double ns = sw.Elapsed.TotalMilliseconds * 1e6 / done;
                if (done != rows)
                {
                    throw new InvalidOperationException($"{step}: {done} rows, expected {rows}");
                }

                // The first pass compiles and warms up; it is not counted.
                if (pass > 0)
                {
                    (times.TryGetValue(step, out var list) ? list : times[step] = []).Add(ns);
                }
            }
        }

        foreach (string step in Steps)
        {
            var list = times[step];
            list.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{step,-10} least {list[0],6:F1} ns a row, median {list[list.Count / 2],6:F1} ({list.Count} passes of {rows:N0} rows)"));
        }

        return 0;
    }

    /// <summary>The value tables and date reader of one parse (a chunk's, in the importer).</summary>
    private sealed class Tables
    {
        public readonly TimestampFormat Format = new() { Layout = TimestampLayout.Iso8601 };
        public readonly IsoTimestampReader Dates = new();
        public readonly Utf8Interner Cases = new(remembersRecent: true);
        public readonly Utf8Interner Activities = new();
        public readonly Utf8Interner Resources = new();
        public readonly Utf8Interner Channels = new();
    }

    private sealed class Columns(int rows)
    {
        public readonly int[] Cases = new int[rows];
        public readonly int[] Activities = new int[rows];
        public readonly int[] Resources = new int[rows];
        public readonly int[] Channels = new int[rows];
        public readonly long[] Times = new long[rows];
    }

    /// <summary>Finds the fields and does the work of the columns up to <paramref name="upTo"/> (0: none; 6: all).</summary>
    private static int Fused(byte[] bytes, int from, int upTo, Columns columns)
    {
        var tables = new Tables();
        var (format, dates, cases, activities, resources, channels) = (tables.Format, tables.Dates, tables.Cases, tables.Activities, tables.Resources, tables.Channels);
        ReadOnlySpan<byte> data = bytes;
        ref byte first = ref MemoryMarshal.GetReference(data);
        var delimiters = Vector128.Create((byte)',');
        var lineFeeds = Vector128.Create((byte)'\n');
        int field = 0, fieldStart = from, rowStart = from, row = 0;
        Span<int> starts = stackalloc int[5];
        Span<int> lengths = stackalloc int[5];
        for (int block = from; block + 32 <= data.Length; block += 32)
        {
            var low = Vector128.LoadUnsafe(ref first, (nuint)block);
            var high = Vector128.LoadUnsafe(ref first, (nuint)(block + 16));
            uint marks = (Vector128.Equals(low, delimiters) | Vector128.Equals(low, lineFeeds)).ExtractMostSignificantBits()
                | ((Vector128.Equals(high, delimiters) | Vector128.Equals(high, lineFeeds)).ExtractMostSignificantBits() << 16);
            while (marks != 0)
            {
                int at = block + BitOperations.TrailingZeroCount(marks);
                marks &= marks - 1;
                starts[field] = fieldStart;
                lengths[field] = at - fieldStart;
                fieldStart = at + 1;
                if (Unsafe.Add(ref first, at) != (byte)'\n')
                {
                    field++;
                    continue;
                }

                if (upTo == 1 || upTo >= 6)
                {
                    columns.Cases[row] = cases.Intern(data.Slice(starts[0], lengths[0]));
                }

                if (upTo == 2 || upTo >= 6)
                {
                    columns.Activities[row] = activities.Intern(data.Slice(starts[1], lengths[1]));
                }

                if (upTo == 3 || upTo >= 6)
                {
                    dates.TryParse(data.Slice(starts[2], lengths[2]), format, out columns.Times[row]);
                }

                if (upTo == 4 || upTo >= 6)
                {
                    columns.Resources[row] = resources.Intern(data.Slice(starts[3], lengths[3]));
                }

                if (upTo == 5 || upTo >= 6)
                {
                    columns.Channels[row] = channels.Intern(data.Slice(starts[4], lengths[4]));
                }

                row++;
                field = 0;
                rowStart = fieldStart;
            }
        }

        // The rows after the last whole block, through the tokenizer.
        return row + Tokenized(bytes, rowStart, columns, tables, row);
    }

    /// <summary>Every column's work, the rows split by the parser's tokenizer.</summary>
    private static int Tokenized(byte[] bytes, int from, Columns columns, Tables? tables = null, int firstRow = 0)
    {
        tables ??= new Tables();
        var (format, dates, cases, activities, resources, channels) = (tables.Format, tables.Dates, tables.Cases, tables.Activities, tables.Resources, tables.Channels);
        var fields = new CsvFields();
        int row = firstRow;
        for (int pos = from; pos < bytes.Length;)
        {
            var rest = bytes.AsSpan(pos);
            CsvTokenizer.ReadRow(rest, atEnd: true, (byte)',', 1 << 20, fields, out int used, out _);
            columns.Cases[row] = cases.Intern(fields.Get(rest, 0));
            columns.Activities[row] = activities.Intern(fields.Get(rest, 1));
            dates.TryParse(fields.Get(rest, 2), format, out columns.Times[row]);
            columns.Resources[row] = resources.Intern(fields.Get(rest, 3));
            columns.Channels[row] = channels.Intern(fields.Get(rest, 4));
            pos += used;
            row++;
        }

        return row - firstRow;
    }
}
