using System.IO.Compression;
using System.Text;

namespace Stepwise.Cli.Output;

/// <summary>
/// Writes a result as CSV, one table per file: standard output for a result of one table, else a folder with a file per
/// table or a <c>.zip</c> of them (<c>--csv-dir</c>). UTF-8 with a byte-order mark when the dialect is European (so
/// Excel reads accented names right), without one otherwise; a header row always. A record (a summary) is one row
/// with a column per field, so each column holds one kind of value.
/// </summary>
public static class CsvExport
{
    /// <summary>Writes <paramref name="part"/> (a table or a record) as one CSV document.</summary>
    public static void WritePart(object part, TextWriter output, CsvDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(dialect);
        string separator = dialect.Delimiter.ToString();
        switch (part)
        {
            case ResultRecord record:
                output.WriteLine(string.Join(separator, record.Fields.Select(f => CsvCell.Quote(f.Field.Key, dialect))));
                output.WriteLine(string.Join(separator, record.Fields.Select(f => CsvCell.Format(f.Value, f.Field, dialect))));
                break;
            case ResultTable table:
                output.WriteLine(string.Join(separator, table.Columns.Select(c => CsvCell.Quote(c.Key, dialect))));
                foreach (var row in table.Rows)
                {
                    output.WriteLine(string.Join(separator, row.Select((v, i) => CsvCell.Format(v, table.Columns[i], dialect))));
                }

                break;
            default:
                throw new ArgumentException("A report part is a table or a record.", nameof(part));
        }
    }

    /// <summary>Writes every part of <paramref name="report"/> to <paramref name="target"/>: a <c>.zip</c> file, or a
    /// folder (created if needed). Each file is complete or absent: files are written under a temporary name and moved.</summary>
    /// <returns>The files written (for a zip, its entries).</returns>
    public static IReadOnlyList<string> WriteFiles(Report report, string target, CsvDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        var names = FileNames(report);
        var encoding = new UTF8Encoding(dialect.DecimalComma);
        if (target.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            string full = Path.GetFullPath(target);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            string temp = full + ".tmp";
            using (var file = File.Create(temp))
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
            {
                for (int i = 0; i < report.Parts.Count; i++)
                {
                    // A fixed time keeps the archive identical for identical results.
                    var entry = zip.CreateEntry(names[i], CompressionLevel.Optimal);
                    entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
                    using var writer = new StreamWriter(entry.Open(), encoding);
                    WritePart(report.Parts[i], writer, dialect);
                }
            }

            File.Move(temp, full, overwrite: true);
            return names;
        }

        Directory.CreateDirectory(target);
        var written = new List<string>();
        for (int i = 0; i < report.Parts.Count; i++)
        {
            string path = Path.Combine(target, names[i]);
            string temp = path + ".tmp";
            using (var writer = new StreamWriter(temp, false, encoding))
            {
                WritePart(report.Parts[i], writer, dialect);
            }

            File.Move(temp, path, overwrite: true);
            written.Add(path);
        }

        return written;
    }

    /// <summary>A file name per part from its name: letters, digits, '-' and '_' kept; unique.</summary>
    internal static List<string> FileNames(Report report)
    {
        var names = new List<string>();
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in report.Parts)
        {
            string name = part switch { ResultTable t => t.Name, ResultRecord r => r.Name, _ => "part" };
            string clean = new(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
            string file = clean + ".csv";
            for (int n = 2; !taken.Add(file); n++)
            {
                file = $"{clean}-{n}.csv";
            }

            names.Add(file);
        }

        return names;
    }
}
