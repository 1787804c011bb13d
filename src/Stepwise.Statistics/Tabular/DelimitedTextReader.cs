using System.Buffers;
using System.Globalization;
using System.Text;

namespace Stepwise.Statistics.Tabular;

/// <summary>
/// Reads delimited text with RFC 4180 quoting (quoted fields may hold delimiters, doubled quotes and line breaks),
/// any line ending (CRLF, LF, CR), a detected or given delimiter and encoding, from a plain, gzip or zip file.
/// The file is streamed: only the records are held, never the whole text, and a value longer than
/// <see cref="DelimitedTextOptions.MaxFieldChars"/> is not held either (it is reported with its line and column).
/// Blank lines are skipped.
/// </summary>
public static class DelimitedTextReader
{
    private static readonly char[] CandidateDelimiters = [',', '\t', ';', '|'];

    /// <summary>Reads the file at <paramref name="path"/> (plain, <c>.gz</c> or <c>.zip</c>).</summary>
    /// <exception cref="DelimitedTextException">The file is a folder, too large, damaged, empty, not in the encoding,
    /// has an unterminated quoted field, or (unless reported) a value over the limit.</exception>
    public static DelimitedTable Read(string path, DelimitedTextOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new DelimitedTextOptions();
        using var stream = DelimitedInput.Open(path, options.MaxBytes, options.ZipEntry);
        return Parse(stream, Path.GetFileName(path), options);
    }

    /// <summary>Reads delimited text from bytes; <paramref name="source"/> names it in error messages.</summary>
    public static DelimitedTable Parse(ReadOnlySpan<byte> bytes, string source, DelimitedTextOptions? options = null)
    {
        options ??= new DelimitedTextOptions();
        if (bytes.Length > options.MaxBytes)
        {
            throw new DelimitedTextException(source, 0, null, $"the input has {bytes.Length} bytes; at most {options.MaxBytes} are accepted");
        }

        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        return Parse(stream, source, options);
    }

    /// <summary>Reads delimited text from a stream of bytes; <paramref name="source"/> names it in error messages.</summary>
    public static DelimitedTable Parse(Stream stream, string source, DelimitedTextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new DelimitedTextOptions();
        using var text = TextDecoding.Open(stream, source, options.Encoding);
        return new Parser(text, source, options).Run();
    }

    private sealed class Parser(TextDecoding text, string source, DelimitedTextOptions options)
    {
        private readonly StringBuilder _field = new();
        private readonly List<string> _fields = new(32);
        private readonly List<OversizedField> _oversized = [];
        private string[]? _header;
        private static readonly SearchValues<char> QuoteStop = SearchValues.Create(['"']);
        private char _sep;
        private SearchValues<char>? _fieldStops;

        public DelimitedTable Run()
        {
            var records = new List<string[]>();
            var lines = new List<int>();
            var headerLine = ReadHeaderLine();
            if (headerLine is null)
            {
                throw new DelimitedTextException(source, 0, null, "the file is empty; a header line was expected");
            }

            _sep = options.Delimiter ?? DetectDelimiter(headerLine.Value.Text);
            _fieldStops = SearchValues.Create([_sep, '\r', '\n']);
            _header = [.. SplitHeader(headerLine.Value.Text).Select(h => h.Trim())];
            while (true)
            {
                // Skip blank lines between records.
                int c = text.Peek();
                while (c is '\r' or '\n')
                {
                    text.Read();
                    c = text.Peek();
                }

                if (c < 0)
                {
                    break;
                }

                int line = text.Line;
                if (options.MaxRows is { } maxRows && records.Count >= maxRows)
                {
                    throw new DelimitedTextException(source, line, null, string.Create(CultureInfo.InvariantCulture, $"the file has more than {maxRows:N0} rows, the most one file may hold here; nothing was read. Filter or split the file, or ask for a higher limit."))
                    {
                        LimitExceeded = true,
                    };
                }

                var record = ReadRecord(line, records.Count);
                records.Add(record);
                lines.Add(line);
            }

            return new DelimitedTable(source, _header, records, lines, _sep, text.EncodingName, _oversized);
        }

        // The header as raw text (to detect the delimiter), up to its line break outside quotes.
        private (string Text, int Line)? ReadHeaderLine()
        {
            int c = text.Peek();
            while (c is '\r' or '\n')
            {
                text.Read();
                c = text.Peek();
            }

            if (c < 0)
            {
                return null;
            }

            int line = text.Line;
            var header = new StringBuilder();
            bool quoted = false;
            while ((c = text.Peek()) >= 0)
            {
                if (!quoted && c is '\r' or '\n')
                {
                    break;
                }

                if (c == '"')
                {
                    quoted = !quoted;
                }

                header.Append((char)text.Read());
                if (header.Length > options.MaxFieldChars)
                {
                    throw new DelimitedTextException(source, line, null, string.Create(CultureInfo.InvariantCulture, $"the header line is longer than {options.MaxFieldChars:N0} characters; is this a delimited file with a header?"));
                }
            }

            if (c == '\r')
            {
                text.Read();
                if (text.Peek() == '\n')
                {
                    text.Read();
                }
            }
            else if (c == '\n')
            {
                text.Read();
            }

            // An XML file (an XES event log, an export) read as delimited text is one column of markup, row after row.
            string start = header.ToString().TrimStart();
            if (start.Length > 1 && start[0] == '<' && (char.IsAsciiLetter(start[1]) || start[1] is '?' or '!'))
            {
                throw new DelimitedTextException(source, line, null, "the file is XML (an XES event log, or another markup file), not delimited text with a header row; give a CSV or TSV file (an event log is read by the log commands, such as summary)");
            }

            return (header.ToString(), line);
        }

        private List<string> SplitHeader(string line)
        {
            var fields = new List<string>();
            var field = new StringBuilder();
            bool quoted = false;
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"' && field.Length == 0)
                {
                    quoted = true;
                }
                else if (c == _sep)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }

            fields.Add(field.ToString());
            return fields;
        }

        private string[] ReadRecord(int recordLine, int recordIndex)
        {
            _fields.Clear();
            while (true)
            {
                _field.Clear();
                bool over = false;
                if (text.Peek() == '"')
                {
                    int quoteLine = text.Line;
                    text.Read();
                    while (true)
                    {
                        over |= !text.ReadRun(QuoteStop, _field, options.MaxFieldChars);
                        int c = text.Read();
                        if (c < 0)
                        {
                            throw new DelimitedTextException(source, quoteLine, null, "a quoted field opened on this line is never closed; a closing \" was expected");
                        }

                        if (c == '"')
                        {
                            if (text.Peek() == '"')
                            {
                                text.Read();
                                over |= Append('"');
                                continue;
                            }

                            break;
                        }

                        over |= Append((char)c);
                    }

                    // Lenient about stray text between a closing quote and the delimiter: keep it.
                    int d;
                    while ((d = text.Peek()) >= 0 && d != _sep && d is not ('\r' or '\n'))
                    {
                        over |= Append((char)text.Read());
                    }
                }
                else
                {
                    over |= !text.ReadRun(_fieldStops!, _field, options.MaxFieldChars);
                }

                if (over)
                {
                    Oversized(recordLine, recordIndex, _fields.Count);
                    _fields.Add(string.Empty);
                }
                else
                {
                    _fields.Add(_field.ToString());
                }

                int next = text.Peek();
                if (next == _sep)
                {
                    text.Read();
                    continue;
                }

                // End of record: a line break or the end of the text.
                if (next == '\r')
                {
                    text.Read();
                    if (text.Peek() == '\n')
                    {
                        text.Read();
                    }
                }
                else if (next == '\n')
                {
                    text.Read();
                }

                return [.. _fields];
            }
        }

        // Appends to the field unless it is over the limit; true when it is (the rest is read and dropped).
        private bool Append(char c)
        {
            if (_field.Length >= options.MaxFieldChars)
            {
                return true;
            }

            _field.Append(c);
            return false;
        }

        private void Oversized(int line, int record, int column)
        {
            string? name = _header is not null && column < _header.Length ? _header[column] : null;
            var problem = string.Create(CultureInfo.InvariantCulture, $"the value is longer than {options.MaxFieldChars:N0} characters, the limit for one value (it was not read)");
            if (!options.ReportOversizedFields)
            {
                throw new DelimitedTextException(source, line, name ?? $"#{column + 1}", problem);
            }

            _oversized.Add(new OversizedField(record, line, name ?? $"#{column + 1}", problem));
        }

        private static char DetectDelimiter(string header)
        {
            char best = ',';
            int bestCount = 0;
            foreach (char c in CandidateDelimiters)
            {
                int count = header.AsSpan().Count(c);
                if (count > bestCount)
                {
                    best = c;
                    bestCount = count;
                }
            }

            return best;
        }
    }
}
