using System.Text;
using System.Text.Unicode;
using Stepwise.Mining.Assembly;
using Stepwise.Mining.IO.Sources;
using Stepwise.Mining.Time;

namespace Stepwise.Mining.IO.Csv;

/// <summary>The event columns of a file, filled by the chunks of each wave in turn, preallocated to an upper bound of
/// the row count (a streamed file's to an estimate, grown when a wave would pass it). Entries past the rows read are
/// never written: the memory behind them is not touched.</summary>
internal sealed class CsvEventBuffer(int capacity, bool hasStart, int attributeCount)
{
    public int[] CaseOf = new int[capacity];
    public int[] Activities = new int[capacity];
    public int[] Resources = new int[capacity];
    public long[] Times = new long[capacity];
    public long[]? Starts = hasStart ? new long[capacity] : null;
    public int[][] Attributes = Columns(attributeCount, capacity);

    private static int[][] Columns(int count, int capacity)
    {
        var columns = new int[count][];
        for (int i = 0; i < count; i++)
        {
            columns[i] = new int[capacity];
        }

        return columns;
    }

    /// <summary>How many rows the columns hold room for.</summary>
    public int Capacity => Activities.Length;

    /// <summary>Columns of <paramref name="capacity"/> rows holding the first <paramref name="keep"/> rows of these,
    /// made a column at a time, each old column let go before the next is made (and collected in between for a
    /// large import, <see cref="ImportMemory"/>).</summary>
    public void Grow(int capacity, int keep)
    {
        T[] Resize<T>(T[] column)
        {
            var grown = new T[capacity];
            column.AsSpan(0, keep).CopyTo(grown);
            return grown;
        }

        void Reclaim() => ImportMemory.Reclaim(keep);
        Times = Resize(Times);
        Reclaim();
        if (Starts is not null)
        {
            Starts = Resize(Starts);
            Reclaim();
        }

        CaseOf = Resize(CaseOf);
        Reclaim();
        Activities = Resize(Activities);
        Reclaim();
        Resources = Resize(Resources);
        Reclaim();
        for (int k = 0; k < Attributes.Length; k++)
        {
            Attributes[k] = Resize(Attributes[k]);
            Reclaim();
        }
    }

    /// <summary>Moves the rows of each chunk down to follow the previous chunk's, from row <paramref name="target"/>
    /// on (chunks may fill less than their capacity); returns the row after the last.</summary>
    public int Compact(CsvChunkParser[] chunks, int target)
    {
        foreach (var chunk in chunks)
        {
            int from = chunk.BaseRow, n = chunk.Rows;
            if (from != target)
            {
                Array.Copy(CaseOf, from, CaseOf, target, n);
                Array.Copy(Activities, from, Activities, target, n);
                Array.Copy(Resources, from, Resources, target, n);
                Array.Copy(Times, from, Times, target, n);
                if (Starts is not null)
                {
                    Array.Copy(Starts, from, Starts, target, n);
                }

                foreach (var column in Attributes)
                {
                    Array.Copy(column, from, column, target, n);
                }
            }

            target += n;
        }

        return target;
    }

    /// <summary>Drops the columns (the log built from them holds those it keeps).</summary>
    public void Release()
    {
        CaseOf = Activities = Resources = [];
        Times = [];
        Starts = null;
        Attributes = [];
    }
}

/// <summary>One wave of a file: the file's columns and the chunks that filled the wave's rows of them, in file order.</summary>
internal sealed record CsvWave(CsvEventBuffer Events, CsvChunkParser[] Chunks);

/// <summary>
/// An issue found by a chunk, with its line relative to the chunk's first line. (A class: a list of a struct of this
/// assembly is compiled on first use at every start, and a chunk without issues keeps an empty list.)
/// </summary>
internal sealed record ChunkIssue(long RelativeLine, long? Column, string? Field, string Message);

/// <summary>
/// Parses the rows that start within one byte range of a delimited file into a slice of the shared event columns,
/// interning values in its own tables (merged afterwards). It reads past the end of its range to finish its last
/// row, and records where it stopped so the next chunk's start can be checked.
/// </summary>
internal sealed class CsvChunkParser
{
    private readonly CsvLayout _layout;
    private readonly ByteSource _source;
    private readonly CsvEventBuffer _events;
    private readonly int _maxIssues;
    private readonly CsvFields _fields = new();
    private readonly IsoTimestampReader _times = new();
    private readonly IsoTimestampReader _starts = new();
    private readonly List<long> _invalidUtf8 = [];
    private int _invalidCursor;
    private byte[] _buffer = [];

    public CsvChunkParser(CsvLayout layout, ByteSource source, CsvEventBuffer events, long start, long nominalEnd, int baseRow, int capacity, int maxIssues)
    {
        _layout = layout;
        _source = source;
        _events = events;
        _maxIssues = maxIssues;
        Start = start;
        NominalEnd = nominalEnd;
        BaseRow = baseRow;
        Capacity = capacity;
        AttributeValues = Utf8Interner.Many(layout.AttributeFields.Length);
    }

    /// <summary>A chunk with no rows that ends where it starts: its range lies inside the previous chunk's last row.</summary>
    public static CsvChunkParser Empty(CsvLayout layout, ByteSource source, CsvEventBuffer events, long at, int baseRow, int capacity, int maxIssues)
        => new(layout, source, events, at, at, baseRow, capacity, maxIssues);

    public long Start { get; }

    public long NominalEnd { get; }

    public int BaseRow { get; }

    public int Capacity { get; }

    /// <summary>Where the row after this chunk's last row starts.</summary>
    public long End { get; private set; }

    public long Lines { get; private set; }

    public int Rows { get; private set; }

    public long RowsRead { get; private set; }

    public long Skipped { get; private set; }

    public int IssueCount { get; private set; }

    public List<ChunkIssue> Issues { get; } = [];

    public Utf8Interner Cases { get; private set; } = new(remembersRecent: true);

    public Utf8Interner ActivityNames { get; private set; } = new();

    public Utf8Interner ResourceNames { get; private set; } = new();

    public Utf8Interner[] AttributeValues { get; private set; }

    /// <summary>Lets go of the chunk's value tables once they are merged (a chunk of many case ids holds tens of
    /// megabytes in them, which the rest of the import can use).</summary>
    public void ReleaseTables()
    {
        Cases = ActivityNames = ResourceNames = new Utf8Interner();
        AttributeValues = Utf8Interner.Many(AttributeValues.Length);
    }

    /// <summary>An error met while parsing from a start not yet confirmed as a row start.</summary>
    public EventLogFormatException? Failure { get; set; }

    /// <summary>A problem that stops the import (a row that never ends), with its line relative to the chunk.</summary>
    public ChunkIssue? Fatal { get; private set; }

    /// <summary>Bytes parsed so far (for progress).</summary>
    public long Progress;

    public void Parse(CancellationToken cancellation)
    {
        // Buffers come from the shared pool: a streamed input is parsed in many waves of chunks.
        var pooled = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Clamp(NominalEnd - Start + 1024, 4096, 1 << 20));
        _buffer = pooled;
        try
        {
            ParseRows(cancellation);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(pooled);
            _buffer = [];
        }
    }

    private void ParseRows(CancellationToken cancellation)
    {
        var fields = _fields;
        byte delimiter = _layout.Delimiter;
        int maxField = _layout.MaxFieldBytes;
        long filePos = Start;
        int bufPos = 0, bufLen = 0, validated = 0;
        bool atEnd = Start >= _source.Length;
        long lines = 0;
        int row = BaseRow;
        while (true)
        {
            long rowStart = filePos + bufPos;
            if (rowStart >= NominalEnd)
            {
                break;
            }

            var status = CsvTokenizer.ReadRow(_buffer.AsSpan(bufPos, bufLen - bufPos), atEnd, delimiter, maxField, fields, out int consumed, out int rowLines);
            if (status == RowStatus.NeedMore && bufLen - bufPos > _layout.MaxRowBytes)
            {
                fields.Error = $"the row is longer than {_layout.MaxRowBytes:N0} bytes without ending (an unterminated quote, or not a delimited file?).";
                fields.ErrorField = -1;
                fields.ErrorLineOffset = 0;
                status = RowStatus.TooLong;
            }

            if (status == RowStatus.NeedMore)
            {
                Refill(ref filePos, ref bufPos, ref bufLen, ref validated, ref atEnd);
                continue;
            }

            if (status == RowStatus.TooLong)
            {
                // A field over the limit: a bad row, reported where its field starts, and skipped to its true end
                // (past the closing quote) without holding it in memory.
                RowsRead++;
                string error = fields.Error!;
                int errorField = fields.ErrorField;
                long errorLine = lines + 1 + fields.ErrorLineOffset;
                var (rowEnd, skippedLines) = CsvRowSkipper.Skip(_source, rowStart, delimiter, _layout.MaxRowBytes);
                if (rowEnd < 0)
                {
                    Fatal = new ChunkIssue(lines + 1, null, null, $"the row starting on this line is longer than {_layout.MaxRowBytes:N0} bytes (an unterminated quote, or not a delimited file?), so the rows after it cannot be found.");
                    break;
                }

                if (skippedLines > 1)
                {
                    error += $" The row spans {skippedLines:N0} lines (line breaks inside quotes).";
                }

                Issue(errorLine, errorField >= 0 ? errorField + 1 : null, errorField >= 0 ? FieldName(errorField) : null, error);
                lines += skippedLines;
                filePos = rowEnd;
                bufPos = bufLen = validated = 0;
                atEnd = filePos >= _source.Length;
                while (_invalidCursor < _invalidUtf8.Count && _invalidUtf8[_invalidCursor] < rowEnd)
                {
                    _invalidCursor++;
                }

                continue;
            }

            if (consumed == 0)
            {
                // Only an empty remainder at the end of the input reads as nothing.
                break;
            }

            if ((RowsRead & 0xFFFF) == 0)
            {
                cancellation.ThrowIfCancellationRequested();
                Volatile.Write(ref Progress, rowStart - Start);
            }

            RowsRead++;
            var data = _buffer.AsSpan(bufPos);
            long line = lines + 1;
            if (status == RowStatus.Malformed)
            {
                Issue(line + fields.ErrorLineOffset, fields.ErrorField + 1, FieldName(fields.ErrorField), fields.Error!);
            }
            else if (fields.Count == 1 && fields.Length[0] == 0 && !fields.Quoted[0])
            {
                RowsRead--; // a blank line is not a row
            }
            else if (fields.Count != _layout.FieldCount)
            {
                Issue(line, null, null, $"expected {_layout.FieldCount} fields (as in the header), found {fields.Count}.");
            }
            else if (_invalidCursor < _invalidUtf8.Count && _invalidUtf8[_invalidCursor] < rowStart + consumed)
            {
                long bad = _invalidUtf8[_invalidCursor];
                long column = bad - rowStart + 1;
                Issue(line, column, null, $"invalid UTF-8 (byte 0x{_buffer[(int)(bad - filePos)]:X2} at character {column}); the file is not UTF-8 throughout (for Latin-1 text give {_layout.Names.Encoding} latin1).");
            }
            else if (Process(data, row, line))
            {
                row++;
            }

            while (_invalidCursor < _invalidUtf8.Count && _invalidUtf8[_invalidCursor] < rowStart + consumed)
            {
                _invalidCursor++;
            }

            lines += rowLines;
            bufPos += consumed;
        }

        End = filePos + bufPos;
        Lines = lines;
        Rows = row - BaseRow;
        Volatile.Write(ref Progress, NominalEnd - Start);
    }

    private bool Process(ReadOnlySpan<byte> data, int row, long line)
    {
        var f = _fields;
        var layout = _layout;
        var caseId = f.Get(data, layout.CaseField);
        if (layout.IsMissing(caseId, f.Quoted[layout.CaseField]))
        {
            return Issue(line, layout.CaseField + 1, FieldName(layout.CaseField), "the case id is missing.");
        }

        var activity = f.Get(data, layout.ActivityField);
        if (layout.IsMissing(activity, f.Quoted[layout.ActivityField]))
        {
            return Issue(line, layout.ActivityField + 1, FieldName(layout.ActivityField), "the activity is missing.");
        }

        var timeText = f.Get(data, layout.TimeField);
        if (layout.IsMissing(timeText, f.Quoted[layout.TimeField]))
        {
            return Issue(line, layout.TimeField + 1, FieldName(layout.TimeField), "the timestamp is missing.");
        }

        if (!_times.TryParse(timeText, layout.TimeFormat, out long time))
        {
            return Issue(line, layout.TimeField + 1, FieldName(layout.TimeField), Unreadable(timeText, layout.TimeFormat));
        }

        long start = Timestamp.None;
        if (layout.StartField >= 0)
        {
            var startText = f.Get(data, layout.StartField);
            if (!layout.IsMissing(startText, f.Quoted[layout.StartField]))
            {
                if (!_starts.TryParse(startText, layout.StartFormat!, out start))
                {
                    return Issue(line, layout.StartField + 1, FieldName(layout.StartField), Unreadable(startText, layout.StartFormat!));
                }

                if (start > time)
                {
                    return Issue(line, layout.StartField + 1, FieldName(layout.StartField), $"the start ({Timestamp.Format(start)}) is after the completion ({Timestamp.Format(time)}).");
                }
            }
        }

        var events = _events;
        events.CaseOf[row] = Cases.Intern(caseId);
        events.Activities[row] = ActivityNames.Intern(activity);
        events.Times[row] = time;
        if (events.Starts is { } starts)
        {
            starts[row] = start;
        }

        if (layout.ResourceField >= 0)
        {
            var resource = f.Get(data, layout.ResourceField);
            events.Resources[row] = layout.IsMissing(resource, f.Quoted[layout.ResourceField]) ? -1 : ResourceNames.Intern(resource);
        }
        else
        {
            events.Resources[row] = -1;
        }

        var attributeFields = layout.AttributeFields;
        for (int k = 0; k < attributeFields.Length; k++)
        {
            int field = attributeFields[k];
            var value = f.Get(data, field);
            events.Attributes[k][row] = layout.IsMissing(value, f.Quoted[field]) ? -1 : AttributeValues[k].Intern(value);
        }

        return true;
    }

    /// <summary>Why a timestamp could not be read: not of the form, or of the form but not convertible to UTC from
    /// the time zone given (a time skipped by a clock change, or beyond the first or last representable instant).</summary>
    private string Unreadable(ReadOnlySpan<byte> text, TimestampFormat format)
    {
        if (format.NaiveTimeZone is { } zone && zone != TimeZoneInfo.Utc && TimestampParser.TryParse(text, format with { NaiveTimeZone = null }, out _))
        {
            return $"'{Show(text)}' in time zone {zone.Id} ({_layout.Names.TimeZone}) cannot be converted to UTC: it falls in the hour skipped when clocks go forward, or beyond the dates Stepwise can hold (0001-01-01 to 9999-12-31 UTC).";
        }

        return TimestampParser.TryParse(text, format with { NaiveTimeZone = null, Layout = TimestampLayout.Iso8601 }, out _) || format.Layout != TimestampLayout.Iso8601
            ? $"'{Show(text)}' is not a timestamp in the {format.Describe()} form, or lies beyond the dates Stepwise can hold (0001-01-01 to 9999-12-31 UTC)."
            : $"'{Show(text)}' is not a timestamp in the {format.Describe()} form.";
    }

    private bool Issue(long relativeLine, long? column, string? field, string message)
    {
        IssueCount++;
        Skipped++;
        if (Issues.Count < _maxIssues)
        {
            Issues.Add(new ChunkIssue(relativeLine, column, field, message));
        }

        return false;
    }

    private string? FieldName(int field) => field >= 0 && field < _layout.Header.Length ? _layout.Header[field] : null;

    private static string Show(ReadOnlySpan<byte> value)
    {
        string text = Encoding.UTF8.GetString(value.Length > 80 ? value[..80] : value);
        return value.Length > 80 ? text + "..." : text;
    }

    private void Refill(ref long filePos, ref int bufPos, ref int bufLen, ref int validated, ref bool atEnd)
    {
        if (bufPos > 0)
        {
            int keep = bufLen - bufPos;
            Buffer.BlockCopy(_buffer, bufPos, _buffer, 0, keep);
            filePos += bufPos;
            validated = Math.Max(0, validated - bufPos);
            bufLen = keep;
            bufPos = 0;
        }

        if (bufLen == _buffer.Length)
        {
            // Grow only as far as the longest row allowed needs (so a runaway row costs bounded memory), and past
            // 16 MiB straight there (few discarded buffers). Allocated uninitialised: pages are touched as they fill.
            long doubled = _buffer.Length * 2L;
            var grown = GC.AllocateUninitializedArray<byte>((int)Math.Min(doubled > (16L << 20) ? Array.MaxLength : doubled, _layout.MaxRowBytes + (1 << 20)));
            _buffer.AsSpan(0, bufLen).CopyTo(grown);
            _buffer = grown;
        }

        int n = _source.Read(filePos + bufLen, _buffer.AsSpan(bufLen));
        bufLen += n;
        atEnd = n == 0 || filePos + bufLen >= _source.Length;
        Validate(filePos, bufLen, ref validated, atEnd);
    }

    private void Validate(long filePos, int bufLen, ref int validated, bool atEnd)
    {
        int limit = bufLen;
        if (!atEnd)
        {
            // Leave an incomplete multi-byte sequence at the end for the next read.
            int back = 0;
            while (back < 3 && limit - back - 1 >= validated && (_buffer[limit - back - 1] & 0xC0) == 0x80)
            {
                back++;
            }

            int lead = limit - back - 1;
            if (lead >= validated && _buffer[lead] >= 0xC0)
            {
                byte b = _buffer[lead];
                int need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                if (need > back + 1)
                {
                    limit = lead;
                }
            }
        }

        var span = _buffer.AsSpan(validated, limit - validated);
        while (!Utf8.IsValid(span))
        {
            int good = 0;
            while (good < span.Length)
            {
                if (System.Text.Rune.DecodeFromUtf8(span[good..], out _, out int used) != System.Buffers.OperationStatus.Done)
                {
                    break;
                }

                good += used;
            }

            _invalidUtf8.Add(filePos + validated + (limit - validated - span.Length) + good);
            span = span[Math.Min(span.Length, good + 1)..];
        }

        validated = limit;
    }
}
