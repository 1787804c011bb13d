using Stepwise.Charts;

namespace Stepwise.Reports;

/// <summary>A table with typed columns. Every row has one cell per column; numeric columns hold numbers or nothing,
/// date columns dates, so no column mixes numbers and text. Its percentage columns are written with the same decimals
/// (the most any of them asks for), so that shares side by side read alike (<c>13.0%</c> beside <c>12.4%</c>).</summary>
public sealed record ReportTable
{
    /// <summary>A table; checked so that every row fits its columns.</summary>
    /// <exception cref="ArgumentException">A row has the wrong number of cells, or a cell does not fit its column.</exception>
    public ReportTable(string caption, IReadOnlyList<TableColumn> columns, IReadOnlyList<IReadOnlyList<TableCell>> rows)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caption);
        if (columns.Count == 0)
        {
            throw new ArgumentException($"Table '{caption}' has no columns.", nameof(columns));
        }

        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r].Count != columns.Count)
            {
                throw new ArgumentException($"Row {r + 1} of table '{caption}' has {rows[r].Count} cells for {columns.Count} columns.", nameof(rows));
            }

            for (int c = 0; c < columns.Count; c++)
            {
                var kind = rows[r][c].Kind;
                bool fits = kind == TableCellKind.Empty
                    || (columns[c].IsNumeric && kind == TableCellKind.Number)
                    || (columns[c].Kind == ColumnKind.Date && kind == TableCellKind.Date)
                    || (columns[c].Kind is ColumnKind.Text or ColumnKind.Comment && kind == TableCellKind.Text);
                if (!fits)
                {
                    throw new ArgumentException($"Row {r + 1} of table '{caption}': column '{columns[c].Name}' holds {columns[c].Kind} values, not {kind}.", nameof(rows));
                }
            }
        }

        Caption = caption;
        Columns = SameShareDecimals(columns);
        Rows = rows;
    }

    /// <summary>What the table holds.</summary>
    public string Caption { get; }

    /// <summary>A short name for the table's sheet in a workbook (31 characters at most, as Excel allows), which every
    /// other format quotes when it points to the sheet; when null, the sheet is named from the caption.</summary>
    public string? Sheet
    {
        get => field;
        init => field = value is null ? null : value.Trim().Length is > 0 and <= 31 && value.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) < 0 && !value.StartsWith('\'') && !value.EndsWith('\'')
            ? value.Trim()
            : throw new ArgumentException($"'{value}' is not a sheet name: use 1 to 31 characters, none of []:*?/\\, not starting or ending with an apostrophe.", nameof(Sheet));
    }

    /// <summary>The columns.</summary>
    public IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>The rows.</summary>
    public IReadOnlyList<IReadOnlyList<TableCell>> Rows { get; }

    /// <summary>A chart's data table as a report table (durations converted back to seconds).</summary>
    public static ReportTable FromChart(ChartTable table)
    {
        var columns = table.Columns.Select(c => c.Measure is null ? TableColumn.Text(c.Header) : Column(c.Measure)).ToList();
        var rows = table.Rows.Select(r => (IReadOnlyList<TableCell>)r.Select((cell, i) => cell.IsNumber
            ? TableCell.Of(table.Columns[i].Measure?.Kind == MeasureKind.Duration ? cell.Number * TimeUnits.Seconds(table.Columns[i].Measure!.TimeUnit) : cell.Number)
            : TableCell.Of(cell.Text)).ToList()).ToList();
        return new ReportTable(table.Caption, columns, rows);
    }

    /// <summary>The columns with every percentage column at the most decimals any of them has.</summary>
    private static IReadOnlyList<TableColumn> SameShareDecimals(IReadOnlyList<TableColumn> columns)
    {
        int decimals = -1;
        bool differ = false;
        foreach (var column in columns)
        {
            if (column.Kind == ColumnKind.Percent)
            {
                differ |= decimals >= 0 && column.Decimals != decimals;
                decimals = Math.Max(decimals, column.Decimals);
            }
        }

        return differ ? [.. columns.Select(c => c.Kind == ColumnKind.Percent ? c.WithDecimals(decimals) : c)] : columns;
    }

    private static TableColumn Column(Measure m) => m.Kind switch
    {
        MeasureKind.Count => TableColumn.Count(m.Name),
        MeasureKind.Percent => TableColumn.Percent(m.Name, m.Decimals),
        MeasureKind.Duration => TableColumn.Duration(m.Name, m.TimeUnit, m.Decimals),
        MeasureKind.Currency => TableColumn.Money(m.Name, m.Unit, m.Decimals),
        _ => TableColumn.Number(m.Name, m.Decimals, m.Unit),
    };
}
