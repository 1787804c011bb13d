using System.IO.Compression;
using System.Text;

namespace Stepwise.Web.Components.Uploads;

/// <summary>
/// The first rows of a delimited text file (plain, .gz or .zip), read to show the user what the file holds before it
/// is imported and to offer its columns for each role. Only the first 256 KiB of content are read, so a large or
/// compressed file costs nothing to preview. The import itself is the reader's: it decides roles, timestamp forms and
/// errors; this preview only shows.
/// </summary>
/// <param name="Columns">The header's column names.</param>
/// <param name="Rows">Up to <see cref="MaxRows"/> rows, each with one value per column (missing values empty).</param>
/// <param name="Delimiter">The delimiter the header suggests.</param>
public sealed record FileHead(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, char Delimiter)
{
    /// <summary>The most rows read.</summary>
    public const int MaxRows = 8;

    private const int MaxBytes = 256 * 1024;

    /// <summary>The head of <paramref name="path"/>, or null when it is not delimited text (XES, a workbook) or cannot be read.</summary>
    public static FileHead? Read(string path, string? zipEntry = null)
    {
        string name = Path.GetFileName(path).ToLowerInvariant();
        try
        {
            byte[] bytes;
            if (name.EndsWith(".zip", StringComparison.Ordinal))
            {
                using var archive = ZipFile.OpenRead(path);
                var entry = archive.Entries.FirstOrDefault(e => zipEntry is not null ? e.FullName == zipEntry : IsText(e.Name.ToLowerInvariant()));
                if (entry is null)
                {
                    return null;
                }

                using var stream = entry.Open();
                bytes = Head(stream);
            }
            else if (name.EndsWith(".gz", StringComparison.Ordinal))
            {
                if (!IsText(name[..^3]))
                {
                    return null;
                }

                using var file = File.OpenRead(path);
                using var stream = new GZipStream(file, CompressionMode.Decompress);
                bytes = Head(stream);
            }
            else if (IsText(name))
            {
                using var file = File.OpenRead(path);
                bytes = Head(file);
            }
            else
            {
                return null;
            }

            return Parse(Decode(bytes));
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // The reader says what is wrong with the file when it is checked; the preview shows nothing.
            return null;
        }
    }

    private static bool IsText(string name) => name.EndsWith(".csv", StringComparison.Ordinal) || name.EndsWith(".tsv", StringComparison.Ordinal) || name.EndsWith(".txt", StringComparison.Ordinal);

    private static byte[] Head(Stream stream)
    {
        var buffer = new byte[MaxBytes];
        int total = 0, read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        return buffer[..total];
    }

    private static string Decode(byte[] bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return (bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(bytes, 2, bytes.Length - 2);
        }

        int skip = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes, skip, bytes.Length - skip);
        }
        catch (DecoderFallbackException)
        {
            // The cut at 256 KiB may split a character, and some exports are Latin-1: either way the preview reads on.
            return Encoding.Latin1.GetString(bytes, skip, bytes.Length - skip);
        }
    }

    /// <summary>Splits text into the header and first rows, following the quoting rules of RFC 4180.</summary>
    public static FileHead? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int firstBreak = text.IndexOfAny(['\n', '\r']);
        string firstLine = firstBreak < 0 ? text : text[..firstBreak];
        char delimiter = new[] { ',', ';', '\t', '|' }.OrderByDescending(d => Outside(firstLine, d)).First();
        if (Outside(firstLine, delimiter) == 0)
        {
            return null;
        }

        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        int i = 0;
        bool complete = false;
        while (i < text.Length && rows.Count <= MaxRows)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
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
            else if (c == delimiter)
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                row.Add(field.ToString());
                field.Clear();
                if (row.Count > 1 || row[0].Length > 0)
                {
                    rows.Add(row);
                }

                row = [];
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                complete = true;
            }
            else
            {
                field.Append(c);
            }

            i++;
        }

        if (!complete || rows.Count == 0)
        {
            return null;
        }

        var header = rows[0];
        var data = rows.Skip(1).Take(MaxRows).Select(r => (IReadOnlyList<string>)[.. Enumerable.Range(0, header.Count).Select(k => k < r.Count ? r[k] : string.Empty)]).ToList();
        return new FileHead(header, data, delimiter);
    }

    private static int Outside(string line, char delimiter)
    {
        int count = 0;
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == delimiter && !quoted)
            {
                count++;
            }
        }

        return count;
    }
}
