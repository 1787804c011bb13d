using Stepwise.Mining.IO.Sources;

namespace Stepwise.Mining.IO.Csv;

/// <summary>
/// Finds where a row ends without holding it in memory: used to step over a bad row whose field is longer than the
/// limit. It follows the same quoting rules as <see cref="CsvTokenizer"/> (a line break inside quotes belongs to the
/// field), so reading resumes at the true next row, never inside the long field.
/// </summary>
internal static class CsvRowSkipper
{
    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        AfterQuote,
        ToLineEnd,
    }

    /// <summary>The offset just after the row that starts at <paramref name="rowStart"/>, and the line breaks it
    /// holds; an end of -1 when the row is longer than <paramref name="maxRowBytes"/> (the file cannot be split into
    /// rows from there, which stops the import).</summary>
    public static (long End, long Lines) Skip(ByteSource source, long rowStart, byte delimiter, long maxRowBytes)
    {
        var block = new byte[1 << 20];
        var state = State.FieldStart;
        long lines = 0;
        long pos = rowStart;
        while (true)
        {
            if (pos - rowStart > maxRowBytes)
            {
                return (-1, lines);
            }

            int n = source.Read(pos, block);
            if (n <= 0)
            {
                return (pos, lines);
            }

            var data = block.AsSpan(0, n);
            int i = 0;
            while (i < data.Length)
            {
                switch (state)
                {
                    case State.FieldStart:
                        state = data[i] == '"' ? State.Quoted : State.Unquoted;
                        if (state == State.Quoted)
                        {
                            i++;
                        }

                        break;
                    case State.Unquoted:
                        {
                            int k = data[i..].IndexOfAny(delimiter, (byte)'\n');
                            if (k < 0)
                            {
                                i = data.Length;
                            }
                            else if (data[i + k] == '\n')
                            {
                                return (pos + i + k + 1, lines + 1);
                            }
                            else
                            {
                                i += k + 1;
                                state = State.FieldStart;
                            }

                            break;
                        }

                    case State.Quoted:
                        {
                            int k = data[i..].IndexOfAny((byte)'"', (byte)'\n');
                            if (k < 0)
                            {
                                i = data.Length;
                            }
                            else
                            {
                                lines += data[i + k] == '\n' ? 1 : 0;
                                state = data[i + k] == '"' ? State.AfterQuote : State.Quoted;
                                i += k + 1;
                            }

                            break;
                        }

                    case State.AfterQuote:
                        {
                            byte b = data[i++];
                            if (b == '"')
                            {
                                state = State.Quoted;
                            }
                            else if (b == delimiter)
                            {
                                state = State.FieldStart;
                            }
                            else if (b == '\n')
                            {
                                return (pos + i, lines + 1);
                            }
                            else if (b != '\r')
                            {
                                state = State.ToLineEnd;
                            }

                            break;
                        }

                    default:
                        {
                            int k = data[i..].IndexOf((byte)'\n');
                            if (k < 0)
                            {
                                i = data.Length;
                            }
                            else
                            {
                                return (pos + i + k + 1, lines + 1);
                            }

                            break;
                        }
                }
            }

            pos += n;
        }
    }
}
