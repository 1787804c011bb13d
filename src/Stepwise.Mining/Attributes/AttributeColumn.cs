namespace Stepwise.Mining.Attributes;

/// <summary>
/// One named, typed attribute over the rows of a table (cases or events), with nulls. Concrete columns are
/// <see cref="StringColumn"/>, <see cref="IntegerColumn"/>, <see cref="FloatColumn"/>,
/// <see cref="BooleanColumn"/> and <see cref="TimestampColumn"/>.
/// </summary>
public abstract class AttributeColumn
{
    private protected AttributeColumn(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>The attribute's key, e.g. <c>org:group</c> or <c>channel</c>.</summary>
    public string Name { get; }

    /// <summary>The type of the values.</summary>
    public abstract AttributeKind Kind { get; }

    /// <summary>Number of rows.</summary>
    public abstract int Count { get; }

    /// <summary>Whether the value at <paramref name="row"/> is missing.</summary>
    public abstract bool IsNull(int row);

    /// <summary>The value boxed (<see cref="string"/>, <see cref="long"/>, <see cref="double"/>,
    /// <see cref="bool"/> or <see cref="DateTime"/> in UTC), or null. Not for hot paths.</summary>
    public abstract object? GetValue(int row);

    /// <summary>The value as invariant text (ISO-8601 for timestamps, round-trip form for numbers), or null.</summary>
    public abstract string? Format(int row);

    /// <summary>A column whose row i is this column's row <c>order[i]</c>.</summary>
    public abstract AttributeColumn Gather(ReadOnlySpan<int> order);

    /// <summary>A copy of this column under another name.</summary>
    public abstract AttributeColumn Rename(string name);
}
