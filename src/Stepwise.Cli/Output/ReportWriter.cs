using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Stepwise.Cli.Output;

/// <summary>
/// Prints a <see cref="Report"/> as aligned text, CSV or JSON. A report of one part prints that part alone
/// (a CSV with one header; a JSON array or object); a report of several parts prints each in turn (CSV blocks
/// separated by a blank line, each preceded by a <c># name</c> line; a JSON object keyed by part name).
/// </summary>
public static class ReportWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/> in <paramref name="format"/>.</summary>
    public static void Write(Report report, OutputFormat format, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case OutputFormat.Csv:
                WriteCsv(report, output);
                break;
            case OutputFormat.Json:
                WriteJson(report, output);
                break;
            default:
                WriteText(report, output);
                break;
        }
    }

    private static void WriteText(Report report, TextWriter output)
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
                    if (record.Title is not null)
                    {
                        output.WriteLine(record.Title);
                    }

                    int width = record.Fields.Count == 0 ? 0 : record.Fields.Max(f => (f.Field.Header ?? f.Field.Key).Length);
                    foreach (var (field, value) in record.Fields)
                    {
                        output.Write((field.Header ?? field.Key).PadRight(width + 2));
                        output.WriteLine(FormatCell(value, field));
                    }

                    break;
                case ResultTable table:
                    WriteTextTable(table, output);
                    break;
                default:
                    break;
            }
        }
    }

    private static void WriteTextTable(ResultTable table, TextWriter output)
    {
        if (table.Title is not null)
        {
            output.WriteLine(table.Title);
        }

        var columns = table.Columns;
        var cells = new string[table.Rows.Count + 1][];
        cells[0] = [.. columns.Select(c => c.Header ?? c.Key)];
        for (int r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            cells[r + 1] = new string[columns.Count];
            for (int c = 0; c < columns.Count; c++)
            {
                cells[r + 1][c] = FormatCell(row[c], columns[c]);
            }
        }

        var widths = new int[columns.Count];
        foreach (var row in cells)
        {
            for (int c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        var line = new StringBuilder();
        for (int r = 0; r < cells.Length; r++)
        {
            line.Clear();
            for (int c = 0; c < columns.Count; c++)
            {
                bool right = r > 0 && columns[c].Kind is not (CellKind.Text or CellKind.Timestamp or CellKind.Boolean);
                string cell = cells[r][c];
                if (c > 0)
                {
                    line.Append("  ");
                }

                line.Append(right ? cell.PadLeft(widths[c]) : (c == columns.Count - 1 ? cell : cell.PadRight(widths[c])));
            }

            output.WriteLine(line.ToString().TrimEnd());
            if (r == 0)
            {
                output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }

        if (table.Rows.Count == 0)
        {
            output.WriteLine("(no rows)");
        }

        foreach (var note in table.Notes)
        {
            output.WriteLine(note);
        }
    }

    /// <summary>Formats a value for people, by the column's kind.</summary>
    public static string FormatCell(object? value, ResultColumn column)
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
                    return double.IsNaN(d) ? "-" : FormatDuration(d);
                }

            case CellKind.Timestamp:
                return FormatRaw(value) ?? "-";
            case CellKind.Boolean:
                return value is bool b ? (b ? "yes" : "no") : Convert.ToString(value, Invariant) ?? "-";
            default:
                return FormatRaw(value) ?? "-";
        }
    }

    /// <summary>Shows a duration in seconds as e.g. <c>3d 4h</c>, <c>2h 05m</c>, <c>4m 12s</c> or <c>0.50s</c>.</summary>
    public static string FormatDuration(double seconds)
    {
        string sign = seconds < 0 ? "-" : string.Empty;
        seconds = Math.Abs(seconds);
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

    private static string? FormatRaw(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime dt => dt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Invariant),
        DateTimeOffset dto => dto.ToString("yyyy-MM-dd'T'HH:mm:sszzz", Invariant),
        double d => double.IsNaN(d) ? null : d.ToString("R", Invariant),
        float f => float.IsNaN(f) ? null : f.ToString("R", Invariant),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, Invariant),
        _ => value.ToString(),
    };

    private static void WriteCsv(Report report, TextWriter output)
    {
        bool several = report.Parts.Count > 1;
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
                    if (several)
                    {
                        output.WriteLine("# " + record.Name);
                    }

                    output.WriteLine("key,value");
                    foreach (var (field, value) in record.Fields)
                    {
                        output.WriteLine(CsvField(field.Key) + "," + CsvField(FormatRaw(value)));
                    }

                    break;
                case ResultTable table:
                    if (several)
                    {
                        output.WriteLine("# " + table.Name);
                    }

                    output.WriteLine(string.Join(',', table.Columns.Select(c => CsvField(c.Key))));
                    foreach (var row in table.Rows)
                    {
                        output.WriteLine(string.Join(',', row.Select(v => CsvField(FormatRaw(v)))));
                    }

                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Quotes a CSV field when it holds a delimiter, quote or line break (RFC 4180).</summary>
    public static string CsvField(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

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
