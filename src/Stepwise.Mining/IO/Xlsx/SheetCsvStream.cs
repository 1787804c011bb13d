using System.Globalization;
using System.Text;
using Stepwise.Mining.IO.Xes;

namespace Stepwise.Mining.IO.Xlsx;

/// <summary>
/// Turns the XML of one worksheet into CSV as it is read: one line per sheet row from the first row with a value
/// (the header) on, a blank line for each row the sheet skips, fields in column order (empty for missing cells),
/// quoted where needed.
/// </summary>
internal sealed class SheetCsvStream : ReadOnlyStream
{
    private static readonly DateTime Base1900 = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);
    private static readonly DateTime Base1904 = new(1904, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    private readonly XmlScanner _xml;
    private readonly string _file;
    private readonly string _sheet;
    private readonly List<string> _strings;
    private readonly XlsxSheet.Styles _styles;
    private readonly bool _date1904;
    private readonly IDisposable[] _owned;
    private readonly List<(int Column, string Value)> _cells = [];
    private byte[] _pending = new byte[1 << 16];
    private int _pendingStart;
    private int _pendingLength;
    private long _lastRow;
    private int _width = -1;
    private bool _done;

    public SheetCsvStream(XmlScanner xml, string file, string sheet, List<string> strings, XlsxSheet.Styles styles, bool date1904, params IDisposable[] owned)
    {
        _xml = xml;
        _file = file;
        _sheet = sheet;
        _strings = strings;
        _styles = styles;
        _date1904 = date1904;
        _owned = owned;
    }

    public override int Read(Span<byte> buffer)
    {
        while (_pendingLength == 0 && !_done)
        {
            _pendingStart = 0;
            NextRow();
        }

        int n = Math.Min(buffer.Length, _pendingLength);
        _pending.AsSpan(_pendingStart, n).CopyTo(buffer);
        _pendingStart += n;
        _pendingLength -= n;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var owned in _owned)
            {
                owned.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    /// <summary>Reads the next row of the sheet into the pending output (or ends the output).</summary>
    private void NextRow()
    {
        while (_xml.Read())
        {
            if (_xml.Kind != XmlTokenKind.StartElement || !_xml.LocalName.SequenceEqual("row"u8))
            {
                continue;
            }

            long row = _xml.TryGetAttribute("r"u8, out var r) && long.TryParse(Encoding.UTF8.GetString(r), NumberStyles.None, CultureInfo.InvariantCulture, out long number) ? number : _lastRow + 1;
            ReadCells();
            if (_width < 0)
            {
                if (_cells.Count == 0)
                {
                    continue;
                }

                // The header: its last cell with a value sets the width of every row.
                _width = _cells[^1].Column + 1;
            }
            else
            {
                for (long blank = _lastRow + 1; blank < row; blank++)
                {
                    Append("\n"u8);
                }
            }

            _lastRow = Math.Max(row, _lastRow + 1);
            WriteRow();
            return;
        }

        _done = true;
    }

    private void ReadCells()
    {
        _cells.Clear();
        if (_xml.IsEmptyElement)
        {
            return;
        }

        int depth = _xml.Depth;
        int column = -1;
        while (_xml.Read())
        {
            if (_xml.Kind == XmlTokenKind.EndElement)
            {
                if (_xml.Depth < depth)
                {
                    return;
                }

                continue;
            }

            if (!_xml.LocalName.SequenceEqual("c"u8))
            {
                continue;
            }

            column = _xml.TryGetAttribute("r"u8, out var reference) ? ColumnOf(reference, column) : column + 1;
            string type = _xml.TryGetAttribute("t"u8, out var t) ? Encoding.UTF8.GetString(t) : "n";
            int style = _xml.TryGetAttribute("s"u8, out var s) && int.TryParse(Encoding.UTF8.GetString(s), NumberStyles.None, CultureInfo.InvariantCulture, out int si) ? si : 0;
            string cell = reference.IsEmpty ? $"column {column + 1}" : Encoding.UTF8.GetString(reference);
            string? value = ReadCell(type, style, cell);
            if (value is not null)
            {
                _cells.Add((column, value));
            }
        }
    }

    /// <summary>The value of the current cell, as text; null when it has none.</summary>
    private string? ReadCell(string type, int style, string cell)
    {
        if (_xml.IsEmptyElement)
        {
            return null;
        }

        int depth = _xml.Depth;
        string? raw = null;
        var inline = new StringBuilder();
        bool hasInline = false;
        while (_xml.Read())
        {
            if (_xml.Kind == XmlTokenKind.EndElement)
            {
                if (_xml.Depth < depth)
                {
                    break;
                }

                continue;
            }

            var local = _xml.LocalName;
            if (local.SequenceEqual("v"u8) && !_xml.IsEmptyElement)
            {
                raw = _xml.ReadText();
            }
            else if (local.SequenceEqual("t"u8) && !_xml.IsEmptyElement)
            {
                inline.Append(_xml.ReadText());
                hasInline = true;
            }
            else if (local.SequenceEqual("rPh"u8))
            {
                _xml.SkipElement();
            }
        }

        switch (type)
        {
            case "s":
                if (raw is null)
                {
                    return null;
                }

                if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out int index) || index >= _strings.Count)
                {
                    throw new EventLogFormatException(_file, new ImportIssue(null, null, cell, $"sheet '{_sheet}', cell {cell} refers to shared string {raw}, which the workbook does not have (the file is damaged)."));
                }

                return _strings[index];
            case "inlineStr":
                return hasInline ? inline.ToString() : raw;
            case "b":
                return raw is null ? null : raw == "1" ? "TRUE" : "FALSE";
            case "str":
            case "e":
            case "d":
                return raw;
            default:
                if (raw is null)
                {
                    return null;
                }

                return _styles.IsDate(style) && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double serial) ? DateText(serial) ?? raw : raw;
        }
    }

    /// <summary>A date serial as ISO-8601 (to the millisecond), or null when it is outside the dates of the system.</summary>
    private string? DateText(double serial)
    {
        if (!double.IsFinite(serial) || serial < 0 || serial > 2958465)
        {
            return null;
        }

        // The 1900 system counts a 29 February 1900 that never was: serials before it are a day later.
        var origin = _date1904 ? Base1904 : serial < 60 ? Base1900.AddDays(1) : Base1900;
        var value = origin.AddMilliseconds(Math.Round(serial * 86_400_000d));
        return value.Millisecond != 0
            ? value.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture)
            : value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>The zero-based column of a cell reference such as <c>AB12</c>.</summary>
    private static int ColumnOf(ReadOnlySpan<byte> reference, int previous)
    {
        int column = 0, letters = 0;
        foreach (byte b in reference)
        {
            if (b is >= (byte)'A' and <= (byte)'Z')
            {
                column = (column * 26) + (b - 'A' + 1);
                letters++;
            }
            else
            {
                break;
            }
        }

        return letters is > 0 and <= 3 ? column - 1 : previous + 1;
    }

    private void WriteRow()
    {
        int width = Math.Max(_width, _cells.Count == 0 ? 0 : _cells[^1].Column + 1);
        int next = 0;
        var line = new StringBuilder();
        for (int column = 0; column < width; column++)
        {
            if (column > 0)
            {
                line.Append(',');
            }

            if (next < _cells.Count && _cells[next].Column == column)
            {
                string value = _cells[next++].Value;
                if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
                {
                    line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
                }
                else
                {
                    line.Append(value);
                }
            }
        }

        line.Append('\n');
        Append(Encoding.UTF8.GetBytes(line.ToString()));
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        int need = _pendingStart + _pendingLength + bytes.Length;
        if (need > _pending.Length)
        {
            var grown = new byte[Math.Max(need, _pending.Length * 2)];
            _pending.AsSpan(_pendingStart, _pendingLength).CopyTo(grown);
            _pending = grown;
            _pendingStart = 0;
        }

        bytes.CopyTo(_pending.AsSpan(_pendingStart + _pendingLength));
        _pendingLength += bytes.Length;
    }
}
