using System.Globalization;
using System.Text;
using Stepwise.Mining.Assembly;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.IO.Sources;
using Stepwise.Mining.Time;

namespace Stepwise.Mining.IO.Csv;

/// <summary>
/// Reads a delimited event-log export. The header names the columns (roles detected or given), a sample of rows
/// decides how timestamps are written, then the data is split into byte ranges parsed in parallel into
/// preallocated columns; values are interned per range and merged. Ranges start after a line break and are
/// verified afterwards: where a quoted field with a line break straddles a boundary, the range is parsed again from
/// the true row start, so the result never depends on how the file was split. A plain file is parsed in one wave
/// of ranges; decompressed or transcoded content a window (wave) at a time, so it is never held whole.
/// </summary>
internal static class CsvLogReader
{
    /// <summary>The content parsed per wave when it is streamed (decompressed or transcoded).</summary>
    internal const long StreamedWaveBytes = 8L << 20;

    /// <summary>How far a streamed wave looks for the line break that ends it.</summary>
    private const long MaxRowSearch = 80L << 20;

    private static readonly string[] DefaultMissing = ["", "?", "NULL", "null", "NA", "N/A", "n/a", "NaN"];

    internal static bool IsDefaultMissingMarker(string value) => Array.IndexOf(DefaultMissing, value.Trim()) >= 0;

    public static EventLogImport Read(ByteSource input, string file, EventLogReadOptions options, IProgress<double>? progress, CancellationToken cancellation, string format = "csv")
    {
        var csv = options.Csv;
        var (source, contentStart, encodingName) = CsvTextEncoding.Prepare(input, csv.Encoding, file, options.Names);
        try
        {
            // Lines ending with a carriage return alone (classic Mac OS): read them as line breaks.
            if (CarriageReturnsOnly(source, contentStart))
            {
                var converted = new LineEndingByteSource(source);
                return ReadUtf8(converted, contentStart, encodingName + "; lines end with a carriage return alone", file, options, progress, cancellation, format);
            }

            return ReadUtf8(source, contentStart, encodingName, file, options, progress, cancellation, format);
        }
        finally
        {
            if (!ReferenceEquals(source, input))
            {
                source.Dispose();
            }
        }
    }

    /// <summary>Whether the start of the content has carriage returns but no line feed.</summary>
    private static bool CarriageReturnsOnly(ByteSource source, long start)
    {
        var head = new byte[1 << 16];
        int n = source.ReadFully(start, head);
        var span = head.AsSpan(0, n);
        return span.IndexOf((byte)'\n') < 0 && span.IndexOf((byte)'\r') >= 0;
    }

    private static EventLogImport ReadUtf8(ByteSource source, long contentStart, string encodingName, string file, EventLogReadOptions options, IProgress<double>? progress, CancellationToken cancellation, string format)
    {
        var csv = options.Csv;
        var warnings = new List<string>();
        var phases = new List<ImportPhase>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Phase(string name)
        {
            phases.Add(new ImportPhase(name, clock.Elapsed.TotalSeconds));
            clock.Restart();
        }

        var (layout, dataStart, headerLines, mapping, caseAttributeNames, lifecycleAttribute) = ReadHeader(source, contentStart, file, options, warnings);
        Phase("header, sample and split");

        // The data is parsed in waves: a plain file is one wave; streamed (decompressed or transcoded) content is
        // parsed a window at a time, so that only the window is held in memory. Each wave is split into byte ranges
        // starting after a line break, parsed in parallel into the wave's preallocated columns, and checked: every
        // range must start where the previous range's last row ended, else it is parsed again from there.
        int parts = csv.Parallel ? Environment.ProcessorCount * 2 : 1;
        long waveBytes = source.IsStreamed ? StreamedWaveBytes : long.MaxValue;
        var waves = new List<CsvWave>();
        var issues = new List<ImportIssue>();
        long line = headerLines + 1;
        long nominal = dataStart;
        long expected = dataStart;
        long totalCapacity = 0;
        int issueCount = 0;
        long skipped = 0, rowsRead = 0;
        double parseSeconds = 0, verifySeconds = 0;
        while (true)
        {
            var waveClock = System.Diagnostics.Stopwatch.StartNew();
            var ranges = SplitRanges(source, nominal, waveBytes, parts, out long waveEnd, out bool last);
            if (source.IsStreamed && !last)
            {
                source.Prefetch(waveEnd + waveBytes);
            }

            var capacities = new int[ranges.Count];
            System.Threading.Tasks.Parallel.For(0, ranges.Count, i => capacities[i] = CountLineBreaks(source, ranges[i].Start, ranges[i].End) + 1);
            long waveCapacity = capacities.Sum(c => (long)c);
            totalCapacity += waveCapacity;
            if (totalCapacity > Array.MaxLength)
            {
                throw new EventLogFormatException(file, new ImportIssue(null, null, null, $"the file has more than {Array.MaxLength:N0} lines; one log holds at most {Array.MaxLength:N0} events."));
            }

            var events = new CsvEventBuffer((int)waveCapacity, layout.StartField >= 0, layout.AttributeFields.Length);
            var chunks = new CsvChunkParser[ranges.Count];
            int baseRow = 0;
            for (int i = 0; i < ranges.Count; i++)
            {
                chunks[i] = new CsvChunkParser(layout, source, events, ranges[i].Start, ranges[i].End, baseRow, capacities[i], options.MaxReportedIssues);
                baseRow += capacities[i];
            }

            long waveStart = nominal;
            using (var timer = progress is null ? null : new Timer(_ => progress.Report(0.9 * source.Fraction(waveStart + chunks.Sum(c => Volatile.Read(ref c.Progress)))), null, 200, 200))
            {
                System.Threading.Tasks.Parallel.ForEach(chunks, new ParallelOptions { CancellationToken = cancellation }, chunk =>
                {
                    // A range starts where a line break was found, which may be inside a quoted field; its error
                    // only counts once its start is confirmed below.
                    try
                    {
                        chunk.Parse(cancellation);
                    }
                    catch (EventLogFormatException ex)
                    {
                        chunk.Failure = ex;
                    }
                });
            }

            parseSeconds += waveClock.Elapsed.TotalSeconds;
            waveClock.Restart();
            for (int i = 0; i < chunks.Length; i++)
            {
                var chunk = chunks[i];
                if (chunk.Start != expected)
                {
                    // The previous row ran past this range's start (a quoted line break, or a long row): parse again
                    // from where it ended, or, when it ran past the whole range, keep no rows from the range.
                    chunk = expected >= chunk.NominalEnd
                        ? CsvChunkParser.Empty(layout, source, events, expected, chunk.BaseRow, chunk.Capacity, options.MaxReportedIssues)
                        : new CsvChunkParser(layout, source, events, expected, chunk.NominalEnd, chunk.BaseRow, chunk.Capacity, options.MaxReportedIssues);
                    chunk.Parse(cancellation);
                    chunks[i] = chunk;
                }

                if (chunk.Failure is { } failure)
                {
                    throw failure;
                }

                if (chunk.Fatal is { } fatal)
                {
                    throw new EventLogFormatException(file, new ImportIssue(line + fatal.RelativeLine - 1, fatal.Column, fatal.Field, fatal.Message), options.Names);
                }

                foreach (var issue in chunk.Issues)
                {
                    if (issues.Count < options.MaxReportedIssues)
                    {
                        issues.Add(new ImportIssue(line + issue.RelativeLine - 1, issue.Column, issue.Field, issue.Message));
                    }
                }

                issueCount += chunk.IssueCount;
                skipped += chunk.Skipped;
                rowsRead += chunk.RowsRead;
                line += chunk.Lines;
                expected = chunk.End;
            }

            verifySeconds += waveClock.Elapsed.TotalSeconds;
            waves.Add(new CsvWave(events, chunks));
            if (last)
            {
                break;
            }

            nominal = waveEnd;
            source.ReleaseBefore(Math.Min(expected, nominal));
        }

        // Never report success on less than the whole input: the rows must end exactly where the content does.
        long length = source.Complete();
        if (expected != length)
        {
            throw new EventLogFormatException(file, new ImportIssue(line, null, null, $"the rows end at byte {expected:N0} of {length:N0}: the rest of the file could not be read."));
        }

        phases.Add(new ImportPhase("parse", parseSeconds));
        phases.Add(new ImportPhase("verify ranges", verifySeconds));
        clock.Restart();
        if (issueCount > 0 && options.BadRows == BadRowPolicy.Reject)
        {
            throw new EventLogFormatException(file, issues, issueCount, options.Names);
        }

        int total = waves.Sum(w => w.Chunks.Sum(c => c.Rows));
        if (total == 0)
        {
            throw new EventLogFormatException(file, new ImportIssue(null, null, null, rowsRead == 0 ? "the file has a header but no data rows." : "no row could be read."), options.Names);
        }

        progress?.Report(0.9);
        var raw = Merge(layout, waves, caseAttributeNames, lifecycleAttribute, csv, options, file, format, out var caseIssueLists, out var caseWarningLists);
        Phase("merge tables");
        var log = LogAssembler.Assemble(raw, options.Lifecycle, out var lifecycle, out var stats);
        Phase("group, sort, index and type columns");
        var caseIssues = caseIssueLists.SelectMany(l => l).ToList();
        if (caseIssues.Count > 0 && options.BadRows == BadRowPolicy.Reject)
        {
            throw new EventLogFormatException(file, caseIssues.Take(options.MaxReportedIssues).ToList(), caseIssues.Count, options.Names);
        }

        warnings.AddRange(caseWarningLists.SelectMany(l => l));
        warnings.AddRange(lifecycle.Describe(options.Names));
        if (stats.CasesReordered > 0)
        {
            warnings.Add($"{stats.CasesReordered} cases had rows out of time order in the file; their events were sorted by time.");
        }

        var report = new ImportReport
        {
            File = file,
            Format = format == "xlsx" ? EventLogFormat.Xlsx : EventLogFormat.Csv,
            Bytes = length,
            RowsRead = rowsRead,
            Events = log.EventCount,
            Cases = log.CaseCount,
            SkippedRows = skipped,
            Issues = issues,
            Warnings = warnings,
            Mapping = mapping,
            Encoding = encodingName,
            Delimiter = (char)layout.Delimiter,
            TimestampFormat = layout.TimeFormat.Describe(),
            CasesReordered = stats.CasesReordered,
            PairedLifecycles = lifecycle.MergedEvents,
            Lifecycle = lifecycle,
            Phases = phases,
        };
        return new EventLogImport(log, report);
    }

    private static (CsvLayout Layout, long DataStart, int HeaderLines, List<string> Mapping, HashSet<string> CaseAttributes, string? Lifecycle) ReadHeader(ByteSource source, long start, string file, EventLogReadOptions options, List<string> warnings)
    {
        var csv = options.Csv;
        var block = new byte[1 << 20];
        int got = source.ReadFully(start, block);
        bool atEnd = got < block.Length;
        var head = block.AsSpan(0, got);
        if (head.IsEmpty)
        {
            throw new EventLogFormatException(file, new ImportIssue(null, null, null, "the file is empty."));
        }

        long offset = start;
        int headerLines = 0;
        char? delimiter = csv.Delimiter;
        if (head.StartsWith("sep="u8) && head.Length >= 5)
        {
            delimiter ??= (char)head[4];
            int lf = head.IndexOf((byte)'\n');
            offset += lf + 1;
            head = head[(lf + 1)..];
            headerLines++;
        }

        delimiter ??= DetectDelimiter(head);
        var fields = new CsvFields();
        var status = CsvTokenizer.ReadRow(head, atEnd, (byte)delimiter.Value, csv.MaxFieldBytes, fields, out int consumed, out int lines);
        if (status != RowStatus.Row)
        {
            throw new EventLogFormatException(file, new ImportIssue(headerLines + 1, null, null, status == RowStatus.Malformed
                ? "the header row is malformed: " + fields.Error
                : head.IndexOf((byte)'\n') < 0
                    ? $"there is no line break in the first {head.Length:N0} bytes, so the header row never ends: this is not a delimited text file (or it is compressed or binary)."
                    : "the header row is longer than 1 MiB (an unterminated quote in the header?)."));
        }

        var header = new string[fields.Count];
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < fields.Count; i++)
        {
            string name = Encoding.UTF8.GetString(fields.Get(head, i)).Trim();
            if (name.Length == 0)
            {
                name = "column" + (i + 1).ToString(CultureInfo.InvariantCulture);
            }

            string unique = name;
            for (int k = 2; !seen.Add(unique); k++)
            {
                unique = name + "_" + k.ToString(CultureInfo.InvariantCulture);
            }

            if (unique != name)
            {
                warnings.Add($"the header repeats the column name '{name}'; column {i + 1} was named '{unique}'.");
            }

            header[i] = unique;
        }

        if (header.Length < 3)
        {
            throw new EventLogFormatException(file, new ImportIssue(headerLines + 1, null, null, $"the header has {header.Length} column(s) with delimiter '{Printable(delimiter.Value)}'; an event log needs at least a case id, an activity and a timestamp. Check the delimiter ({options.Names.Delimiter})."));
        }

        headerLines += lines;
        long dataStart = offset + consumed;
        var markers = CsvLayout.Markers(csv.MissingValues);
        var roles = CsvColumnRoles.Assign(file, header, () => SampleRows(source, dataStart, (byte)delimiter.Value, csv.MaxFieldBytes, header.Length, markers), options, out var mapping);
        var attributeFields = new List<int>();
        string? lifecycleName = null;
        var caseAttributes = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < header.Length; i++)
        {
            if (roles[i] is ColumnRole.Attribute or ColumnRole.Lifecycle)
            {
                attributeFields.Add(i);
                if (roles[i] == ColumnRole.Lifecycle)
                {
                    lifecycleName = header[i];
                }

                if (header[i].StartsWith("case:", StringComparison.OrdinalIgnoreCase) || csv.CaseAttributeColumns.Any(c => string.Equals(c, header[i], StringComparison.OrdinalIgnoreCase)))
                {
                    caseAttributes.Add(header[i]);
                }
            }
        }

        int Field(ColumnRole role) => Array.IndexOf(roles, role);

        // Decide how timestamps are written from a sample of rows.
        int timeField = Field(ColumnRole.Timestamp), startField = Field(ColumnRole.StartTimestamp);
        var (timeSamples, startSamples) = SampleColumns(source, dataStart, (byte)delimiter.Value, csv.MaxFieldBytes, header.Length, timeField, startField, markers);
        var timeFormat = DetectTimestamps(file, header[timeField], timeSamples, csv.Timestamps, options.Names);
        var startFormat = startField >= 0 ? DetectTimestamps(file, header[startField], startSamples, csv.Timestamps, options.Names, timeFormat) : null;
        mapping.Add("timestamps: " + timeFormat.Describe());
        var layout = new CsvLayout
        {
            File = file,
            Delimiter = (byte)delimiter.Value,
            Header = header,
            CaseField = Field(ColumnRole.Case),
            ActivityField = Field(ColumnRole.Activity),
            TimeField = timeField,
            StartField = startField,
            ResourceField = Field(ColumnRole.Resource),
            AttributeFields = [.. attributeFields],
            TimeFormat = timeFormat,
            StartFormat = startFormat,
            MissingMarkers = markers,
            MaxFieldBytes = csv.MaxFieldBytes,
            Names = options.Names,
        };
        layout.IsMissing(default, quoted: false); // builds the marker filter before parsing threads share the layout
        return (layout, dataStart, headerLines, mapping, caseAttributes, lifecycleName);
    }

    /// <summary>The first rows (up to 5,000 in the first 4 MiB), every field, for recognising columns by their values.</summary>
    private static CsvSample SampleRows(ByteSource source, long dataStart, byte delimiter, int maxField, int fieldCount, byte[][] markers)
    {
        var rows = new List<string?[]>();
        var block = new byte[4 << 20];
        int got = source.ReadFully(dataStart, block);
        var data = block.AsSpan(0, got);
        bool atEnd = got < block.Length;
        var fields = new CsvFields();
        while (!data.IsEmpty && rows.Count < 5000)
        {
            var status = CsvTokenizer.ReadRow(data, atEnd, delimiter, maxField, fields, out int consumed, out _);
            if (status is RowStatus.NeedMore or RowStatus.TooLong || consumed == 0)
            {
                break;
            }

            if (status == RowStatus.Row && fields.Count == fieldCount)
            {
                var row = new string?[fieldCount];
                for (int f = 0; f < fieldCount; f++)
                {
                    var value = fields.Get(data, f).Trim((byte)' ');
                    bool missing = false;
                    foreach (var marker in markers)
                    {
                        missing |= !fields.Quoted[f] && value.SequenceEqual(marker);
                    }

                    row[f] = missing ? null : Encoding.UTF8.GetString(value);
                }

                rows.Add(row);
            }

            data = data[consumed..];
        }

        return new CsvSample(rows);
    }

    private static string Printable(char c) => c switch
    {
        '\t' => "\\t",
        _ => c.ToString(),
    };

    /// <summary>The most frequent of comma, semicolon, tab and pipe outside quotes on the first line.</summary>
    internal static char DetectDelimiter(ReadOnlySpan<byte> head)
    {
        int lf = head.IndexOf((byte)'\n');
        var line = lf < 0 ? head : head[..lf];
        Span<int> counts = stackalloc int[4];
        ReadOnlySpan<byte> candidates = ",;\t|"u8;
        bool quoted = false;
        foreach (byte b in line)
        {
            if (b == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                int k = candidates.IndexOf(b);
                if (k >= 0)
                {
                    counts[k]++;
                }
            }
        }

        int best = 0;
        for (int k = 1; k < 4; k++)
        {
            if (counts[k] > counts[best])
            {
                best = k;
            }
        }

        return (char)candidates[best];
    }

    private static (List<byte[]> Times, List<byte[]> Starts) SampleColumns(ByteSource source, long dataStart, byte delimiter, int maxField, int fieldCount, int timeField, int startField, byte[][] markers)
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
        var value = fields.Get(data, field).Trim((byte)' ');
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

    /// <summary>
    /// The ranges of one wave: from <paramref name="start"/> (just after a line break) over about
    /// <paramref name="waveBytes"/>, ending after the next line break (or at the end of the data), split into up to
    /// <paramref name="parts"/> ranges that each start after a line break.
    /// </summary>
    private static List<(long Start, long End)> SplitRanges(ByteSource source, long start, long waveBytes, int parts, out long waveEnd, out bool last)
    {
        var ranges = new List<(long, long)>();
        // A wave ends after a line break; one not found within a row's maximum length leaves the wave's end at a
        // plain offset (the row there is too long anyway and is reported by the range that holds its start).
        waveEnd = waveBytes == long.MaxValue ? -1 : NextLineStart(source, start + waveBytes, MaxRowSearch);
        last = waveEnd < 0;
        if (last)
        {
            waveEnd = source.Complete();
        }

        long length = waveEnd - start;
        if (parts <= 1 || length < (8 << 20))
        {
            ranges.Add((start, waveEnd));
            return ranges;
        }

        long from = start;
        for (int i = 1; i < parts; i++)
        {
            long nominal = start + (length * i / parts);
            if (nominal <= from)
            {
                continue;
            }

            long boundary = NextLineStart(source, nominal, source.IsStreamed ? MaxRowSearch : long.MaxValue);
            if (boundary < 0 || boundary >= waveEnd)
            {
                break;
            }

            ranges.Add((from, boundary));
            from = boundary;
        }

        ranges.Add((from, waveEnd));
        return ranges;
    }

    /// <summary>The offset just after the first line break at or after <paramref name="offset"/>; -1 when the
    /// data ends first; the offset reached when no line break is found within <paramref name="maxSearch"/> bytes.</summary>
    private static long NextLineStart(ByteSource source, long offset, long maxSearch)
    {
        Span<byte> window = stackalloc byte[1 << 16];
        long probe = offset;
        while (true)
        {
            if (probe - offset > maxSearch)
            {
                return probe;
            }

            int n = source.Read(probe, window);
            if (n <= 0)
            {
                return -1;
            }

            int lf = window[..n].IndexOf((byte)'\n');
            if (lf >= 0)
            {
                long boundary = probe + lf + 1;
                return boundary >= source.Length ? -1 : boundary;
            }

            probe += n;
        }
    }

    private static int CountLineBreaks(ByteSource source, long start, long end)
    {
        var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            var buffer = rented.AsSpan(0, 1 << 20);
            long count = 0;
            for (long pos = start; pos < end;)
            {
                int n = source.Read(pos, buffer[..(int)Math.Min(buffer.Length, end - pos)]);
                if (n <= 0)
                {
                    break;
                }

                count += buffer[..n].Count((byte)'\n');
                pos += n;
            }

            return (int)Math.Min(count, int.MaxValue - 1);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static RawLog Merge(CsvLayout layout, List<CsvWave> waves, HashSet<string> caseAttributeNames, string? lifecycleName, CsvLogOptions csv, EventLogReadOptions options, string file, string format, out List<ImportIssue>[] caseIssues, out List<string>[] caseWarnings)
    {
        // Global tables: chunks in file order, so ids follow first appearance in the file. Each chunk's rows are
        // remapped from its own ids to the global ones where they lie.
        var cases = new Utf8Interner();
        var activities = new Utf8Interner();
        var resources = new Utf8Interner();
        var attributes = layout.AttributeFields.Select(_ => new Utf8Interner()).ToArray();
        foreach (var wave in waves)
        {
            var events = wave.Events;
            foreach (var chunk in wave.Chunks)
            {
                var caseMap = MapInto(chunk.Cases, cases);
                var activityMap = MapInto(chunk.ActivityNames, activities);
                var resourceMap = MapInto(chunk.ResourceNames, resources);
                var attributeMaps = new int[attributes.Length][];
                for (int k = 0; k < attributes.Length; k++)
                {
                    attributeMaps[k] = MapInto(chunk.AttributeValues[k], attributes[k]);
                }

                int at = chunk.BaseRow, n = chunk.Rows;
                var work = new List<Action>
                {
                    () => Remap(events.CaseOf, at, n, caseMap),
                    () => Remap(events.Activities, at, n, activityMap),
                    () => Remap(events.Resources, at, n, resourceMap),
                };
                for (int k = 0; k < attributes.Length; k++)
                {
                    int column = k;
                    work.Add(() => Remap(events.Attributes[column], at, n, attributeMaps[column]));
                }

                System.Threading.Tasks.Parallel.Invoke([.. work]);
            }
        }

        // Each wave's rows made contiguous in place; its columns are handed to assembly as one segment (a
        // streamed input's waves are never copied into one array, so it costs no more memory than a plain file).
        var segments = new List<RawSegment>(waves.Count);
        foreach (var wave in waves)
        {
            var events = Compact(wave, layout.AttributeFields.Length);
            segments.Add(new RawSegment
            {
                CaseOf = events.CaseOf,
                Activities = events.Activities,
                Resources = events.Resources,
                Times = events.Times,
                Starts = events.Starts,
                Codes = events.Attributes,
                Count = wave.Chunks.Sum(c => c.Rows),
            });
        }

        var caseIds = cases.ToStrings();
        var codeColumns = new List<RawCodeColumn>();
        var columnIssues = new List<ImportIssue>[attributes.Length];
        var columnWarnings = new List<string>[attributes.Length];
        IReadOnlyList<KeyValuePair<string, long>> transitions = [];
        var activityNames = activities.ToNameTable();
        for (int k = 0; k < attributes.Length; k++)
        {
            string name = layout.Header[layout.AttributeFields[k]];
            var values = attributes[k].ToNameTable();
            if (name == lifecycleName)
            {
                transitions = ToLifecycles(segments, k, values);
                if (options.Lifecycle == LifecycleHandling.Classifier)
                {
                    activityNames = WithTransitions(segments, k, activityNames, values);
                }
            }

            var issuesOfColumn = columnIssues[k] = [];
            var warningsOfColumn = columnWarnings[k] = [];
            if (caseAttributeNames.Contains(name))
            {
                string caseName = name.StartsWith("case:", StringComparison.OrdinalIgnoreCase) ? name[5..] : name;
                codeColumns.Add(new RawCodeColumn(caseName, CaseLevel: true, (ordered, offsets, finalCaseIds) =>
                {
                    var perCase = ReduceToCases(ordered, offsets, values, caseName, finalCaseIds, issuesOfColumn, options.BadRows, warningsOfColumn);
                    return csv.InferAttributeTypes ? CsvAttributeTypes.Infer(caseName, perCase, perCase.Length, values, layout.TimeFormat) : StringColumn.Trusted(caseName, perCase, values);
                }));
            }
            else
            {
                codeColumns.Add(new RawCodeColumn(name, CaseLevel: false, (ordered, offsets, _) =>
                    csv.InferAttributeTypes ? CsvAttributeTypes.Infer(name, ordered, offsets[^1], values, layout.TimeFormat) : StringColumn.Trusted(name, ordered, values, offsets[^1])));
            }
        }

        caseIssues = columnIssues;
        caseWarnings = columnWarnings;
        return new RawLog
        {
            CaseIds = caseIds,
            Segments = segments,
            Transitions = transitions,
            ActivityNames = activityNames,
            ResourceNames = resources.ToNameTable(),
            CodeColumns = codeColumns,
            Metadata = new LogMetadata { SourceName = file, SourceFormat = format },
        };
    }

    /// <summary>One wave's rows made contiguous (chunks may fill less than their capacity), in place.</summary>
    private static CsvEventBuffer Compact(CsvWave wave, int attributeCount)
    {
        var events = wave.Events;
        int target = 0;
        foreach (var chunk in wave.Chunks)
        {
            int from = chunk.BaseRow, n = chunk.Rows;
            if (from != target)
            {
                Array.Copy(events.CaseOf, from, events.CaseOf, target, n);
                Array.Copy(events.Activities, from, events.Activities, target, n);
                Array.Copy(events.Resources, from, events.Resources, target, n);
                Array.Copy(events.Times, from, events.Times, target, n);
                if (events.Starts is not null)
                {
                    Array.Copy(events.Starts, from, events.Starts, target, n);
                }

                for (int k = 0; k < attributeCount; k++)
                {
                    Array.Copy(events.Attributes[k], from, events.Attributes[k], target, n);
                }
            }

            target += n;
        }

        return events;
    }

    /// <summary>Activity names for steps named by activity and transition (<c>A+start</c>), with the activity ids of
    /// every segment rewritten in place; events without a transition keep the activity's name.</summary>
    private static NameTable WithTransitions(List<RawSegment> segments, int column, NameTable activityNames, NameTable transitionNames)
    {
        var names = new List<string>();
        var index = new Dictionary<(int, int), int>();
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var segment in segments)
        {
            var activities = segment.Activities;
            var transitions = segment.Codes[column];
            for (int e = 0; e < segment.Count; e++)
            {
                var key = (activities[e], transitions[e]);
                if (!index.TryGetValue(key, out int id))
                {
                    string name = transitions[e] < 0 ? activityNames[activities[e]] : activityNames[activities[e]] + "+" + transitionNames[transitions[e]];
                    if (!lookup.TryGetValue(name, out id))
                    {
                        id = names.Count;
                        names.Add(name);
                        lookup[name] = id;
                    }

                    index[key] = id;
                }

                activities[e] = id;
            }
        }

        return new NameTable(names);
    }

    private static int[] MapInto(Utf8Interner local, Utf8Interner global)
    {
        var map = new int[local.Count];
        for (int id = 0; id < map.Length; id++)
        {
            map[id] = global.Intern(local.Bytes(id));
        }

        return map;
    }

    private static void Remap(int[] ids, int start, int count, int[] map)
    {
        var span = ids.AsSpan(start, count);
        for (int i = 0; i < span.Length; i++)
        {
            int id = span[i];
            if (id >= 0)
            {
                span[i] = map[id];
            }
        }
    }

    /// <summary>Sets each segment's lifecycle transitions from the lifecycle column's codes; returns each value
    /// as written with its count, most frequent first.</summary>
    private static IReadOnlyList<KeyValuePair<string, long>> ToLifecycles(List<RawSegment> segments, int column, NameTable values)
    {
        var byCode = new Lifecycle[values.Count];
        for (int v = 0; v < values.Count; v++)
        {
            byCode[v] = Lifecycles.Parse(values[v]);
        }

        var counts = new long[values.Count];
        foreach (var segment in segments)
        {
            var codes = segment.Codes[column];
            var starts = segment.Starts;
            var result = new Lifecycle[segment.Count];
            for (int e = 0; e < segment.Count; e++)
            {
                int code = codes[e];
                if (code >= 0)
                {
                    // A row that has its own start time is a whole instance already (as a log Stepwise wrote):
                    // its transition stays an attribute and takes no part in pairing.
                    result[e] = starts is not null && starts[e] != Time.Timestamp.None ? Lifecycle.None : byCode[code];
                    counts[code]++;
                }
            }

            segment.Lifecycles = result;
        }

        return [.. Enumerable.Range(0, values.Count).Where(v => counts[v] > 0)
            .Select(v => new KeyValuePair<string, long>(values[v], counts[v]))
            .OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal)];
    }

    private static int[] ReduceToCases(int[] codes, int[] offsets, NameTable values, string name, IReadOnlyList<string> caseIds, List<ImportIssue> issues, BadRowPolicy policy, List<string> warnings)
    {
        int caseCount = offsets.Length - 1;
        var perCase = new int[caseCount];
        int conflicts = 0;
        for (int c = 0; c < caseCount; c++)
        {
            int first = -1;
            for (int e = offsets[c]; e < offsets[c + 1]; e++)
            {
                int code = codes[e];
                if (code < 0)
                {
                    continue;
                }

                if (first < 0)
                {
                    first = code;
                }
                else if (code != first)
                {
                    conflicts++;
                    if (policy == BadRowPolicy.Reject && issues.Count < 100)
                    {
                        issues.Add(new ImportIssue(null, null, name, $"case '{caseIds[c]}' has two values of the case attribute: '{values[first]}' and '{values[code]}'."));
                    }
                }
            }

            perCase[c] = first;
        }

        if (conflicts > 0 && policy == BadRowPolicy.Skip)
        {
            warnings.Add($"{conflicts} rows give the case attribute '{name}' a value different from the case's first; the first value was kept.");
        }

        return perCase;
    }
}
