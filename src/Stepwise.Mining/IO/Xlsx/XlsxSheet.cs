using System.Globalization;
using System.Text;
using Stepwise.Mining.IO.Archives;
using Stepwise.Mining.IO.Sources;
using Stepwise.Mining.IO.Xes;

namespace Stepwise.Mining.IO.Xlsx;

/// <summary>
/// Reads one sheet of an Excel workbook (.xlsx, Office Open XML) as delimited text, so that it goes through the same
/// CSV reader as every other table: the first sheet (or the one named), its shared strings, inline strings, numbers,
/// booleans and date cells (numbers with a date format, turned into ISO-8601 timestamps under the workbook's 1900 or
/// 1904 date system). The sheet is converted as it is read, never held whole; the workbook's parts go through the
/// same checked zip reader as any archive. Missing rows become blank lines, so line numbers in messages are the
/// sheet's row numbers when its header is on row 1.
/// </summary>
internal static class XlsxSheet
{
    /// <summary>The sheet as CSV content (comma-delimited, UTF-8).</summary>
    public static ByteSource Open(string path, EventLogReadOptions options)
    {
        string name = Path.GetFileName(path);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var zip = ZipInput.Open(file, name);
        try
        {
            var limits = InputFile.Limits(options);
            var workbook = Workbook.Read(zip, name, limits);
            var sheet = ChooseSheet(workbook, name, options);
            var strings = SharedStrings(zip, name, limits);
            var styles = Styles.Read(zip, name, limits);
            var entry = Find(zip, sheet.Part) ?? throw new EventLogFormatException(name, new ImportIssue(null, null, null, $"the workbook names the sheet '{sheet.Name}' but its part {sheet.Part} is missing (the file is damaged)."));
            var content = zip.OpenEntry(entry, limits);
            long compressed = Math.Max(1, entry.CompressedSize);
            var csv = new SheetCsvStream(new XmlScanner(XmlEncoding.ToUtf8(content, name), name), name, sheet.Name, strings, styles, workbook.Date1904, zip, content);
            return new StreamedByteSource(csv, () => Math.Min(1, content.CompressedRead / (double)compressed));
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    private sealed record SheetInfo(string Name, string Part);

    private sealed record Workbook(IReadOnlyList<SheetInfo> Sheets, bool Date1904)
    {
        public static Workbook Read(ZipInput zip, string file, ExpansionLimits limits)
        {
            var relations = new Dictionary<string, string>(StringComparer.Ordinal);
            if (Find(zip, "xl/_rels/workbook.xml.rels") is { } rels)
            {
                Visit(zip, rels, file, limits, xml =>
                {
                    if (xml.Kind == XmlTokenKind.StartElement && xml.LocalName.SequenceEqual("Relationship"u8)
                        && xml.TryGetAttribute("Id"u8, out var id) && xml.TryGetAttribute("Target"u8, out var target))
                    {
                        relations[Encoding.UTF8.GetString(id)] = Encoding.UTF8.GetString(target);
                    }
                });
            }

            var entry = Find(zip, "xl/workbook.xml") ?? throw new EventLogFormatException(file, new ImportIssue(null, null, null, "not an Excel workbook: the archive has no xl/workbook.xml (is it an .xls saved under another name? Save it as .xlsx or CSV)."));
            var sheets = new List<SheetInfo>();
            bool date1904 = false;
            Visit(zip, entry, file, limits, xml =>
            {
                if (xml.Kind != XmlTokenKind.StartElement)
                {
                    return;
                }

                if (xml.LocalName.SequenceEqual("workbookPr"u8) && xml.TryGetAttribute("date1904"u8, out var d))
                {
                    date1904 = d.SequenceEqual("1"u8) || d.SequenceEqual("true"u8);
                }
                else if (xml.LocalName.SequenceEqual("sheet"u8) && xml.TryGetAttribute("name"u8, out var sheetName))
                {
                    string relation = string.Empty;
                    for (int i = 0; i < xml.AttributeCount; i++)
                    {
                        var attribute = xml.AttributeName(i);
                        if (attribute.EndsWith(":id"u8) || attribute.SequenceEqual("id"u8))
                        {
                            relation = Encoding.UTF8.GetString(xml.AttributeValue(i));
                        }
                    }

                    string target = relations.GetValueOrDefault(relation, $"worksheets/sheet{sheets.Count + 1}.xml");
                    string part = target.StartsWith('/') ? target[1..] : "xl/" + target;
                    sheets.Add(new SheetInfo(Encoding.UTF8.GetString(sheetName), part));
                }
            });

            return new Workbook(sheets, date1904);
        }
    }

    private static SheetInfo ChooseSheet(Workbook workbook, string file, EventLogReadOptions options)
    {
        if (workbook.Sheets.Count == 0)
        {
            throw new EventLogFormatException(file, new ImportIssue(null, null, null, "the workbook has no sheets."));
        }

        string? wanted = options.Csv.Sheet;
        if (wanted is null)
        {
            return workbook.Sheets[0];
        }

        return workbook.Sheets.FirstOrDefault(s => string.Equals(s.Name, wanted, StringComparison.Ordinal))
            ?? workbook.Sheets.FirstOrDefault(s => string.Equals(s.Name, wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw new EventLogFormatException(file, new ImportIssue(null, null, null, $"the workbook has no sheet '{wanted}' ({options.Names.Sheet}); its sheets are: {string.Join(", ", workbook.Sheets.Select(s => $"'{s.Name}'"))}."), options.Names);
    }

    private static List<string> SharedStrings(ZipInput zip, string file, ExpansionLimits limits)
    {
        var strings = new List<string>();
        if (Find(zip, "xl/sharedStrings.xml") is not { } entry)
        {
            return strings;
        }

        using var content = zip.OpenEntry(entry, limits);
        var xml = new XmlScanner(XmlEncoding.ToUtf8(content, file), file);
        var current = new StringBuilder();
        int phonetic = 0;
        while (xml.Read())
        {
            var local = xml.LocalName;
            if (xml.Kind == XmlTokenKind.StartElement)
            {
                if (local.SequenceEqual("si"u8))
                {
                    current.Clear();
                    if (xml.IsEmptyElement)
                    {
                        strings.Add(string.Empty);
                    }
                }
                else if (local.SequenceEqual("rPh"u8) && !xml.IsEmptyElement)
                {
                    phonetic++;
                }
                else if (local.SequenceEqual("t"u8) && !xml.IsEmptyElement && phonetic == 0)
                {
                    current.Append(xml.ReadText());
                }
            }
            else if (local.SequenceEqual("si"u8))
            {
                strings.Add(current.ToString());
            }
            else if (local.SequenceEqual("rPh"u8))
            {
                phonetic--;
            }
        }

        return strings;
    }

    /// <summary>Finds a part by name (part names are case-insensitive in Open XML).</summary>
    internal static ZipEntryInfo? Find(ZipInput zip, string part)
        => zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, part, StringComparison.Ordinal))
            ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, part, StringComparison.OrdinalIgnoreCase));

    internal static void Visit(ZipInput zip, ZipEntryInfo entry, string file, ExpansionLimits limits, Action<XmlScanner> visit)
    {
        using var content = zip.OpenEntry(entry, limits);
        var xml = new XmlScanner(XmlEncoding.ToUtf8(content, file), file);
        while (xml.Read())
        {
            visit(xml);
        }
    }

    /// <summary>Which cell styles show numbers as dates.</summary>
    internal sealed class Styles
    {
        private readonly bool[] _isDate;

        private Styles(bool[] isDate) => _isDate = isDate;

        public bool IsDate(int style) => style >= 0 && style < _isDate.Length && _isDate[style];

        public static Styles Read(ZipInput zip, string file, ExpansionLimits limits)
        {
            if (Find(zip, "xl/styles.xml") is not { } entry)
            {
                return new Styles([]);
            }

            var formats = new Dictionary<int, string>();
            var cellFormats = new List<int>();
            int inCellXfs = 0;
            Visit(zip, entry, file, limits, xml =>
            {
                var local = xml.LocalName;
                if (xml.Kind == XmlTokenKind.EndElement)
                {
                    if (local.SequenceEqual("cellXfs"u8))
                    {
                        inCellXfs = 0;
                    }

                    return;
                }

                if (local.SequenceEqual("numFmt"u8) && xml.TryGetAttribute("numFmtId"u8, out var id) && xml.TryGetAttribute("formatCode"u8, out var code)
                    && int.TryParse(Encoding.UTF8.GetString(id), NumberStyles.None, CultureInfo.InvariantCulture, out int number))
                {
                    formats[number] = Encoding.UTF8.GetString(code);
                }
                else if (local.SequenceEqual("cellXfs"u8) && !xml.IsEmptyElement)
                {
                    inCellXfs = 1;
                }
                else if (inCellXfs == 1 && local.SequenceEqual("xf"u8))
                {
                    int format = xml.TryGetAttribute("numFmtId"u8, out var f) && int.TryParse(Encoding.UTF8.GetString(f), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 0;
                    cellFormats.Add(format);
                }
            });

            return new Styles([.. cellFormats.Select(f => IsDateFormat(f, formats.GetValueOrDefault(f)))]);
        }

        /// <summary>Whether a number format shows a date or time: the built-in date formats, or a custom code with
        /// day, month, year, hour or second parts outside quoted text (elapsed-time codes such as [h] are durations).</summary>
        internal static bool IsDateFormat(int id, string? code)
        {
            if (id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58))
            {
                return true;
            }

            if (code is null || code.Contains("[h", StringComparison.OrdinalIgnoreCase) || code.Contains("[m", StringComparison.OrdinalIgnoreCase) || code.Contains("[s", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            bool quoted = false, bracket = false;
            bool escaped = false;
            foreach (char c in code)
            {
                if (escaped)
                {
                    escaped = false;
                    continue;
                }

                switch (c)
                {
                    case '\\':
                        escaped = true;
                        break;
                    case '"':
                        quoted = !quoted;
                        break;
                    case '[' when !quoted:
                        bracket = true;
                        break;
                    case ']' when !quoted:
                        bracket = false;
                        break;
                    case ';' when !quoted:
                        // Only the first section (positive numbers) decides.
                        return false;
                    default:
                        if (!quoted && !bracket && "yYmMdDhHsS".Contains(c, StringComparison.Ordinal))
                        {
                            return true;
                        }

                        break;
                }
            }

            return false;
        }
    }
}
