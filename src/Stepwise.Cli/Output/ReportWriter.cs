using Stepwise.Cli.Infrastructure;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Stepwise.Cli.Output;

/// <summary>
/// Prints a <see cref="Report"/> as aligned text, CSV or JSON. Text tables fit the settings' width (120 characters by
/// default). CSV holds one table: a report of one part prints it to the output; a report of several parts needs a
/// folder or a zip (<see cref="ExportSettings.CsvTarget"/>, written by <see cref="CsvExport"/>). JSON prints one part
/// alone (an array or object), several as an object keyed by part name.
/// </summary>
public static class ReportWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/> in <paramref name="format"/> with the
    /// default settings.</summary>
    public static void Write(Report report, OutputFormat format, TextWriter output) => Write(report, format, output, ExportSettings.Default);

    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/> in <paramref name="format"/>.</summary>
    /// <exception cref="UserError">CSV of several tables was asked for without a folder or zip to put them in.</exception>
    public static void Write(Report report, OutputFormat format, TextWriter output, ExportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(settings);
        switch (format)
        {
            case OutputFormat.Csv:
                WriteCsv(report, output, settings);
                break;
            case OutputFormat.Json:
                WriteJson(report, output);
                break;
            default:
                WriteText(report, output, settings.Width, settings.WorkingTime);
                break;
        }
    }

    private static void WriteText(Report report, TextWriter output, int? width, bool workingTime)
    {
        bool first = true;
        foreach (var part in report.Parts)
        {
            if (!first)
            {
                output.WriteLine();
            }

            first = false;
            switch (part)
            {
                case ResultRecord record:
                    WriteLines(output, record.Title, width);
                    int labelWidth = 0;
                    foreach (var (field, _) in record.Fields)
                    {
                        labelWidth = Math.Max(labelWidth, ColumnLabels.Of(field).Length);
                    }

                    foreach (var (field, value) in record.Fields)
                    {
                        var lines = TextLayout.Wrap(TerminalText.Escape(FormatCell(value, field, workingTime)), width is { } w ? Math.Max(20, w - labelWidth - 2) : 0);
                        output.Write(ColumnLabels.Of(field).PadRight(labelWidth + 2));
                        output.WriteLine(lines[0]);
                        foreach (var more in lines.Skip(1))
                        {
                            output.WriteLine(new string(' ', labelWidth + 2) + more);
                        }
                    }

                    break;
                case ResultTable table:
                    WriteTextTable(table, output, width, workingTime);
                    break;
                default:
                    break;
            }
        }
    }

    private static void WriteTextTable(ResultTable table, TextWriter output, int? maxWidth, bool workingTime)
    {
        WriteLines(output, table.Title, maxWidth);
        // Records of how a file was read are too long for a cell: they follow the table, one line per row.
        var grid = Enumerable.Range(0, table.Columns.Count).Where(c => table.Columns[c].Kind != CellKind.Json).ToList();
        var columns = grid.Select(c => table.Columns[c]).ToList();
        var cells = new string[table.Rows.Count + 1][];
        cells[0] = [.. columns.Select(c => TerminalText.Escape(ColumnLabels.Of(c)))];
        for (int r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            cells[r + 1] = new string[columns.Count];
            for (int c = 0; c < columns.Count; c++)
            {
                cells[r + 1][c] = TerminalText.Escape(FormatCell(row[grid[c]], columns[c], workingTime));
            }
        }

        var widths = TextLayout.Fit(cells, columns, maxWidth);
        var shown = Enumerable.Range(0, columns.Count).Where(c => widths[c] > 0).ToList();
        var line = new StringBuilder();
        for (int r = 0; r < cells.Length; r++)
        {
            var wrapped = shown.Select(c => TextLayout.Wrap(cells[r][c], widths[c])).ToList();
            int height = wrapped.Max(w => w.Count);
            for (int k = 0; k < height; k++)
            {
                line.Clear();
                for (int i = 0; i < shown.Count; i++)
                {
                    int c = shown[i];
                    bool right = r > 0 && columns[c].Kind is not (CellKind.Text or CellKind.Timestamp or CellKind.Boolean or CellKind.Json);
                    string cell = k < wrapped[i].Count ? wrapped[i][k] : string.Empty;
                    if (i > 0)
                    {
                        line.Append("  ");
                    }

                    line.Append(right ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]));
                }

                output.WriteLine(line.ToString().TrimEnd());
            }

            if (r == 0)
            {
                output.WriteLine(string.Join("  ", shown.Select(c => new string('-', widths[c]))));
            }
        }

        if (table.Rows.Count == 0)
        {
            output.WriteLine("(no rows)");
        }

        var hidden = Enumerable.Range(0, columns.Count).Where(c => widths[c] == 0).Select(c => ColumnLabels.Of(columns[c])).ToList();
        if (hidden.Count > 0)
        {
            WriteLines(output, $"Not shown, to fit {maxWidth} characters: {string.Join(", ", hidden)} (--wide shows every column; --format csv or json gives them all).", maxWidth);
        }

        // Each row is named by its file (or its first column).
        int named = grid.Count == 0 ? -1 : grid.FirstOrDefault(g => table.Columns[g].Key == "file", grid[0]);
        foreach (int c in Enumerable.Range(0, table.Columns.Count).Where(c => table.Columns[c].Kind == CellKind.Json))
        {
            foreach (var row in table.Rows)
            {
                string of = named < 0 ? string.Empty : " of " + FormatCell(row[named], table.Columns[named]);
                WriteLines(output, $"{ColumnLabels.Of(table.Columns[c])}{of}: {FormatCell(row[c], table.Columns[c])}", maxWidth);
            }
        }

        foreach (var note in table.Notes)
        {
            WriteLines(output, note, maxWidth);
        }
    }

    /// <summary>Writes a title or note wrapped to the width.</summary>
    private static void WriteLines(TextWriter output, string? text, int? width)
    {
        if (text is null)
        {
            return;
        }

        foreach (var line in TextLayout.Wrap(TerminalText.Escape(text), width ?? 0))
        {
            output.WriteLine(line);
        }
    }

    /// <summary>Formats a value for people, by the column's kind; durations of working time
    /// (<paramref name="workingTime"/>) in working hours.</summary>
    public static string FormatCell(object? value, ResultColumn column, bool workingTime = false)
    {
        if (value is null || (value is double missing && double.IsNaN(missing)))
        {
            return column.Missing ?? "-";
        }

        switch (column.Kind)
        {
            case CellKind.Integer:
                return Convert.ToInt64(value, Invariant).ToString("N0", Invariant);
            case CellKind.Number:
                {
                    double d = Convert.ToDouble(value, Invariant);
                    return double.IsNaN(d) ? "-" : d.ToString("N" + column.Decimals, Invariant);
                }

            case CellKind.Share:
                {
                    double d = Convert.ToDouble(value, Invariant);
                    return double.IsNaN(d) ? "-" : (d * 100).ToString("0.0", Invariant) + "%";
                }

            case CellKind.Duration:
                {
                    double d = Convert.ToDouble(value, Invariant);
                    return double.IsNaN(d) ? "-" : workingTime ? FormatWorkingDuration(d) : FormatDuration(d);
                }

            case CellKind.Timestamp:
                return FormatInstant(value) ?? "-";
            case CellKind.Boolean:
                return value is bool b ? (b ? "yes" : "no") : Convert.ToString(value, Invariant) ?? "-";
            case CellKind.Json:
                return value is string json ? ReadOptionsText.Summarise(json) : FormatRaw(value) ?? "-";
            default:
                return FormatRaw(value) ?? "-";
        }
    }

    /// <summary>Shows a share between 0 and 1 as a percentage with no space before the sign, as tables do:
    /// <c>7.3%</c>.</summary>
    public static string FormatShare(double share, int decimals = 1)
        => double.IsFinite(share) ? (share * 100).ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), Invariant) + "%" : "-";

    /// <summary>Shows a duration in seconds as e.g. <c>3d 4h</c>, <c>2h 05m</c>, <c>4m 12s</c>, <c>58.0s</c>, <c>0.50s</c>
    /// or <c>0s</c> (nothing at all, not a rounded small value).</summary>
    public static string FormatDuration(double seconds)
    {
        string sign = seconds < 0 ? "-" : string.Empty;
        seconds = Math.Abs(seconds);
        if (seconds == 0)
        {
            return "0s";
        }

        if (seconds < 60)
        {
            return sign + seconds.ToString(seconds < 10 ? "0.00" : "0.0", Invariant) + "s";
        }

        long s = (long)Math.Round(seconds);
        long days = s / 86400, hours = s % 86400 / 3600, minutes = s % 3600 / 60, secs = s % 60;
        if (days > 0)
        {
            return string.Create(Invariant, $"{sign}{days}d {hours}h");
        }

        if (hours > 0)
        {
            return string.Create(Invariant, $"{sign}{hours}h {minutes:00}m");
        }

        return string.Create(Invariant, $"{sign}{minutes}m {secs:00}s");
    }

    /// <summary>Shows a duration of working time in seconds as hours and minutes (<c>76h 00m</c>, never days: a day of
    /// working time is not 24 hours), or as <see cref="FormatDuration"/> below an hour.</summary>
    public static string FormatWorkingDuration(double seconds)
    {
        if (Math.Abs(seconds) < 3600)
        {
            return FormatDuration(seconds);
        }

        string sign = seconds < 0 ? "-" : string.Empty;
        long s = (long)Math.Round(Math.Abs(seconds));
        return string.Create(Invariant, $"{sign}{s / 3600:N0}h {s % 3600 / 60:00}m");
    }

    /// <summary>An instant for people, to the second: <c>2026-12-01 21:25:09 UTC</c>, or with its offset when it has
    /// one (<c>2026-03-29 09:00:00 +01:00</c>). CSV and JSON keep every fraction of a second.</summary>
    private static string? FormatInstant(object? value) => value switch
    {
        DateTime dt => dt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", Invariant),
        DateTimeOffset { Offset.Ticks: 0 } dto => dto.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", Invariant),
        DateTimeOffset dto => dto.ToString("yyyy-MM-dd HH:mm:ss zzz", Invariant),
        _ => FormatRaw(value),
    };

    private static string? FormatRaw(object? value) => value switch
    {
        null => null,
        string s => s,
        // Fractions of a second are kept (to the tick), written only where there are any.
        DateTime dt => dt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", Invariant),
        DateTimeOffset dto => dto.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", Invariant),
        double d => double.IsNaN(d) ? null : d.ToString("R", Invariant),
        float f => float.IsNaN(f) ? null : f.ToString("R", Invariant),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, Invariant),
        _ => value.ToString(),
    };

    private static void WriteCsv(Report report, TextWriter output, ExportSettings settings)
    {
        if (settings.CsvTarget is { } target)
        {
            CsvExport.WriteFiles(report, target, settings.Csv);
            return;
        }

        if (report.Parts.Count > 1)
        {
            var names = CsvExport.FileNames(report);
            throw new UserError($"--format csv: this result has {report.Parts.Count} tables ({string.Join(", ", names.Select(n => n[..^4]))}) and a CSV file holds one; give --csv-dir FOLDER for a file per table, or --csv-dir FILE.zip.");
        }

        if (report.Parts.Count == 1)
        {
            CsvExport.WritePart(report.Parts[0], output, settings.Csv);
        }
    }

    /// <summary>Quotes a CSV field when it holds a delimiter, quote or line break (RFC 4180).</summary>
    public static string CsvField(string? value) => CsvCell.Quote(value, CsvDialect.Standard);

    /// <summary>A value as a standard CSV field: numbers in fixed notation, text neutralised against spreadsheet
    /// formula injection, quoted as RFC 4180 needs.</summary>
    public static string CsvValue(object? value) => CsvCell.Format(value, new ResultColumn("value", value is double or float or decimal ? CellKind.Number : CellKind.Text), CsvDialect.Standard);

    private static void WriteJson(Report report, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            if (report.Parts.Count == 1)
            {
                WriteJsonPart(json, report.Parts[0]);
            }
            else
            {
                json.WriteStartObject();
                foreach (var part in report.Parts)
                {
                    json.WritePropertyName(part is ResultTable t ? t.Name : ((ResultRecord)part).Name);
                    WriteJsonPart(json, part);
                }

                json.WriteEndObject();
            }
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteJsonPart(Utf8JsonWriter json, object part)
    {
        switch (part)
        {
            case ResultRecord record:
                json.WriteStartObject();
                foreach (var (field, value) in record.Fields)
                {
                    json.WritePropertyName(field.Key);
                    WriteJsonValue(json, value);
                }

                json.WriteEndObject();
                break;
            case ResultTable table:
                if (table.Notes.Count > 0)
                {
                    json.WriteStartObject();
                    json.WritePropertyName("rows");
                    WriteJsonRows(json, table);
                    json.WritePropertyName("notes");
                    json.WriteStartArray();
                    foreach (var note in table.Notes)
                    {
                        json.WriteStringValue(note);
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                else
                {
                    WriteJsonRows(json, table);
                }

                break;
            default:
                json.WriteNullValue();
                break;
        }
    }

    private static void WriteJsonRows(Utf8JsonWriter json, ResultTable table)
    {
        json.WriteStartArray();
        foreach (var row in table.Rows)
        {
            json.WriteStartObject();
            for (int c = 0; c < table.Columns.Count; c++)
            {
                json.WritePropertyName(table.Columns[c].Key);
                WriteJsonValue(json, row[c]);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteJsonValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case double d:
                if (double.IsFinite(d))
                {
                    json.WriteNumberValue(d);
                }
                else
                {
                    json.WriteNullValue();
                }

                break;
            case float f:
                json.WriteNumberValue(f);
                break;
            case decimal m:
                json.WriteNumberValue(m);
                break;
            case DateTime dt:
                json.WriteStringValue(FormatRaw(dt));
                break;
            case DateTimeOffset dto:
                json.WriteStringValue(FormatRaw(dto));
                break;
            case System.Collections.IEnumerable list:
                json.WriteStartArray();
                foreach (var item in list)
                {
                    WriteJsonValue(json, item);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(FormatRaw(value));
                break;
        }
    }
}
