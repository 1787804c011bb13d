using System.Text;

namespace Stepwise.Statistics.Tabular;

/// <summary>
/// Reads delimited text with RFC 4180 quoting (quoted fields may hold delimiters, doubled quotes and line breaks),
/// any line ending (CRLF, LF, CR), a detected or given delimiter and encoding. Blank lines are skipped.
/// </summary>
public static class DelimitedTextReader
{
    private static readonly char[] CandidateDelimiters = [',', '\t', ';', '|'];

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="DelimitedTextException">The file is too large, empty, or has an unterminated quoted field.</exception>
    public static DelimitedTable Read(string path, DelimitedTextOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new DelimitedTextOptions();
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"{path}: file not found.", path);
        }

        if (info.Length > options.MaxBytes)
        {
            throw new DelimitedTextException(path, 0, null, $"the file has {info.Length} bytes; at most {options.MaxBytes} are accepted");
        }

        return Parse(File.ReadAllBytes(path), Path.GetFileName(path), options);
    }

    /// <summary>Reads delimited text from bytes; <paramref name="source"/> names it in error messages.</summary>
    public static DelimitedTable Parse(ReadOnlySpan<byte> bytes, string source, DelimitedTextOptions? options = null)
    {
        options ??= new DelimitedTextOptions();
        if (bytes.Length > options.MaxBytes)
        {
            throw new DelimitedTextException(source, 0, null, $"the input has {bytes.Length} bytes; at most {options.MaxBytes} are accepted");
        }

        var (text, encodingName) = Decode(bytes, options.Encoding);
        return ParseText(text, source, options.Delimiter, encodingName);
    }

    /// <summary>Decodes bytes: the given encoding, else by byte-order mark, else strict UTF-8, else Latin-1.</summary>
    internal static (string Text, string EncodingName) Decode(ReadOnlySpan<byte> bytes, Encoding? encoding)
    {
        if (encoding is not null)
        {
            var preamble = encoding.GetPreamble();
            if (preamble.Length > 0 && bytes.StartsWith(preamble))
            {
                bytes = bytes[preamble.Length..];
            }

            return (encoding.GetString(bytes), encoding.WebName);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Encoding.UTF8.GetString(bytes[3..]), "utf-8");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode.GetString(bytes[2..]), "utf-16");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16BE");
        }

        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return (Encoding.UTF8.GetString(bytes), "utf-8");
        }

        return (Encoding.Latin1.GetString(bytes), "latin-1");
    }

    internal static DelimitedTable ParseText(string text, string source, char? delimiter, string encodingName)
    {
        char sep = delimiter ?? DetectDelimiter(text);
        var records = new List<string[]>();
        var lines = new List<int>();
        var fields = new List<string>(32);
        var quoted = new StringBuilder();
        int pos = 0, line = 1, n = text.Length;
        while (pos < n)
        {
            // Skip blank lines between records.
            if (text[pos] is '\r' or '\n')
            {
                pos += text[pos] == '\r' && pos + 1 < n && text[pos + 1] == '\n' ? 2 : 1;
                line++;
                continue;
            }

            int recordLine = line;
            fields.Clear();
            while (true)
            {
                if (pos < n && text[pos] == '"')
                {
                    quoted.Clear();
                    int quoteLine = line;
                    pos++;
                    while (true)
                    {
                        if (pos >= n)
                        {
                            throw new DelimitedTextException(source, quoteLine, null, "a quoted field opened on this line is never closed; a closing \" was expected");
                        }

                        char c = text[pos];
                        if (c == '"')
                        {
                            if (pos + 1 < n && text[pos + 1] == '"')
                            {
                                quoted.Append('"');
                                pos += 2;
                                continue;
                            }

                            pos++;
                            break;
                        }

                        if (c == '\n' || (c == '\r' && (pos + 1 >= n || text[pos + 1] != '\n')))
                        {
                            line++;
                        }

                        quoted.Append(c);
                        pos++;
                    }

                    // Lenient about stray text between a closing quote and the delimiter: keep it.
                    int rest = pos;
                    while (rest < n && text[rest] != sep && text[rest] is not ('\r' or '\n'))
                    {
                        rest++;
                    }

                    if (rest > pos)
                    {
                        quoted.Append(text, pos, rest - pos);
                    }

                    pos = rest;
                    fields.Add(quoted.ToString());
                }
                else
                {
                    int start = pos;
                    while (pos < n && text[pos] != sep && text[pos] is not ('\r' or '\n'))
                    {
                        pos++;
                    }

                    fields.Add(text.Substring(start, pos - start));
                }

                if (pos < n && text[pos] == sep)
                {
                    pos++;
                    continue;
                }

                // End of record: a line break or the end of the text.
                if (pos < n)
                {
                    pos += text[pos] == '\r' && pos + 1 < n && text[pos + 1] == '\n' ? 2 : 1;
                    line++;
                }

                break;
            }

            records.Add([.. fields]);
            lines.Add(recordLine);
        }

        if (records.Count == 0)
        {
            throw new DelimitedTextException(source, 0, null, "the file is empty; a header line was expected");
        }

        string[] header = records[0];
        for (int i = 0; i < header.Length; i++)
        {
            header[i] = header[i].Trim();
        }

        records.RemoveAt(0);
        lines.RemoveAt(0);
        return new DelimitedTable(source, header, records, lines, sep, encodingName);
    }

    private static char DetectDelimiter(string text)
    {
        int end = text.AsSpan().IndexOfAny('\r', '\n');
        var header = end < 0 ? text.AsSpan() : text.AsSpan(0, end);
        char best = ',';
        int bestCount = 0;
        foreach (char c in CandidateDelimiters)
        {
            int count = header.Count(c);
            if (count > bestCount)
            {
                best = c;
                bestCount = count;
            }
        }

        return best;
    }
}
