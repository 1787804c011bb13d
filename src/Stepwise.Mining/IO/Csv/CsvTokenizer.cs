using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Stepwise.Mining.IO.Csv;

/// <summary>The outcome of reading one row.</summary>
internal enum RowStatus
{
    /// <summary>A row was read.</summary>
    Row,

    /// <summary>The data ends before the row does; read more (or, at the end of input, the row is incomplete).</summary>
    NeedMore,

    /// <summary>The row is malformed; <see cref="CsvFields.Error"/> says how.</summary>
    Malformed,

    /// <summary>A field of the row is longer than the limit; the row must be skipped to its true end (which may lie
    /// beyond what is buffered). <see cref="CsvFields.Error"/> says which field.</summary>
    TooLong,
}

/// <summary>
/// The fields of one row: offsets into the data, or into a scratch buffer for quoted fields that needed unescaping.
/// Reused from row to row.
/// </summary>
internal sealed class CsvFields
{
    public int[] Start = new int[64];
    public int[] Length = new int[64];
    public bool[] Quoted = new bool[64];
    public bool[] InScratch = new bool[64];
    public byte[] Scratch = new byte[1024];
    public int ScratchLength;
    public int Count;
    public string? Error;
    public int ErrorField;
    public int ErrorLineOffset;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int start, int length, bool quoted, bool inScratch)
    {
        if (Count == Start.Length)
        {
            Grow();
        }

        Start[Count] = start;
        Length[Count] = length;
        Quoted[Count] = quoted;
        InScratch[Count] = inScratch;
        Count++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Get(ReadOnlySpan<byte> data, int i)
        => InScratch[i] ? Scratch.AsSpan(Start[i], Length[i]) : data.Slice(Start[i], Length[i]);

    private void Grow()
    {
        int n = Start.Length * 2;
        Array.Resize(ref Start, n);
        Array.Resize(ref Length, n);
        Array.Resize(ref Quoted, n);
        Array.Resize(ref InScratch, n);
    }
}

/// <summary>
/// Splits delimited text into rows and fields (RFC 4180: fields may be quoted with <c>"</c>, quotes inside doubled,
/// line breaks allowed inside quotes; lines end with LF or CRLF). A quote inside an unquoted field is taken
/// literally. Rows without any quote take a fast path that never copies.
/// </summary>
internal static class CsvTokenizer
{
    /// <summary>Reads one row from the start of <paramref name="data"/>.</summary>
    /// <param name="data">The bytes from the row's start to the end of what is buffered.</param>
    /// <param name="atEnd">Whether <paramref name="data"/> reaches the end of the input.</param>
    /// <param name="delimiter">The field delimiter.</param>
    /// <param name="maxFieldBytes">The longest field allowed.</param>
    /// <param name="fields">Receives the fields.</param>
    /// <param name="consumed">Bytes the row took, including its line break.</param>
    /// <param name="lines">Line breaks the row took (more than one when quoted fields hold line breaks).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static RowStatus ReadRow(ReadOnlySpan<byte> data, bool atEnd, byte delimiter, int maxFieldBytes, CsvFields fields, out int consumed, out int lines)
    {
        fields.Count = 0;
        fields.ScratchLength = 0;
        fields.Error = null;
        fields.ErrorLineOffset = 0;
        if (Vector128.IsHardwareAccelerated && TryReadPlainRow(data, delimiter, maxFieldBytes, fields, out consumed, out lines, out var plain))
        {
            return plain;
        }

        consumed = 0;
        lines = 0;
        int lf = data.IndexOf((byte)'\n');
        int rowEnd;
        if (lf < 0)
        {
            if (!atEnd)
            {
                return RowStatus.NeedMore;
            }

            rowEnd = data.Length;
        }
        else
        {
            rowEnd = lf;
        }

        var row = data[..rowEnd];
        if (row.IndexOf((byte)'"') < 0)
        {
            int contentEnd = rowEnd > 0 && row[rowEnd - 1] == '\r' ? rowEnd - 1 : rowEnd;
            int pos = 0;
            while (true)
            {
                int d = row[pos..contentEnd].IndexOf(delimiter);
                if (d < 0)
                {
                    fields.Add(pos, contentEnd - pos, false, false);
                    break;
                }

                fields.Add(pos, d, false, false);
                pos += d + 1;
            }

            consumed = lf < 0 ? rowEnd : rowEnd + 1;
            lines = lf < 0 ? 0 : 1;
            if (rowEnd > maxFieldBytes)
            {
                for (int i = 0; i < fields.Count; i++)
                {
                    if (fields.Length[i] > maxFieldBytes)
                    {
                        fields.Error = $"a field is {fields.Length[i]:N0} bytes long; the limit is {maxFieldBytes:N0}.";
                        fields.ErrorField = i;
                        return RowStatus.Malformed;
                    }
                }
            }

            return RowStatus.Row;
        }

        return ReadQuotedRow(data, atEnd, delimiter, maxFieldBytes, fields, out consumed, out lines);
    }

    /// <summary>
    /// The fast path for a row without quotes that ends within <paramref name="data"/>: one pass over 32-byte blocks
    /// (two 16-byte vectors) that marks delimiters, line feeds and quotes together, instead of a search per field. False (with nothing
    /// added) when the row holds a quote or its line feed is not found in whole blocks: the general path reads it.
    /// 16-byte vectors are part of every x64 and Arm64 target the command is compiled ahead of time for, so this
    /// method is compiled with it; 32-byte vectors would leave it, and the parsing loop it is inlined into, to the JIT
    /// at every start (measured: the loop then ran unoptimised until recompiled).
    /// </summary>
    private static bool TryReadPlainRow(ReadOnlySpan<byte> data, byte delimiter, int maxFieldBytes, CsvFields fields, out int consumed, out int lines, out RowStatus status)
    {
        consumed = 0;
        lines = 0;
        status = RowStatus.Row;
        ref byte first = ref MemoryMarshal.GetReference(data);
        var delimiters = Vector128.Create(delimiter);
        var lineFeeds = Vector128.Create((byte)'\n');
        var quotes = Vector128.Create((byte)'"');
        int fieldStart = 0;
        int step = 2 * Vector128<byte>.Count;
        for (int block = 0; block + Vector128<byte>.Count <= data.Length; block += step)
        {
            // Two 16-byte halves at a time where both are there (one 32-bit mask), else the last half alone.
            var low = Vector128.LoadUnsafe(ref first, (nuint)block);
            uint marks = (Vector128.Equals(low, delimiters) | Vector128.Equals(low, lineFeeds) | Vector128.Equals(low, quotes)).ExtractMostSignificantBits();
            if (block + step <= data.Length)
            {
                var high = Vector128.LoadUnsafe(ref first, (nuint)(block + Vector128<byte>.Count));
                marks |= (Vector128.Equals(high, delimiters) | Vector128.Equals(high, lineFeeds) | Vector128.Equals(high, quotes)).ExtractMostSignificantBits() << Vector128<byte>.Count;
            }

            while (marks != 0)
            {
                int at = block + BitOperations.TrailingZeroCount(marks);
                marks &= marks - 1;
                byte mark = Unsafe.Add(ref first, at);
                if (mark == delimiter)
                {
                    fields.Add(fieldStart, at - fieldStart, false, false);
                    fieldStart = at + 1;
                }
                else if (mark == (byte)'\n')
                {
                    int contentEnd = at > fieldStart && Unsafe.Add(ref first, at - 1) == (byte)'\r' ? at - 1 : at;
                    fields.Add(fieldStart, contentEnd - fieldStart, false, false);
                    consumed = at + 1;
                    lines = 1;
                    if (at > maxFieldBytes)
                    {
                        for (int i = 0; i < fields.Count; i++)
                        {
                            if (fields.Length[i] > maxFieldBytes)
                            {
                                fields.Error = $"a field is {fields.Length[i]:N0} bytes long; the limit is {maxFieldBytes:N0}.";
                                fields.ErrorField = i;
                                status = RowStatus.Malformed;
                                return true;
                            }
                        }
                    }

                    return true;
                }
                else
                {
                    fields.Count = 0;
                    return false;
                }
            }
        }

        fields.Count = 0;
        return false;
    }

    private static RowStatus ReadQuotedRow(ReadOnlySpan<byte> data, bool atEnd, byte delimiter, int maxFieldBytes, CsvFields fields, out int consumed, out int lines)
    {
        consumed = 0;
        lines = 0;
        int pos = 0;
        int lineBreaks = 0;
        while (true)
        {
            // At the start of a field.
            if (pos < data.Length && data[pos] == '"')
            {
                int openAt = pos;
                int openLines = lineBreaks;
                pos++;
                int scratchStart = fields.ScratchLength;
                int segment = pos;
                bool copied = false;
                while (true)
                {
                    int q = data[pos..].IndexOf((byte)'"');
                    if (q < 0)
                    {
                        if (data.Length - openAt > maxFieldBytes)
                        {
                            fields.Error = $"a quoted field is longer than {maxFieldBytes:N0} bytes, the limit for one field (or its closing quote is missing).";
                            fields.ErrorField = fields.Count;
                            fields.ErrorLineOffset = openLines;
                            return RowStatus.TooLong;
                        }

                        if (!atEnd)
                        {
                            return RowStatus.NeedMore;
                        }

                        int remaining = data[openAt..].Count((byte)'\n');
                        int unread = remaining + (data[^1] == (byte)'\n' ? 0 : 1); // the line the quote opens on, to the file's end
                        fields.Error = $"a quoted field is never closed: the file ends inside quotes (unterminated quote), so the last {unread:N0} {(unread == 1 ? "line" : "lines")} cannot be read.";
                        fields.ErrorField = fields.Count;
                        fields.ErrorLineOffset = openLines;
                        consumed = data.Length;
                        lines = lineBreaks + remaining;
                        return RowStatus.Malformed;
                    }

                    lineBreaks += data.Slice(pos, q).Count((byte)'\n');
                    pos += q;
                    if (pos + 1 < data.Length && data[pos + 1] == '"')
                    {
                        // Doubled quote: copy what came before plus one quote into scratch.
                        AppendScratch(fields, data[segment..(pos + 1)]);
                        copied = true;
                        pos += 2;
                        segment = pos;
                        continue;
                    }

                    if (pos + 1 >= data.Length && !atEnd)
                    {
                        return RowStatus.NeedMore;
                    }

                    break;
                }

                if (copied)
                {
                    AppendScratch(fields, data[segment..pos]);
                    fields.Add(scratchStart, fields.ScratchLength - scratchStart, true, true);
                }
                else
                {
                    fields.Add(segment, pos - segment, true, false);
                }

                if (fields.Length[fields.Count - 1] > maxFieldBytes)
                {
                    fields.Error = $"a field is {fields.Length[fields.Count - 1]:N0} bytes long; the limit is {maxFieldBytes:N0}.";
                    fields.ErrorField = fields.Count - 1;
                    fields.ErrorLineOffset = openLines;
                    return RowStatus.TooLong;
                }

                pos++; // closing quote
                if (pos >= data.Length)
                {
                    consumed = pos;
                    lines = lineBreaks;
                    return RowStatus.Row;
                }

                byte next = data[pos];
                if (next == delimiter)
                {
                    pos++;
                    continue;
                }

                if (next == '\n' || (next == '\r' && pos + 1 < data.Length && data[pos + 1] == '\n'))
                {
                    consumed = pos + (next == '\r' ? 2 : 1);
                    lines = lineBreaks + 1;
                    return RowStatus.Row;
                }

                if (next == '\r' && pos + 1 >= data.Length && !atEnd)
                {
                    return RowStatus.NeedMore;
                }

                fields.Error = $"unexpected text after a closing quote ('{(char)next}'); a quoted field must be followed by the delimiter or the end of the line.";
                fields.ErrorField = fields.Count - 1;
                fields.ErrorLineOffset = lineBreaks;
                return SkipLine(data, pos, atEnd, ref consumed, ref lines, lineBreaks);
            }

            // Unquoted field: up to the delimiter or the end of the line.
            var rest = data[pos..];
            int stop = rest.IndexOfAny(delimiter, (byte)'\n');
            if (stop < 0)
            {
                if (!atEnd)
                {
                    return RowStatus.NeedMore;
                }

                int len = rest.Length > 0 && rest[^1] == '\r' ? rest.Length - 1 : rest.Length;
                fields.Add(pos, len, false, false);
                consumed = data.Length;
                lines = lineBreaks;
                return RowStatus.Row;
            }

            if (rest[stop] == delimiter)
            {
                fields.Add(pos, stop, false, false);
                pos += stop + 1;
                continue;
            }

            int fieldLength = stop > 0 && rest[stop - 1] == '\r' ? stop - 1 : stop;
            fields.Add(pos, fieldLength, false, false);
            consumed = pos + stop + 1;
            lines = lineBreaks + 1;
            return RowStatus.Row;
        }
    }

    /// <summary>After a malformed row: consume up to and including the next line break after <paramref name="from"/>.</summary>
    private static RowStatus SkipLine(ReadOnlySpan<byte> data, int from, bool atEnd, ref int consumed, ref int lines, int lineBreaks)
    {
        int lf = data[from..].IndexOf((byte)'\n');
        if (lf < 0)
        {
            if (!atEnd)
            {
                return RowStatus.NeedMore;
            }

            consumed = data.Length;
            lines = lineBreaks;
            return RowStatus.Malformed;
        }

        consumed = from + lf + 1;
        lines = lineBreaks + 1;
        return RowStatus.Malformed;
    }

    private static void AppendScratch(CsvFields fields, ReadOnlySpan<byte> bytes)
    {
        int need = fields.ScratchLength + bytes.Length;
        if (need > fields.Scratch.Length)
        {
            Array.Resize(ref fields.Scratch, Math.Max(need, fields.Scratch.Length * 2));
        }

        bytes.CopyTo(fields.Scratch.AsSpan(fields.ScratchLength));
        fields.ScratchLength = need;
    }
}
