namespace Stepwise.Mining.Attributes;

/// <summary>The attribute columns of one table (the cases or the events of a log), all of the same length.</summary>
public sealed class AttributeTable : IReadOnlyList<AttributeColumn>
{
    private readonly AttributeColumn[] _columns;
    private readonly Dictionary<string, int> _byName;

    /// <summary>An empty table of <paramref name="rowCount"/> rows.</summary>
    public static AttributeTable Empty(int rowCount) => new(rowCount, []);

    /// <summary>Creates a table; every column must have <paramref name="rowCount"/> rows and a distinct name.</summary>
    public AttributeTable(int rowCount, IEnumerable<AttributeColumn> columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentNullException.ThrowIfNull(columns);
        _columns = [.. columns];
        _byName = new Dictionary<string, int>(_columns.Length, StringComparer.Ordinal);
        for (int i = 0; i < _columns.Length; i++)
        {
            var column = _columns[i];
            if (column.Count != rowCount)
            {
                throw new ArgumentException($"Column '{column.Name}' has {column.Count} rows; the table has {rowCount}.", nameof(columns));
            }

            if (!_byName.TryAdd(column.Name, i))
            {
                throw new ArgumentException($"Two columns are named '{column.Name}'.", nameof(columns));
            }
        }

        RowCount = rowCount;
    }

    /// <summary>Number of rows of every column.</summary>
    public int RowCount { get; }

    /// <inheritdoc />
    public int Count => _columns.Length;

    /// <inheritdoc />
    public AttributeColumn this[int index] => _columns[index];

    /// <summary>The column named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No column has that name.</exception>
    public AttributeColumn this[string name] => Find(name) ?? throw new KeyNotFoundException($"No attribute named '{name}'.");

    /// <summary>The column named <paramref name="name"/>, or null.</summary>
    public AttributeColumn? Find(string name) => _byName.TryGetValue(name, out int i) ? _columns[i] : null;

    /// <summary>Whether a column named <paramref name="name"/> exists.</summary>
    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>A table whose row i is this table's row <c>order[i]</c>.</summary>
    public AttributeTable Gather(int[] order)
    {
        var gathered = new AttributeColumn[_columns.Length];
        Parallel.For(0, _columns.Length, i => gathered[i] = _columns[i].Gather(order));
        return new AttributeTable(order.Length, gathered);
    }

    /// <inheritdoc />
    public IEnumerator<AttributeColumn> GetEnumerator() => ((IEnumerable<AttributeColumn>)_columns).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => _columns.GetEnumerator();
}
