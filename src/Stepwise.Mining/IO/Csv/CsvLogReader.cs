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

    private static readonly string[] DefaultMissing = ["", "?", "NULL", "null", "NA", "N/A", "n/a", "NaN"];

    /// <summary>The bytes the chunks have parsed so far.</summary>
    private static long Progress(CsvChunkParser[] chunks)
    {
        long done = 0;
        foreach (var chunk in chunks)
        {
            done += Volatile.Read(ref chunk.Progress);
        }

        return done;
    }

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
        // range must start where the previous range's last row ended, else it is parsed again from there. Every wave
        // is parsed into the one set of columns, after the rows of the waves before: a streamed file's are sized from
        // an estimate of its rows and grown if a wave would pass them, so its waves are never joined (a second copy).
        int parts = csv.Parallel ? Environment.ProcessorCount * 2 : 1;
        long waveBytes = source.IsStreamed ? StreamedWaveBytes : long.MaxValue;
        CsvEventBuffer? events = null;
        int rows = 0;
        long rowsUncollected = 0;
        var tables = new CsvValueTables(layout.AttributeFields.Length);
        var issues = new List<ImportIssue>();
        long line = headerLines + 1;
        long nominal = dataStart;
        long expected = dataStart;
        long totalCapacity = 0;
        int issueCount = 0;
        long skipped = 0, rowsRead = 0;
        double parseSeconds = 0, verifySeconds = 0, mergeSeconds = 0;
        while (true)
        {
            var waveClock = System.Diagnostics.Stopwatch.StartNew();
            var ranges = CsvRanges.SplitRanges(source, nominal, waveBytes, parts, out long waveEnd, out bool last);
            if (source.IsStreamed && !last)
            {
                source.Prefetch(waveEnd + waveBytes);
            }

            var capacities = new int[ranges.Count];
            System.Threading.Tasks.Parallel.For(0, ranges.Count, i => capacities[i] = CsvRanges.CountLineBreaks(source, ranges[i].Start, ranges[i].End) + 1);
            long waveCapacity = 0;
            foreach (int lines in capacities)
            {
                waveCapacity += lines;
            }

            totalCapacity += waveCapacity;
            if (totalCapacity > Array.MaxLength)
            {
                throw new EventLogFormatException(file, new ImportIssue(null, null, null, $"the file has more than {Array.MaxLength:N0} lines; one log holds at most {Array.MaxLength:N0} events."));
            }

            long needed = rows + waveCapacity;
            if (events is null || needed > events.Capacity)
            {
                int capacity = !source.IsStreamed ? (int)needed : StreamedCapacity(needed, totalCapacity, waveEnd - dataStart, events?.Capacity ?? 0, PlausibleLength(source, waveEnd));
                if (events is null)
                {
                    events = new CsvEventBuffer(capacity, layout.StartField >= 0, layout.AttributeFields.Length);
                }
                else
                {
                    events.Grow(capacity, rows);
                }
            }

            var chunks = new CsvChunkParser[ranges.Count];
            int baseRow = rows;
            for (int i = 0; i < ranges.Count; i++)
            {
                chunks[i] = new CsvChunkParser(layout, source, events, ranges[i].Start, ranges[i].End, baseRow, capacities[i], options.MaxReportedIssues);
                baseRow += capacities[i];
            }

            long waveStart = nominal;
            using (var timer = progress is null ? null : new Timer(_ => progress.Report(0.9 * source.Fraction(waveStart + Progress(chunks))), null, 200, 200))
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
            if (options.MaxRows is { } maxRows && rowsRead > maxRows)
            {
                // Checked wave by wave: a streamed file is refused once a window passes the bound, never read whole.
                throw options.RowsExceeded(file, "rows", null);
            }

            var wave = new CsvWave(events, chunks);
            waveClock.Restart();
            // The chunk tables of the waves since the last collection (a plain file's one wave; a streamed file's every
            // million rows or so), before the file's tables grow: else the collector, its budget grown with the large
            // columns, leaves them all in memory.
            foreach (var chunk in wave.Chunks)
            {
                rowsUncollected += chunk.Rows;
            }

            if (rowsUncollected >= ImportMemory.MinimumEvents)
            {
                ImportMemory.Reclaim(rowsUncollected);
                rowsUncollected = 0;
            }

            tables.Absorb(wave);
            rows = events.Compact(chunks, rows);
            mergeSeconds += waveClock.Elapsed.TotalSeconds;
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

        source.ReleaseBefore(length); // a streamed file's last window, before the tables and the assembly allocate

        phases.Add(new ImportPhase("parse", parseSeconds));
        phases.Add(new ImportPhase("verify ranges", verifySeconds));
        clock.Restart();
        if (issueCount > 0 && options.BadRows == BadRowPolicy.Reject)
        {
            throw new EventLogFormatException(file, issues, issueCount, options.Names);
        }

        int total = rows;
        if (total == 0)
        {
            throw new EventLogFormatException(file, new ImportIssue(null, null, null, rowsRead == 0 ? "the file has a header but no data rows." : "no row could be read."), options.Names);
        }

        progress?.Report(0.9);
        RawLog? raw = CsvMerge.Merge(layout, events!, total, tables, caseAttributeNames, lifecycleAttribute, csv, options, file, format, out var caseConflicts);
        tables.Release();
        phases.Add(new ImportPhase("merge tables", mergeSeconds + clock.Elapsed.TotalSeconds));
        clock.Restart();
        // The tables, and a streamed file's many waves' chunk tables and blocks: their holes, scattered among the
        // columns, are handed back to the system (else the assembly's spare column may take fresh memory beside them).
        if (source.IsStreamed)
        {
            ImportMemory.Release(total);
        }
        else
        {
            ImportMemory.Reclaim(total);
        }

        var log = LogAssembler.Assemble(raw, options.Lifecycle, out var lifecycle, out var stats);
        Phase("group, sort, index and type columns");
        // The log owns the columns it needs now; what else the waves and the raw log point to is garbage.
        raw = null;
        events!.Release();

        ImportMemory.Release(total); // the file-order case column and the scatter's spare, handed back for the analyses
        var conflicting = caseConflicts.Where(c => c.Rows > 0).ToList();
        if (conflicting.Count > 0 && options.BadRows == BadRowPolicy.Reject)
        {
            string summary = CaseAttributeConflicts.Summary(conflicting);
            string hint = $"To import keeping each case's first value and report these rows, use {options.Names.SkipBadRows}; to keep every row's value, leave these columns out of {options.Names.CaseAttributes}.";
            throw new EventLogFormatException(file, summary, CaseAttributeConflicts.Interleaved(conflicting), (int)Math.Min(int.MaxValue, conflicting.Sum(c => c.Rows)), hint);
        }

        warnings.AddRange(conflicting.Select(c => c.Warning()));
        warnings.AddRange(lifecycle.Describe(options.Names));
        if (SameTimeCheck.Warning(log, layout.Header[layout.TimeField]) is { } sameTime)
        {
            warnings.Add(sameTime);
        }

        if (stats.CasesReordered > 0)
        {
            warnings.Add(stats.CasesReordered == 1 ? "1 case had rows out of time order in the file; its events were sorted by time." : $"{stats.CasesReordered:N0} cases had rows out of time order in the file; their events were sorted by time.");
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

    /// <summary>The rows to make room for in a streamed file's columns, which must hold <paramref name="needed"/>:
    /// from the lines found in the content read so far and the content's declared length when it is plausible (a
    /// few percent over, as lines are not evenly long; rooms never filled cost no memory, only address space), else
    /// (or when a wave passes the estimate) growing by a half at least.</summary>
    internal static int StreamedCapacity(long needed, long linesSoFar, long bytesSoFar, int current, long? contentLength)
    {
        long estimate = current + (current / 2);
        if (contentLength is long length && bytesSoFar > 0)
        {
            double expected = linesSoFar * (double)length / bytesSoFar;
            estimate = Math.Max(current + (current / 8), (long)Math.Min(Array.MaxLength, (expected * 1.03) + 4096));
        }

        return (int)Math.Min(Array.MaxLength, Math.Max(needed, estimate));
    }

    /// <summary>The length a streamed source declares, when it is not contradicted by what has been read: at least
    /// the content produced so far, at most four times what the share of the input read so far suggests.</summary>
    private static long? PlausibleLength(ByteSource source, long produced)
    {
        if (source.DeclaredLength is not long declared || declared < produced)
        {
            return null;
        }

        double fraction = source.Fraction(produced);
        return fraction > 0 && declared <= 4 * (produced / fraction) ? declared : null;
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

        int Field(ColumnRole role) => CsvColumnRoles.IndexOfRole(roles, role);

        // Decide how timestamps are written from a sample of rows.
        int timeField = Field(ColumnRole.Timestamp), startField = Field(ColumnRole.StartTimestamp);
        var (timeSamples, startSamples) = CsvTimestampDetection.SampleColumns(source, dataStart, (byte)delimiter.Value, csv.MaxFieldBytes, header.Length, timeField, startField, markers);
        var timeFormat = CsvTimestampDetection.DetectTimestamps(file, header[timeField], timeSamples, csv.Timestamps, options.Names);
        var startFormat = startField >= 0 ? CsvTimestampDetection.DetectTimestamps(file, header[startField], startSamples, csv.Timestamps, options.Names, timeFormat) : null;
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
                    var value = CsvLayout.TrimSpaces(fields.Get(data, f));
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

}
