using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Stepwise.Reports.Privacy;

namespace Stepwise.Reports.Xlsx;

/// <summary>
/// Writes every table of a document (chart data tables included) as an Excel workbook: one sheet per table, typed
/// cells (numbers as numbers with their format, shares as percentages, dates as dates, durations as numbers in the
/// unit their header names), a frozen, filterable header row, and a provenance sheet saying what the workbook is and
/// where its data came from.
/// </summary>
public static class XlsxReport
{
    /// <summary>The name of the provenance sheet.</summary>
    public const string ProvenanceSheet = "Provenance";

    /// <summary>The workbook of <paramref name="document"/> (personal data redacted unless it opts in).</summary>
    public static byte[] Render(ReportDocument document)
    {
        var doc = ReportRedaction.Apply(document);
        var tables = doc.Tables().Select(t => t.Table).ToList();
        var styles = new XlsxStyles();
        using var stream = new MemoryStream();
        using (var package = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = package.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            var names = SheetNames(tables);
            uint sheetId = 1;
            AddSheet(workbookPart, sheets, sheetId++, ProvenanceSheet, Provenance(doc, tables), styles);
            for (int t = 0; t < tables.Count; t++)
            {
                AddSheet(workbookPart, sheets, sheetId++, names[t], tables[t], styles);
            }

            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = styles.Build();
            package.PackageProperties.Title = doc.Title;
            package.PackageProperties.Creator = "Stepwise";
        }

        return stream.ToArray();
    }

    private static ReportTable Provenance(ReportDocument doc, IReadOnlyList<ReportTable> tables)
    {
        var rows = new List<IReadOnlyList<TableCell>>
        {
            new TableCell[] { "Report", doc.Title, "", "" },
            new TableCell[] { "For", doc.Audience, "", "" },
            new TableCell[] { "Date", doc.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "", "" },
            new TableCell[] { "Personal data", doc.IncludePersonalData ? "Included at the author's request" : "Removed from comments and quotes", "", "" },
            new TableCell[] { "Tables", string.Join("; ", tables.Select(t => t.Caption)), "", "" },
        };
        if (!string.IsNullOrWhiteSpace(doc.Author))
        {
            rows.Insert(3, new TableCell[] { "Prepared by", doc.Author, "", "" });
        }

        foreach (var source in doc.Sources)
        {
            rows.Add(new TableCell[] { "Data source: " + source.Name, source.Description, source.Imported ?? "", source.Sha256 ?? "" });
        }

        return new ReportTable(ProvenanceSheet, [TableColumn.Text("Item"), TableColumn.Text("Value"), TableColumn.Text("Imported"), TableColumn.Text("SHA-256")], rows);
    }

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, uint id, string name, ReportTable table, XlsxStyles styles)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (int c = 0; c < table.Columns.Count; c++)
        {
            header.Append(TextCell(Reference(c, 1), table.Columns[c].Header, styles.Header));
        }

        data.Append(header);
        for (int r = 0; r < table.Rows.Count; r++)
        {
            uint rowIndex = (uint)(r + 2);
            var row = new Row { RowIndex = rowIndex };
            for (int c = 0; c < table.Columns.Count; c++)
            {
                var column = table.Columns[c];
                var cell = table.Rows[r][c];
                string reference = Reference(c, rowIndex);
                switch (cell.Kind)
                {
                    case TableCellKind.Number:
                        row.Append(new Cell
                        {
                            CellReference = reference,
                            DataType = CellValues.Number,
                            CellValue = new CellValue(column.Shown(cell.Number).ToString("R", CultureInfo.InvariantCulture)),
                            StyleIndex = styles.For(column),
                        });
                        break;
                    case TableCellKind.Date:
                        row.Append(new Cell
                        {
                            CellReference = reference,
                            CellValue = new CellValue(cell.Date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString("R", CultureInfo.InvariantCulture)),
                            StyleIndex = styles.Date,
                        });
                        break;
                    case TableCellKind.Text:
                        row.Append(TextCell(reference, cell.Text!, 0));
                        break;
                }
            }

            data.Append(row);
        }

        var columns = new Columns();
        for (int c = 0; c < table.Columns.Count; c++)
        {
            int widest = table.Rows.Select(r => table.Columns[c].Format(r[c]).Length).Append(table.Columns[c].Header.Length).Max();
            columns.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = Math.Clamp(widest + 2, 8, 60), CustomWidth = true });
        }

        var view = new SheetView { WorkbookViewId = 0, TabSelected = id == 1 };
        view.Append(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        view.Append(new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } });
        var worksheet = new Worksheet(new SheetViews(view), columns, data);
        if (table.Rows.Count > 0)
        {
            worksheet.Append(new AutoFilter { Reference = $"A1:{Reference(table.Columns.Count - 1, (uint)(table.Rows.Count + 1))}" });
        }

        part.Worksheet = worksheet;
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static Cell TextCell(string reference, string text, uint style) => new()
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style,
    };

    /// <summary>Text with the characters XML 1.0 cannot hold replaced, so any text can be written.</summary>
    private static string XmlSafe(string text)
    {
        if (text.All(ch => ch >= 0x20 || ch is '\t' or '\n' or '\r'))
        {
            return text;
        }

        return new string(text.Select(ch => ch >= 0x20 || ch is '\t' or '\n' or '\r' ? ch : '\uFFFD').ToArray());
    }

    /// <summary>An A1 reference.</summary>
    internal static string Reference(int column, uint row)
    {
        string letters = string.Empty;
        for (int c = column + 1; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The sheet of each of <paramref name="tables"/> (a document's tables in order), as the workbook names them.
    /// Tables with a short <see cref="ReportTable.Sheet"/> name keep it (unique regardless of case); the others are
    /// named from their caption.</summary>
    internal static List<string> SheetNames(IReadOnlyList<ReportTable> tables)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ProvenanceSheet };
        return [.. tables.Select(t => SheetName(t.Sheet ?? t.Caption, taken))];
    }

    /// <summary>Most characters of a sheet name (Excel's limit).</summary>
    public const int MostSheetName = 31;

    /// <summary>A sheet name Excel accepts: at most 31 characters, none of <c>[]:*?/\</c>, unique in the workbook
    /// regardless of case. A longer caption is named by its head (the words before a colon, a parenthesis or a dash),
    /// cut after a whole word when still too long, never inside one.</summary>
    internal static string SheetName(string caption, HashSet<string> taken)
    {
        var clean = new string(caption.Select(ch => "[]:*?/\\".Contains(ch) || char.IsControl(ch) ? ' ' : ch).ToArray()).Trim().Trim('\'').Trim();
        if (clean.Length == 0)
        {
            clean = "Table";
        }

        if (clean.Length > MostSheetName)
        {
            // The head of the caption says what the table is; the rest (the analysis's title, the basis) is detail.
            int head = caption.IndexOfAny([':', '(', ';', ',']);
            if (caption.IndexOf(" - ", StringComparison.Ordinal) is > 0 and var dash && (head < 0 || dash < head))
            {
                head = dash;
            }

            if (head > 0)
            {
                string shorter = new string(caption[..head].Select(ch => "[]:*?/\\".Contains(ch) || char.IsControl(ch) ? ' ' : ch).ToArray()).Trim().Trim('\'').Trim();
                if (shorter.Length > 0)
                {
                    clean = shorter;
                }
            }
        }

        clean = string.Join(' ', clean.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        string name = Words(clean, MostSheetName);
        for (int n = 2; !taken.Add(name); n++)
        {
            string suffix = $" ({n})";
            name = Words(clean, MostSheetName - suffix.Length) + suffix;
        }

        return name;
    }

    /// <summary><paramref name="text"/> cut to at most <paramref name="most"/> characters after a whole word (inside a
    /// word only when the first word alone is longer).</summary>
    private static string Words(string text, int most)
    {
        if (text.Length <= most)
        {
            return text;
        }

        int space = text.LastIndexOf(' ', most);
        return (space > 0 ? text[..space] : text[..most]).TrimEnd(' ', ',', ';', '-', '\'');
    }
}
