using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;
using Stepwise.Mining.Assembly;
using Stepwise.Mining.Attributes;

namespace Stepwise.Mining.IO.Xes;

/// <summary>
/// Reading a large plain XES file on every core. The log's header (extensions, globals, classifiers, log
/// attributes) is read first by one scanner, up to the first trace; the rest is cut at <c>&lt;trace</c> tags into
/// parts, each read by its own scanner into its own names and columns, and the parts are then merged in file order,
/// so cases, events, names, ids and attributes come out exactly as one scanner reads them, and an event's issues with
/// the file's lines and columns. Whatever else depends on the parts before it (a trace without a name, declarations
/// between traces, a column given values of several kinds, a trace attribute's issue) and any error send the whole
/// file to one scanner instead, which then gives the same
/// result or the same error, with the same line and column, as it always does: a cut that is not at a real trace
/// (inside a comment, a CDATA section or malformed markup) always leaves some part with an unclosed construct, so it
/// too ends in an error and a serial read, never in a different result.
/// </summary>
internal sealed partial class XesLogReader
{
    private const int CommentWindow = 64 << 10;

    /// <summary>The size of the last part against the first.</summary>
    private const double LastPartShare = 1.0 / 16;

    private static ReadOnlySpan<byte> TraceTag => "<trace"u8;

    private byte[] _rootTag = [];

    /// <summary>How a reader is used: a whole document, the header of a document read in parts, or one part.</summary>
    private enum ReadMode
    {
        Whole,
        Header,
        Part,
    }

    /// <summary>A part met something only a serial read gets right; the file is read by one scanner instead.</summary>
    private sealed class PartNotReadable : Exception
    {
    }

    /// <summary>The import of <paramref name="file"/> read in parts on several cores, or null when it is to be read
    /// by one scanner (small, not UTF-8, no traces, or something only a serial read gets exactly right).</summary>
    private static EventLogImport? TryReadParallel(FileStream file, string name, EventLogReadOptions options, IProgress<double>? progress, CancellationToken cancellation, XesParallelism parallelism, out int parts)
    {
        parts = 1;
        int cores = parallelism.EffectiveCores;
        if (!file.CanSeek || cores < 2)
        {
            return null;
        }

        long length = file.Length;
        if (length < parallelism.MinBytes)
        {
            return null;
        }

        var handle = file.SafeFileHandle;
        var head = new byte[512];
        int headLength = RandomAccess.Read(handle, head, 0);
        int bom = XmlEncoding.Utf8Preamble(head.AsSpan(0, headLength));
        if (bom < 0)
        {
            return null;
        }

        var header = new XesLogReader(new XmlScanner(new FileRegionStream(handle, bom, length, [], []), name), name, options, null, progress, cancellation) { _mode = ReadMode.Header };
        try
        {
            if (!header.ReadHeader())
            {
                return null;
            }
        }
        catch (EventLogFormatException)
        {
            return null;
        }

        var cuts = Cut(handle, bom + header._firstTraceOffset, length, cores, parallelism);
        if (cuts.Count < 3)
        {
            return null;
        }

        var prefix = Encoding.UTF8.GetBytes("<" + Encoding.UTF8.GetString(header._rootTag) + ">");
        var suffix = Encoding.UTF8.GetBytes("</" + Encoding.UTF8.GetString(header._rootTag) + ">");
        int count = cuts.Count - 1;
        var readers = new XesLogReader[count];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        Func<double> done = () => Math.Min(1, readers.Sum(p => p?._xml.BytesRead ?? 0) / (double)length);
        int failed = 0;
        int next = -1;
        Exception? unexpected = null;

        // Parts are taken in file order, the largest first, by as many workers as cores.
        Parallel.For(0, Math.Min(cores, count), new ParallelOptions { MaxDegreeOfParallelism = cores }, _ =>
        {
            int p;
            while ((p = Interlocked.Increment(ref next)) < count && Volatile.Read(ref failed) == 0)
            {
                // A part's reader (and its scanner's buffer) made only when the part is taken.
                var scanner = new XmlScanner(new FileRegionStream(handle, cuts[p], cuts[p + 1], prefix, p == count - 1 ? [] : suffix), name);
                var reader = new XesLogReader(scanner, name, options, done, progress, stop.Token) { _mode = ReadMode.Part };
                reader.TakeDeclarations(header);
                readers[p] = reader;
                ReadPart(reader, ref failed, ref unexpected, stop);
                scanner.ReleaseBuffer();
            }
        });
        cancellation.ThrowIfCancellationRequested();
        if (unexpected is not null)
        {
            ExceptionDispatchInfo.Capture(unexpected).Throw();
        }

        if (failed != 0 || readers.Sum(p => p._rows) > options.MaxRows)
        {
            return null;
        }

        if (readers.Any(r => r._issueCount > 0))
        {
            header.TakeIssues(readers, cuts, prefix.Length, handle, bom);
            if (options.BadRows == BadRowPolicy.Reject)
            {
                throw new EventLogFormatException(name, header._issues, header._issueCount, options.Names);
            }
        }

        var merged = Merge(readers, length - bom);
        if (merged is null)
        {
            return null;
        }

        parts = count;
        return header.Assemble(merged);
    }

    /// <summary>Reads one part; on failure marks the reading failed (keeping an unexpected exception) and stops the
    /// others.</summary>
    private static void ReadPart(XesLogReader reader, ref int failed, ref Exception? unexpected, CancellationTokenSource stop)
    {
        try
        {
            reader.ReadPart();
        }
        catch (Exception e)
        {
            if (e is not (PartNotReadable or EventLogFormatException or OperationCanceledException))
            {
                Interlocked.CompareExchange(ref unexpected, e, null);
            }

            if (Interlocked.Exchange(ref failed, 1) == 0)
            {
                stop.Cancel();
            }
        }
    }

    /// <summary>Reads the root and the declarations before the first trace; false when there is no trace.</summary>
    private bool ReadHeader()
    {
        if (!_xml.Read() || _xml.Kind != XmlTokenKind.StartElement || !_xml.LocalName.SequenceEqual("log"u8))
        {
            throw _xml.Error(_xml.TokenOffset, "the file is not XES: its root element must be <log>.");
        }

        if (_xml.IsEmptyElement)
        {
            return false;
        }

        _rootTag = _xml.Name.ToArray();
        ReadLogContent();
        return _firstTraceOffset >= 0;
    }

    /// <summary>The header's declarations, which every part reads its traces with.</summary>
    private void TakeDeclarations(XesLogReader header)
    {
        _classifierKeys = header._classifierKeys;
        _classifierDeclared = header._classifierDeclared;
        _classifierResolved = true;
        _globals.AddRange(header._globals);
        _classifiers.AddRange(header._classifiers);
    }

    /// <summary>
    /// The issues of the parts in file order, as one scanner lists them: the first ones up to the most reported, and
    /// the count of all; each part's lines and columns made the file's (a part counts its lines from its start, after
    /// a copy of the root's start tag).
    /// </summary>
    private void TakeIssues(XesLogReader[] parts, List<long> cuts, int prefixLength, SafeFileHandle file, long contentStart)
    {
        long lines = 0;
        long lineStart = contentStart;
        long counted = contentStart;
        var buffer = new byte[1 << 20];
        for (int p = 0; p < parts.Length; p++)
        {
            if (parts[p]._issueCount == 0)
            {
                continue;
            }

            // Lines before the part, and where the line it starts on begins.
            while (counted < cuts[p])
            {
                int n = RandomAccess.Read(file, buffer.AsSpan(0, (int)Math.Min(buffer.Length, cuts[p] - counted)), counted);
                var span = buffer.AsSpan(0, n);
                int newlines = span.Count((byte)'\n');
                if (newlines > 0)
                {
                    lines += newlines;
                    lineStart = counted + span.LastIndexOf((byte)'\n') + 1;
                }

                counted += n;
            }

            long firstColumn = cuts[p] - lineStart - prefixLength;
            foreach (var issue in parts[p]._issues)
            {
                if (_issues.Count == _options.MaxReportedIssues)
                {
                    break;
                }

                _issues.Add(issue.Line is not { } line ? issue : issue with
                {
                    Line = line + lines,
                    Column = line == 1 && issue.Column is { } column ? column + firstColumn : issue.Column,
                });
            }

            _issueCount += parts[p]._issueCount;
        }
    }

    /// <summary>Reads a part: the traces between the root's start and end tags around it.</summary>
    private void ReadPart()
    {
        _xml.Read();
        ReadLogContent();
        if (_xml.Read())
        {
            throw _xml.Error(_xml.TokenOffset, "content after the end of <log>.");
        }
    }

    /// <summary>
    /// Where the parts begin: <paramref name="first"/> (the first trace), then the first <c>&lt;trace</c> tag outside
    /// comments and CDATA at or after each of a series of offsets, then <paramref name="end"/>. The parts shrink
    /// towards the end of the file, each by the same ratio, the last about a sixteenth of the first: read in order,
    /// the large ones first, they leave a core little to finish on its own once the others are done.
    /// </summary>
    private static List<long> Cut(SafeFileHandle file, long first, long end, int cores, XesParallelism parallelism)
    {
        long total = end - first;
        int wanted = (int)Math.Clamp(total / Math.Max(1, parallelism.MinPartBytes), 1, cores * Math.Max(1, parallelism.PartsPerCore));
        var cuts = new List<long> { first };
        var buffer = new byte[1 << 20];
        double ratio = wanted > 1 ? Math.Pow(LastPartShare, -1.0 / (wanted - 1)) : 1;
        for (int i = 1; i < wanted; i++)
        {
            // The first i parts' share of the bytes: parts 1, 1/ratio, 1/ratio^2... of the first's size.
            double share = (1 - Math.Pow(ratio, -i)) / (1 - Math.Pow(ratio, -wanted));
            long target = Math.Max(first + (long)(total * share), cuts[^1] + 1);
            long cut = FindTrace(file, target, Math.Min(end, target + (total / wanted)), first, buffer);
            if (cut > cuts[^1])
            {
                cuts.Add(cut);
            }
        }

        cuts.Add(end);
        return cuts;
    }

    /// <summary>The offset of the first <c>&lt;trace</c> start tag in [from, to) that is not inside a comment or
    /// CDATA section or processing instruction as far as the 64 KiB before it tell, or -1.</summary>
    private static long FindTrace(SafeFileHandle file, long from, long to, long floor, byte[] buffer)
    {
        long position = from;
        while (position < to)
        {
            int n = RandomAccess.Read(file, buffer.AsSpan(0, (int)Math.Min(buffer.Length, to + TraceTag.Length + 1 - position)), position);
            if (n <= TraceTag.Length)
            {
                return -1;
            }

            var span = buffer.AsSpan(0, n);
            int k = 0;
            while (true)
            {
                int hit = span[k..].IndexOf(TraceTag);
                if (hit < 0 || k + hit + TraceTag.Length >= n)
                {
                    break;
                }

                k += hit;
                byte next = span[k + TraceTag.Length];
                if (position + k < to && next is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'>' or (byte)'/' && !InsideCommentOrCdata(file, position + k, floor))
                {
                    return position + k;
                }

                k++;
            }

            position += n - TraceTag.Length;
        }

        return -1;
    }

    private static bool InsideCommentOrCdata(SafeFileHandle file, long at, long floor)
    {
        long start = Math.Max(floor, at - CommentWindow);
        var window = new byte[at - start];
        int n = RandomAccess.Read(file, window, start);
        var before = window.AsSpan(0, n);
        return before.LastIndexOf("<!--"u8) > before.LastIndexOf("-->"u8)
            || before.LastIndexOf("<![CDATA["u8) > before.LastIndexOf("]]>"u8)
            || before.LastIndexOf("<?"u8) > before.LastIndexOf("?>"u8);
    }

    /// <summary>Merges parts read in file order: names and ids renumbered in order of first appearance, a case id that
    /// recurs in a later part merged into its case, columns concatenated. Null when a column's kinds need a serial read.
    /// The case ids, the longest serial step, are merged on one core while the event columns are on the others.</summary>
    private static AssembledParts? Merge(XesLogReader[] parts, long bytes)
    {
        int count = parts.Length;
        var activities = new Utf8Interner();
        var resources = new Utf8Interner();
        var transitionValues = new Utf8Interner();
        var transitionCounts = new List<long>();
        var eventKeys = new Utf8Interner();
        var caseKeys = new Utf8Interner();
        var activityMap = new int[count][];
        var resourceMap = new int[count][];
        var eventKeyMap = new int[count][];
        var caseKeyMap = new int[count][];
        var offsets = new int[count + 1];
        int empty = 0;
        long rows = 0;
        long skipped = 0;
        bool anyLifecycle = false;
        for (int p = 0; p < count; p++)
        {
            var part = parts[p];
            activityMap[p] = Renumber(part._activities, activities);
            resourceMap[p] = Renumber(part._resources, resources);
            eventKeyMap[p] = Renumber(part._eventKeys, eventKeys);
            caseKeyMap[p] = Renumber(part._caseKeys, caseKeys);
            var transitions = Renumber(part._transitionValues, transitionValues);
            for (int v = 0; v < part._transitionCounts.Count; v++)
            {
                while (transitionCounts.Count <= transitions[v])
                {
                    transitionCounts.Add(0);
                }

                transitionCounts[transitions[v]] += part._transitionCounts[v];
            }

            empty += part._emptyTraces;
            rows += part._rows;
            skipped += part._skipped;
            anyLifecycle |= part._anyLifecycle;
            offsets[p + 1] = checked(offsets[p] + part._activityOf.Count);
        }

        int n = offsets[count];
        if (n == 0)
        {
            return null;
        }

        CaseMerge? cases = null;
        List<AttributeColumn>? eventColumns = null;
        var activityOf = new int[n];
        var resourceOf = new int[n];
        var times = new long[n];
        var lifecycles = anyLifecycle ? new Lifecycle[n] : null;
        Parallel.Invoke(
            () => cases = MergeCases(parts),
            () =>
            {
                eventColumns = MergeEventColumns(parts, eventKeys, eventKeyMap, offsets);
                Parallel.For(0, count, p =>
                {
                    var part = parts[p];
                    int at = offsets[p];
                    int length = offsets[p + 1] - at;
                    Gather(CollectionsMarshal.AsSpan(part._activityOf), activityMap[p], activityOf.AsSpan(at, length));
                    Gather(CollectionsMarshal.AsSpan(part._resourceOf), resourceMap[p], resourceOf.AsSpan(at, length));
                    CollectionsMarshal.AsSpan(part._times).CopyTo(times.AsSpan(at, length));
                    if (lifecycles is not null)
                    {
                        CollectionsMarshal.AsSpan(part._lifecycles).CopyTo(lifecycles.AsSpan(at, length));
                    }
                });
            });
        if (eventColumns is null)
        {
            return null;
        }

        var caseColumns = new List<AttributeColumn>(caseKeys.Count);
        for (int key = 0; key < caseKeys.Count; key++)
        {
            var column = MergeCaseColumn(parts, caseKeyMap, key, caseKeys.GetString(key), cases!.Offsets, cases.SourceRows);
            if (column is null)
            {
                return null;
            }

            caseColumns.Add(column);
        }

        var caseOf = new int[n];
        var caseIds = new string[cases!.Ids.Count];
        Parallel.For(0, count + 1, p =>
        {
            if (p < count)
            {
                int at = offsets[p];
                Gather(CollectionsMarshal.AsSpan(parts[p]._caseOf), cases.Map[p], caseOf.AsSpan(at, offsets[p + 1] - at));
                return;
            }

            for (int c = 0; c < caseIds.Length; c++)
            {
                caseIds[c] = cases.Ids.GetString(c);
            }
        });

        return new AssembledParts(caseIds, RawLog.One(caseOf, activityOf, resourceOf, times, null, lifecycles), Transitions(transitionValues.ToNameTable(), transitionCounts),
            activities.ToNameTable(), resources.ToNameTable(), eventColumns, caseColumns, rows, skipped, 0, empty, cases.Merged, bytes);
    }

    /// <summary>The case ids of all parts merged in file order: <see cref="Map"/> from each part's cases to the merged
    /// ones; <see cref="Offsets"/>, the first merged case each part opened; <see cref="SourceRows"/>, for each merged
    /// case its row in the part that opened it; <see cref="Merged"/>, the traces merged into an earlier one.</summary>
    private sealed record CaseMerge(Utf8Interner Ids, int[][] Map, int[] Offsets, int[] SourceRows, int Merged);

    private static CaseMerge MergeCases(XesLogReader[] parts)
    {
        int count = parts.Length;
        int values = 0;
        long bytes = 0;
        foreach (var part in parts)
        {
            values += part._caseIds.Count;
            bytes += part._caseIds.ByteCount;
        }

        var caseIds = new Utf8Interner(values, bytes);
        var map = new int[count][];
        var offsets = new int[count + 1];
        var sourceRow = new int[values];
        int merged = 0;
        for (int p = 0; p < count; p++)
        {
            var part = parts[p];
            var cases = new int[part._caseIds.Count];
            for (int c = 0; c < cases.Length; c++)
            {
                int before = caseIds.Count;
                cases[c] = caseIds.Intern(part._caseIds.Bytes(c));
                if (caseIds.Count > before)
                {
                    sourceRow[before] = c;
                }
                else
                {
                    // Its first trace in this part repeats a case of an earlier part.
                    merged++;
                }
            }

            map[p] = cases;
            merged += part._mergedTraces;
            offsets[p + 1] = caseIds.Count;
        }

        return new CaseMerge(caseIds, map, offsets, sourceRow.AsSpan(0, caseIds.Count).ToArray(), merged);
    }

    /// <summary>The event columns of all parts, each over all events in file order; null when a column's kinds need a
    /// serial read.</summary>
    private static List<AttributeColumn>? MergeEventColumns(XesLogReader[] parts, Utf8Interner eventKeys, int[][] eventKeyMap, int[] offsets)
    {
        int count = parts.Length;
        var built = new AttributeColumn[count][];
        Parallel.For(0, count, p => built[p] = [.. parts[p]._eventColumns.Select(c => c.Build(offsets[p + 1] - offsets[p]))]);
        var eventColumns = new List<AttributeColumn>(eventKeys.Count);
        for (int key = 0; key < eventKeys.Count; key++)
        {
            var column = MergeEventColumn(parts, built, eventKeyMap, key, eventKeys.GetString(key), offsets);
            if (column is null)
            {
                return null;
            }

            eventColumns.Add(column);
        }

        return eventColumns;
    }

    /// <summary>The global id of each of <paramref name="local"/>'s values, adding them to <paramref name="global"/> in order.</summary>
    private static int[] Renumber(Utf8Interner local, Utf8Interner global)
    {
        var map = new int[local.Count];
        for (int i = 0; i < map.Length; i++)
        {
            map[i] = global.Intern(local.Bytes(i));
        }

        return map;
    }

    private static void Gather(ReadOnlySpan<int> local, int[] map, Span<int> target)
    {
        for (int i = 0; i < local.Length; i++)
        {
            int id = local[i];
            target[i] = id < 0 ? -1 : map[id];
        }
    }

    /// <summary>
    /// The kind one scanner would give a column that received values of the kinds in <paramref name="mask"/>: the
    /// kind of them all, float for whole numbers and numbers together; null for other mixes, whose values are
    /// converted to text in an order only one scanner sees.
    /// </summary>
    private static AttributeKind? MergedKind(int mask) => mask switch
    {
        _ when mask == 1 << (int)AttributeKind.String => AttributeKind.String,
        _ when mask == 1 << (int)AttributeKind.Integer => AttributeKind.Integer,
        _ when mask == 1 << (int)AttributeKind.Boolean => AttributeKind.Boolean,
        _ when mask == 1 << (int)AttributeKind.Timestamp => AttributeKind.Timestamp,
        _ when mask == 1 << (int)AttributeKind.Float || mask == ((1 << (int)AttributeKind.Float) | (1 << (int)AttributeKind.Integer)) => AttributeKind.Float,
        _ => null,
    };

    /// <summary>Event column <paramref name="key"/> over all parts' events in file order, each part's rows copied on
    /// its own core. Text values are numbered in order of first appearance, as one scanner numbers them: a part's own
    /// values are in that order already, and each of them appears in its rows (no event of a part read in full was
    /// left out, and no key was given twice in one event).</summary>
    private static AttributeColumn? MergeEventColumn(XesLogReader[] parts, AttributeColumn[][] built, int[][] keyMap, int key, string name, int[] offsets)
    {
        int mask = 0;
        var local = new AttributeColumn?[parts.Length];
        for (int p = 0; p < parts.Length; p++)
        {
            int index = Array.IndexOf(keyMap[p], key);
            if (index >= 0)
            {
                mask |= parts[p]._eventKinds[index];
                local[p] = built[p][index];
            }
        }

        if (MergedKind(mask) is not { } kind)
        {
            return null;
        }

        int n = offsets[^1];
        if (kind == AttributeKind.String)
        {
            var values = new Utf8Interner();
            var maps = new int[parts.Length][];
            for (int p = 0; p < parts.Length; p++)
            {
                var names = (local[p] as StringColumn)?.Values ?? NameTable.Empty;
                maps[p] = new int[names.Count];
                for (int v = 0; v < names.Count; v++)
                {
                    maps[p][v] = values.Intern(names[v]);
                }
            }

            var codes = new int[n];
            Parallel.For(0, parts.Length, p =>
            {
                var target = codes.AsSpan(offsets[p], offsets[p + 1] - offsets[p]);
                if (local[p] is StringColumn text)
                {
                    Gather(text.Codes, maps[p], target);
                }
                else
                {
                    target.Fill(-1);
                }
            });
            return StringColumn.Trusted(name, codes, values.ToNameTable());
        }

        var doubles = kind == AttributeKind.Float ? new double[n] : null;
        var bools = kind == AttributeKind.Boolean ? new bool[n] : null;
        var longs = kind is AttributeKind.Integer or AttributeKind.Timestamp ? new long[n] : null;
        Parallel.For(0, parts.Length, p =>
        {
            int at = offsets[p];
            switch (local[p])
            {
                case IntegerColumn whole when doubles is not null:
                    var source = whole.Values;
                    for (int i = 0; i < source.Length; i++)
                    {
                        doubles[at + i] = source[i];
                    }

                    break;
                case FloatColumn number:
                    number.Values.CopyTo(doubles.AsSpan(at));
                    break;
                case BooleanColumn flag:
                    flag.Values.CopyTo(bools.AsSpan(at));
                    break;
                case ValueColumn<long> instants:
                    instants.Values.CopyTo(longs.AsSpan(at));
                    break;
                default:
                    break;
            }
        });
        NullMask? nulls = null;
        for (int p = 0; p < parts.Length; p++)
        {
            var column = local[p];
            var partNulls = column switch
            {
                ValueColumn<long> whole => whole.Nulls,
                ValueColumn<double> number => number.Nulls,
                ValueColumn<bool> flag => flag.Nulls,
                _ => null,
            };
            if (column is not null && partNulls is null)
            {
                continue;
            }

            for (int r = offsets[p]; r < offsets[p + 1]; r++)
            {
                if (column is null || (partNulls is not null && partNulls.IsNull(r - offsets[p])))
                {
                    (nulls ??= new NullMask(n)).SetNull(r);
                }
            }
        }

        return kind switch
        {
            AttributeKind.Float => new FloatColumn(name, doubles!, nulls),
            AttributeKind.Boolean => new BooleanColumn(name, bools!, nulls),
            AttributeKind.Integer => new IntegerColumn(name, longs!, nulls),
            _ => new TimestampColumn(name, longs!, nulls),
        };
    }

    /// <summary>Case column <paramref name="key"/> over all cases: each case's value from the trace that opened it
    /// (the cases a part opened are numbered one after another, after those of the parts before).</summary>
    private static AttributeColumn? MergeCaseColumn(XesLogReader[] parts, int[][] keyMap, int key, string name, int[] caseOffsets, int[] sourceRow)
    {
        int mask = 0;
        var local = new AttributeColumn?[parts.Length];
        for (int p = 0; p < parts.Length; p++)
        {
            int index = Array.IndexOf(keyMap[p], key);
            if (index >= 0)
            {
                mask |= parts[p]._caseKinds[index];
                local[p] = parts[p]._caseColumns[index].Build(parts[p]._caseIds.Count);
            }
        }

        int cases = caseOffsets[^1];
        bool any = false;
        for (int p = 0; p < parts.Length && !any; p++)
        {
            for (int c = caseOffsets[p]; c < caseOffsets[p + 1] && !any; c++)
            {
                any = local[p] is { } column && !column.IsNull(sourceRow[c]);
            }
        }

        if (!any)
        {
            // No case that a part opened first kept a value: one scanner never set one either.
            var nulls = new int[cases];
            nulls.AsSpan().Fill(-1);
            return StringColumn.Trusted(name, nulls, NameTable.Empty);
        }

        // Values of the kinds noted may belong to traces merged into earlier parts' cases, so only one kind is safe.
        if ((mask & (mask - 1)) != 0 || MergedKind(mask) is not { } kind)
        {
            return null;
        }

        return Concatenate(name, kind, local, caseOffsets, sourceRow);
    }

    /// <summary>
    /// A column of <paramref name="kind"/> over the rows of all parts: rows <c>offsets[p]</c> up to
    /// <c>offsets[p + 1]</c> come from part <c>p</c>'s column (row <c>r</c> from its row <c>rows[r]</c>, or the rows in
    /// order when <paramref name="rows"/> is null); a part without the column leaves its rows null. Text values are
    /// numbered in order of first appearance, as one scanner numbers them.
    /// </summary>
    private static AttributeColumn Concatenate(string name, AttributeKind kind, AttributeColumn?[] local, int[] offsets, int[]? rows)
    {
        int n = offsets[^1];
        NullMask? nulls = null;
        var strings = kind == AttributeKind.String ? new int[n] : null;
        var values = kind == AttributeKind.String ? new Utf8Interner() : null;
        var doubles = kind == AttributeKind.Float ? new double[n] : null;
        var bools = kind == AttributeKind.Boolean ? new bool[n] : null;
        var longs = kind is AttributeKind.Integer or AttributeKind.Timestamp ? new long[n] : null;
        for (int p = 0; p < local.Length; p++)
        {
            var column = local[p];
            int start = offsets[p];
            int[]? map = null;
            if (column is StringColumn text)
            {
                map = new int[text.Values.Count];
                map.AsSpan().Fill(-1);
            }

            for (int r = start; r < offsets[p + 1]; r++)
            {
                int row = rows is null ? r - start : rows[r];
                if (column is null || column.IsNull(row))
                {
                    if (strings is not null)
                    {
                        strings[r] = -1;
                    }
                    else
                    {
                        (nulls ??= new NullMask(n)).SetNull(r);
                    }

                    continue;
                }

                switch (column)
                {
                    case StringColumn words:
                        int code = words.GetCode(row);
                        if (map![code] < 0)
                        {
                            map[code] = values!.Intern(words.Values[code]);
                        }

                        strings![r] = map[code];
                        break;
                    case IntegerColumn whole when doubles is not null:
                        doubles[r] = whole.Get(row);
                        break;
                    case FloatColumn number:
                        doubles![r] = number.Get(row);
                        break;
                    case BooleanColumn flag:
                        bools![r] = flag.Get(row);
                        break;
                    default:
                        longs![r] = ((ValueColumn<long>)column).Get(row);
                        break;
                }
            }
        }

        return kind switch
        {
            AttributeKind.String => StringColumn.Trusted(name, strings!, values!.ToNameTable()),
            AttributeKind.Float => new FloatColumn(name, doubles!, nulls),
            AttributeKind.Boolean => new BooleanColumn(name, bools!, nulls),
            AttributeKind.Integer => new IntegerColumn(name, longs!, nulls),
            _ => new TimestampColumn(name, longs!, nulls),
        };
    }
}
