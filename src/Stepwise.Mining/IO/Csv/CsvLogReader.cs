using System.Globalization;
using System.Text;
using Stepwise.Mining.Assembly;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.Time;

namespace Stepwise.Mining.IO.Csv;

/// <summary>
/// Reads a delimited event-log export. The header names the columns (roles detected or given), a sample of rows
/// decides how timestamps are written, then the file is split into byte ranges parsed in parallel into one set
/// of preallocated columns; values are interned per range and merged. Ranges start after a line break and are
/// verified afterwards: where a quoted field with a line break straddles a boundary, the range is parsed again from
/// the true row start, so the result never depends on how the file was split.
/// </summary>
internal static class CsvLogReader
{
    private static readonly string[] DefaultMissing = ["", "?", "NULL", "null", "NA", "N/A", "n/a", "NaN"];

    internal static bool IsDefaultMissingMarker(string value) => Array.IndexOf(DefaultMissing, value.Trim()) >= 0;

    public static EventLogImport Read(ByteSource input, string file, EventLogReadOptions options, IProgress<double>? progress, CancellationToken cancellation)
    {
        var csv = options.Csv;
        var (source, contentStart, encodingName) = CsvTextEncoding.Prepare(input, csv.Encoding);
        try
        {
            return ReadUtf8(source, contentStart, encodingName, file, options, progress, cancellation);
        }
        finally
        {
            if (!ReferenceEquals(source, input))
            {
                source.Dispose();
            }
        }
    }

    private static EventLogImport ReadUtf8(ByteSource source, long contentStart, string encodingName, string file, EventLogReadOptions options, IProgress<double>? progress, CancellationToken cancellation)
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

        var (layout, dataStart, headerLines, mapping, caseAttributeNames, lifecycleAttribute) = ReadHeader(source, contentStart, file, csv, warnings);

        // Split the data into ranges starting after a line break; count line breaks to bound the rows per range.
        var ranges = SplitRanges(source, dataStart, csv.Parallel ? Environment.ProcessorCount * 2 : 1);
        var capacities = new int[ranges.Count];
        System.Threading.Tasks.Parallel.For(0, ranges.Count, i => capacities[i] = CountLineBreaks(source, ranges[i].Start, ranges[i].End) + 1);
        long totalCapacity = capacities.Sum(c => (long)c);
        if (totalCapacity > Array.MaxLength)
        {
            throw new EventLogFormatException(file, new ImportIssue(null, null, null, $"the file has {totalCapacity:N0} lines; one log holds at most {Array.MaxLength:N0} events."));
        }

        Phase("header, sample and split");
        var events = new CsvEventBuffer((int)totalCapacity, layout.StartField >= 0, layout.AttributeFields.Length);
        var chunks = new CsvChunkParser[ranges.Count];
        int baseRow = 0;
        for (int i = 0; i < ranges.Count; i++)
        {
            chunks[i] = new CsvChunkParser(layout, source, events, ranges[i].Start, ranges[i].End, baseRow, capacities[i], options.MaxReportedIssues);
            baseRow += capacities[i];
        }

        long dataLength = Math.Max(1, source.Length - dataStart);
        using (var timer = progress is null ? null : new Timer(_ => progress.Report(0.9 * chunks.Sum(c => Volatile.Read(ref c.Progress)) / dataLength), null, 200, 200))
        {
            System.Threading.Tasks.Parallel.ForEach(chunks, new ParallelOptions { CancellationToken = cancellation }, chunk =>
            {
                // A range other than the first starts where a line break was found, which may be inside a quoted
                // field; its error only counts once its start is confirmed below.
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

        Phase("parse");

        // Verify that each range started where the previous one's last row ended; parse again where not.
        if (chunks[0].Failure is { } first)
        {
            throw first;
        }

        for (int i = 1; i < chunks.Length; i++)
        {
            var previous = chunks[i - 1];
            if (chunks[i].Start != previous.End)
            {
                long start = Math.Min(previous.End, chunks[i].NominalEnd);
                var again = new CsvChunkParser(layout, source, events, start, Math.Max(start, chunks[i].NominalEnd), chunks[i].BaseRow, chunks[i].Capacity, options.MaxReportedIssues);
                again.Parse(cancellation);
                chunks[i] = again;
            }

            if (chunks[i].Failure is { } failure)
            {
                throw failure;
            }
        }

        // Issues, with lines made absolute.
        long line = headerLines + 1;
        int issueCount = 0;
        long skipped = 0, rowsRead = 0;
        var issues = new List<ImportIssue>();
        foreach (var chunk in chunks)
        {
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
        }

        if (issueCount > 0 && options.BadRows == BadRowPolicy.Reject)
        {
            throw new EventLogFormatException(file, issues, issueCount);
        }

        int total = chunks.Sum(c => c.Rows);
        if (total == 0)
        {
            throw new EventLogFormatException(file, new ImportIssue(null, null, null, rowsRead == 0 ? "the file has a header but no data rows." : "no row could be read."));
        }

        Phase("verify ranges");
        progress?.Report(0.9);
        var raw = Merge(layout, events, chunks, total, caseAttributeNames, lifecycleAttribute, csv, options, file, out var caseIssueLists, out var caseWarningLists);
        Phase("merge tables");
        var log = LogAssembler.Assemble(raw, out var stats);
        Phase("group, sort, index and type columns");
        var caseIssues = caseIssueLists.SelectMany(l => l).ToList();
        if (caseIssues.Count > 0 && options.BadRows == BadRowPolicy.Reject)
        {
            throw new EventLogFormatException(file, caseIssues.Take(options.MaxReportedIssues).ToList(), caseIssues.Count);
        }

        warnings.AddRange(caseWarningLists.SelectMany(l => l));
        if (stats.UnpairedStarts > 0)
        {
            warnings.Add($"{stats.UnpairedStarts} start events have no matching complete event; they were kept as events of their own.");
        }

        if (stats.CasesReordered > 0)
        {
            warnings.Add($"{stats.CasesReordered} cases had rows out of time order in the file; their events were sorted by time.");
        }

        var report = new ImportReport
        {
            File = file,
            Format = EventLogFormat.Csv,
            Bytes = source.Length,
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
            PairedLifecycles = stats.PairedLifecycles,
            Phases = phases,
        };
        return new EventLogImport(log, report);
    }

    private static (CsvLayout Layout, long DataStart, int HeaderLines, List<string> Mapping, HashSet<string> CaseAttributes, string? Lifecycle) ReadHeader(ByteSource source, long start, string file, CsvLogOptions csv, List<string> warnings)
    {
        var block = new byte[(int)Math.Min(Math.Max(source.Length - start, 1), 1 << 20)];
        int got = source.ReadFully(start, block);
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
        var status = CsvTokenizer.ReadRow(head, got == source.Length - start, (byte)delimiter.Value, csv.MaxFieldBytes, fields, out int consumed, out int lines);
        if (status != RowStatus.Row)
        {
            throw new EventLogFormatException(file, new ImportIssue(headerLines + 1, null, null, status == RowStatus.Malformed ? "the header row is malformed: " + fields.Error : "the header row is longer than 1 MiB."));
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
            throw new EventLogFormatException(file, new ImportIssue(headerLines + 1, null, null, $"the header has {header.Length} column(s) with delimiter '{Printable(delimiter.Value)}'; an event log needs at least a case id, an activity and a timestamp. Check the delimiter."));
        }

        headerLines += lines;
        long dataStart = offset + consumed;
        var roles = CsvColumnRoles.Assign(file, header, csv, out var mapping);
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
        var markers = CsvLayout.Markers(csv.MissingValues);

        // Decide how timestamps are written from a sample of rows.
        int timeField = Field(ColumnRole.Timestamp), startField = Field(ColumnRole.StartTimestamp);
        var (timeSamples, startSamples) = SampleColumns(source, dataStart, (byte)delimiter.Value, csv.MaxFieldBytes, header.Length, timeField, startField, markers);
        var timeFormat = DetectTimestamps(file, header[timeField], timeSamples, csv.Timestamps);
        var startFormat = startField >= 0 ? DetectTimestamps(file, header[startField], startSamples, csv.Timestamps, timeFormat) : null;
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
        };
        layout.IsMissing(default, quoted: false); // builds the marker filter before parsing threads share the layout
        return (layout, dataStart, headerLines, mapping, caseAttributes, lifecycleName);
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
        var block = new byte[(int)Math.Min(Math.Max(source.Length - dataStart, 1), 4 << 20)];
        int got = source.ReadFully(dataStart, block);
        var data = block.AsSpan(0, got);
        bool atEnd = dataStart + got >= source.Length;
        var fields = new CsvFields();
        int rows = 0;
        while (!data.IsEmpty && rows < 20000)
        {
            var status = CsvTokenizer.ReadRow(data, atEnd, delimiter, maxField, fields, out int consumed, out _);
            if (status == RowStatus.NeedMore || consumed == 0)
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
    internal static TimestampFormat DetectTimestamps(string file, string column, List<byte[]> samples, TimestampFormat requested, TimestampFormat? preferred = null)
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
                throw new EventLogFormatException(file, new ImportIssue(null, null, column, "the dates mix day-first and month-first forms (both the first and the second number exceed 12 in different rows); give the timestamp format."));
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
                throw new EventLogFormatException(file, new ImportIssue(null, null, column, $"cannot tell whether dates such as '{Encoding.UTF8.GetString(samples.First(s => TimestampParser.TrySplitNumericDate(s, out _, out _, out _, out _)))}' are day-first or month-first (no day above 12 in the first {samples.Count:N0} rows); give the timestamp format dmy or mdy."));
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
        throw new EventLogFormatException(file, new ImportIssue(null, null, column, $"'{Encoding.UTF8.GetString(unreadable)}' is not a timestamp Stepwise recognises (ISO-8601 such as 2016-02-13T09:21:00, 13/02/2016 09:21, 02/13/2016 9:21 PM, or Unix epoch seconds/milliseconds); give the timestamp format as a pattern such as dd.MM.yyyy HH:mm."));
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

    private static List<(long Start, long End)> SplitRanges(ByteSource source, long dataStart, int parts)
    {
        long length = source.Length - dataStart;
        var ranges = new List<(long, long)>();
        if (parts <= 1 || length < (8 << 20))
        {
            ranges.Add((dataStart, source.Length));
            return ranges;
        }

        long start = dataStart;
        Span<byte> window = stackalloc byte[1 << 16];
        for (int i = 1; i < parts; i++)
        {
            long nominal = dataStart + (length * i / parts);
            if (nominal <= start)
            {
                continue;
            }

            long boundary = -1;
            long probe = nominal;
            while (probe < source.Length && boundary < 0)
            {
                int n = source.Read(probe, window);
                if (n <= 0)
                {
                    break;
                }

                int lf = window[..n].IndexOf((byte)'\n');
                if (lf >= 0)
                {
                    boundary = probe + lf + 1;
                }

                probe += n;
            }

            if (boundary < 0 || boundary >= source.Length)
            {
                break;
            }

            ranges.Add((start, boundary));
            start = boundary;
        }

        ranges.Add((start, source.Length));
        return ranges;
    }

    private static int CountLineBreaks(ByteSource source, long start, long end)
    {
        var buffer = new byte[1 << 20];
        long count = 0;
        for (long pos = start; pos < end;)
        {
            int n = source.Read(pos, buffer.AsSpan(0, (int)Math.Min(buffer.Length, end - pos)));
            if (n <= 0)
            {
                break;
            }

            count += buffer.AsSpan(0, n).Count((byte)'\n');
            pos += n;
        }

        return (int)Math.Min(count, int.MaxValue - 1);
    }

    private static RawLog Merge(CsvLayout layout, CsvEventBuffer events, CsvChunkParser[] chunks, int total, HashSet<string> caseAttributeNames, string? lifecycleName, CsvLogOptions csv, EventLogReadOptions options, string file, out List<ImportIssue>[] caseIssues, out List<string>[] caseWarnings)
    {
        // Global tables: chunks in file order, so ids follow first appearance in the file.
        var cases = new Utf8Interner();
        var activities = new Utf8Interner();
        var resources = new Utf8Interner();
        var attributes = layout.AttributeFields.Select(_ => new Utf8Interner()).ToArray();
        var caseMaps = new int[chunks.Length][];
        var activityMaps = new int[chunks.Length][];
        var resourceMaps = new int[chunks.Length][];
        var attributeMaps = new int[chunks.Length][][];
        for (int i = 0; i < chunks.Length; i++)
        {
            caseMaps[i] = MapInto(chunks[i].Cases, cases);
            activityMaps[i] = MapInto(chunks[i].ActivityNames, activities);
            resourceMaps[i] = MapInto(chunks[i].ResourceNames, resources);
            attributeMaps[i] = new int[attributes.Length][];
            for (int k = 0; k < attributes.Length; k++)
            {
                attributeMaps[i][k] = MapInto(chunks[i].AttributeValues[k], attributes[k]);
            }
        }

        // Compact the slices (rows written by each chunk may fall short of its capacity) and remap ids.
        int target = 0;
        for (int i = 0; i < chunks.Length; i++)
        {
            var chunk = chunks[i];
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

                foreach (var column in events.Attributes)
                {
                    Array.Copy(column, from, column, target, n);
                }
            }

            int at = target, chunkIndex = i;
            var work = new List<Action>
            {
                () => Remap(events.CaseOf, at, n, caseMaps[chunkIndex]),
                () => Remap(events.Activities, at, n, activityMaps[chunkIndex]),
                () => Remap(events.Resources, at, n, resourceMaps[chunkIndex]),
            };
            for (int k = 0; k < attributes.Length; k++)
            {
                int column = k;
                work.Add(() => Remap(events.Attributes[column], at, n, attributeMaps[chunkIndex][column]));
            }

            System.Threading.Tasks.Parallel.Invoke([.. work]);
            target += n;
        }

        var caseIds = cases.ToStrings();
        var codeColumns = new List<RawCodeColumn>();
        var columnIssues = new List<ImportIssue>[attributes.Length];
        var columnWarnings = new List<string>[attributes.Length];
        Lifecycle[]? lifecycles = null;
        for (int k = 0; k < attributes.Length; k++)
        {
            string name = layout.Header[layout.AttributeFields[k]];
            var values = attributes[k].ToNameTable();
            var codes = events.Attributes[k];
            if (name == lifecycleName)
            {
                lifecycles = ToLifecycles(codes, total, values);
            }

            var issuesOfColumn = columnIssues[k] = [];
            var warningsOfColumn = columnWarnings[k] = [];
            if (caseAttributeNames.Contains(name))
            {
                string caseName = name.StartsWith("case:", StringComparison.OrdinalIgnoreCase) ? name[5..] : name;
                codeColumns.Add(new RawCodeColumn(caseName, codes, CaseLevel: true, (ordered, offsets, finalCaseIds) =>
                {
                    var perCase = ReduceToCases(ordered, offsets, values, caseName, finalCaseIds, issuesOfColumn, options.BadRows, warningsOfColumn);
                    return csv.InferAttributeTypes ? CsvAttributeTypes.Infer(caseName, perCase, perCase.Length, values, layout.TimeFormat) : StringColumn.Trusted(caseName, perCase, values);
                }));
            }
            else
            {
                codeColumns.Add(new RawCodeColumn(name, codes, CaseLevel: false, (ordered, offsets, _) =>
                    csv.InferAttributeTypes ? CsvAttributeTypes.Infer(name, ordered, offsets[^1], values, layout.TimeFormat) : StringColumn.Trusted(name, ordered, values, offsets[^1])));
            }
        }

        caseIssues = columnIssues;
        caseWarnings = columnWarnings;
        return new RawLog
        {
            CaseIds = caseIds,
            CaseOf = events.CaseOf,
            Activities = events.Activities,
            Resources = events.Resources,
            Times = events.Times,
            StartTimes = events.Starts,
            Lifecycles = lifecycles,
            ActivityNames = activities.ToNameTable(),
            ResourceNames = resources.ToNameTable(),
            CodeColumns = codeColumns,
            Metadata = new LogMetadata { SourceName = file, SourceFormat = "csv" },
            Count = total,
        };
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

    private static Lifecycle[] ToLifecycles(int[] codes, int count, NameTable values)
    {
        var byCode = new Lifecycle[values.Count];
        for (int v = 0; v < values.Count; v++)
        {
            byCode[v] = string.Equals(values[v], "start", StringComparison.OrdinalIgnoreCase) ? Lifecycle.Start
                : string.Equals(values[v], "complete", StringComparison.OrdinalIgnoreCase) ? Lifecycle.Complete
                : Lifecycle.Other;
        }

        var result = new Lifecycle[count];
        for (int e = 0; e < count; e++)
        {
            result[e] = codes[e] < 0 ? Lifecycle.Other : byCode[codes[e]];
        }

        return result;
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
