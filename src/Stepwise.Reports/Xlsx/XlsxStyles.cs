using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Stepwise.Reports.Xlsx;

/// <summary>The workbook's cell styles: a bold shaded header, a date format, and one number format per kind of
/// numeric column (decimals, thousands separators, percentages, currency), added as columns ask for them.</summary>
internal sealed class XlsxStyles
{
    private readonly List<string> _formats = [];
    private readonly Dictionary<string, uint> _styleOfFormat = new(StringComparer.Ordinal);

    public XlsxStyles()
    {
        Date = StyleFor("yyyy-mm-dd");
    }

    /// <summary>The header style.</summary>
    public uint Header => 1;

    /// <summary>The date style.</summary>
    public uint Date { get; }

    /// <summary>The style of a numeric column's cells.</summary>
    public uint For(TableColumn column)
    {
        string decimals = column.Decimals > 0 ? "." + new string('0', Math.Min(column.Decimals, 6)) : string.Empty;
        string format = column.Kind switch
        {
            ColumnKind.Count => "#,##0",
            ColumnKind.Percent => "0" + decimals + "%",
            ColumnKind.Money => CurrencyFormat(column.Unit, decimals),
            _ => "#,##0" + decimals,
        };
        return StyleFor(format);
    }

    /// <summary>The stylesheet with every style asked for.</summary>
    public Stylesheet Build()
    {
        var numberingFormats = new NumberingFormats();
        for (int i = 0; i < _formats.Count; i++)
        {
            numberingFormats.Append(new NumberingFormat { NumberFormatId = (uint)(164 + i), FormatCode = _formats[i] });
        }

        numberingFormats.Count = (uint)_formats.Count;
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
        { Count = 2 };
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDCE6F0" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
        { Count = 3 };
        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 };
        var formats = new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 0, ApplyFont = true, ApplyFill = true, Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top } });
        for (int i = 0; i < _formats.Count; i++)
        {
            formats.Append(new CellFormat { NumberFormatId = (uint)(164 + i), FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true });
        }

        formats.Count = (uint)(2 + _formats.Count);
        return new Stylesheet(numberingFormats, fonts, fills, borders, new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 }, formats);
    }

    private uint StyleFor(string format)
    {
        if (!_styleOfFormat.TryGetValue(format, out uint style))
        {
            _formats.Add(format);
            style = (uint)(2 + _formats.Count - 1);
            _styleOfFormat[format] = style;
        }

        return style;
    }

    private static string CurrencyFormat(string unit, string decimals)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            return "#,##0" + decimals;
        }

        string quoted = "\"" + unit.Replace("\"", string.Empty, StringComparison.Ordinal) + "\"";
        return unit.Length <= 2 ? quoted + "#,##0" + decimals : "#,##0" + decimals + " " + quoted;
    }
}
