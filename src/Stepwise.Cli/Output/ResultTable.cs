namespace Stepwise.Cli.Output;

/// <summary>A column of a <see cref="ResultTable"/>: its key (snake_case, used in CSV headers and JSON) and how to show it.</summary>
/// <param name="Key">Column key, e.g. <c>mean_seconds</c>.</param>
/// <param name="Kind">How values are shown in tables.</param>
/// <param name="Header">Header shown in tables; defaults to the key.</param>
/// <param name="Decimals">Decimals shown in tables for numbers.</param>
/// <param name="Missing">What tables show for a missing value (null) in this column, e.g. "not costed"; "-" by default.
/// CSV and JSON carry null.</param>
public sealed record ResultColumn(string Key, CellKind Kind = CellKind.Text, string? Header = null, int Decimals = 2, string? Missing = null);

/// <summary>A titled table of rows, the unit every command prints.</summary>
public sealed class ResultTable
{
    private readonly List<object?[]> _rows = [];

    /// <summary>Creates a table with the given columns.</summary>
    public ResultTable(string name, IEnumerable<ResultColumn> columns, string? title = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Columns = [.. columns];
        Title = title;
    }

    /// <summary>The table's key in JSON output when a report has several tables.</summary>
    public string Name { get; }

    /// <summary>A title printed above the table in text output.</summary>
    public string? Title { get; }

    /// <summary>The columns.</summary>
    public IReadOnlyList<ResultColumn> Columns { get; }

    /// <summary>The rows, each with one value per column.</summary>
    public IReadOnlyList<object?[]> Rows => _rows;

    /// <summary>Lines printed under the table in text output (notes, caveats), and included in JSON.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Adds a row.</summary>
    /// <exception cref="ArgumentException">The row does not have one value per column.</exception>
    public ResultTable Add(params object?[] values)
    {
        if (values.Length != Columns.Count)
        {
            throw new ArgumentException($"Table '{Name}' has {Columns.Count} columns; a row has {values.Length} values.", nameof(values));
        }

        _rows.Add(values);
        return this;
    }
}

/// <summary>
/// A record of named values (e.g. a summary), shown as two columns in tables, as key/value rows in CSV
/// and as one object in JSON.
/// </summary>
public sealed class ResultRecord
{
    private readonly List<(ResultColumn Field, object? Value)> _fields = [];

    /// <summary>Creates an empty record.</summary>
    public ResultRecord(string name, string? title = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Title = title;
    }

    /// <summary>The record's key in JSON output when a report has several parts.</summary>
    public string Name { get; }

    /// <summary>A title printed above the record in text output.</summary>
    public string? Title { get; }

    /// <summary>The fields in order.</summary>
    public IReadOnlyList<(ResultColumn Field, object? Value)> Fields => _fields;

    /// <summary>Adds a field.</summary>
    public ResultRecord Add(string key, object? value, CellKind kind = CellKind.Text, string? label = null, int decimals = 2)
    {
        _fields.Add((new ResultColumn(key, kind, label, decimals), value));
        return this;
    }
}

/// <summary>What a command prints: one or more records and tables, in order.</summary>
public sealed class Report
{
    /// <summary>The parts, each a <see cref="ResultTable"/> or a <see cref="ResultRecord"/>.</summary>
    public List<object> Parts { get; } = [];

    /// <summary>Adds a part.</summary>
    public Report Add(ResultTable table)
    {
        Parts.Add(table);
        return this;
    }

    /// <summary>Adds a part.</summary>
    public Report Add(ResultRecord record)
    {
        Parts.Add(record);
        return this;
    }
}
