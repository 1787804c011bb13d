namespace Stepwise.Mining.Attributes;

/// <summary>A column of unmanaged values with a null mask; the base of the numeric, boolean and timestamp columns.</summary>
/// <typeparam name="T">The stored value type.</typeparam>
public abstract class ValueColumn<T> : AttributeColumn
    where T : unmanaged
{
    private readonly T[] _values;
    private readonly NullMask? _nulls;

    private protected ValueColumn(string name, T[] values, NullMask? nulls)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (nulls is not null && nulls.Length != values.Length)
        {
            throw new ArgumentException($"The null mask of column '{name}' covers {nulls.Length} rows but the column has {values.Length}.", nameof(nulls));
        }

        _values = values;
        _nulls = nulls;
    }

    /// <summary>The raw values; the value at a null row is unspecified.</summary>
    public ReadOnlySpan<T> Values => _values;

    /// <summary>The null mask, or null when no row is null.</summary>
    public NullMask? Nulls => _nulls;

    /// <inheritdoc />
    public override int Count => _values.Length;

    /// <summary>The value at <paramref name="row"/>; check <see cref="IsNull"/> first.</summary>
    public T Get(int row) => _values[row];

    /// <summary>The value at <paramref name="row"/>, or null.</summary>
    public T? GetOrNull(int row) => IsNull(row) ? null : _values[row];

    /// <inheritdoc />
    public override bool IsNull(int row) => _nulls is not null && _nulls.IsNull(row);

    /// <inheritdoc />
    public override AttributeColumn Gather(ReadOnlySpan<int> order)
    {
        var values = new T[order.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = _values[order[i]];
        }

        return Create(Name, values, _nulls?.Gather(order));
    }

    /// <inheritdoc />
    public override AttributeColumn Rename(string name) => Create(name, _values, _nulls);

    private protected abstract ValueColumn<T> Create(string name, T[] values, NullMask? nulls);
}

/// <summary>A column of 64-bit integers.</summary>
public sealed class IntegerColumn(string name, long[] values, NullMask? nulls = null) : ValueColumn<long>(name, values, nulls)
{
    /// <inheritdoc />
    public override AttributeKind Kind => AttributeKind.Integer;

    /// <inheritdoc />
    public override object? GetValue(int row) => IsNull(row) ? null : Get(row);

    /// <inheritdoc />
    public override string? Format(int row) => IsNull(row) ? null : Get(row).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private protected override ValueColumn<long> Create(string name, long[] values, NullMask? nulls) => new IntegerColumn(name, values, nulls);
}

/// <summary>A column of double-precision numbers.</summary>
public sealed class FloatColumn(string name, double[] values, NullMask? nulls = null) : ValueColumn<double>(name, values, nulls)
{
    /// <inheritdoc />
    public override AttributeKind Kind => AttributeKind.Float;

    /// <inheritdoc />
    public override object? GetValue(int row) => IsNull(row) ? null : Get(row);

    /// <inheritdoc />
    public override string? Format(int row) => IsNull(row) ? null : Get(row).ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private protected override ValueColumn<double> Create(string name, double[] values, NullMask? nulls) => new FloatColumn(name, values, nulls);
}

/// <summary>A column of booleans.</summary>
public sealed class BooleanColumn(string name, bool[] values, NullMask? nulls = null) : ValueColumn<bool>(name, values, nulls)
{
    /// <inheritdoc />
    public override AttributeKind Kind => AttributeKind.Boolean;

    /// <inheritdoc />
    public override object? GetValue(int row) => IsNull(row) ? null : Get(row);

    /// <inheritdoc />
    public override string? Format(int row) => IsNull(row) ? null : (Get(row) ? "true" : "false");

    private protected override ValueColumn<bool> Create(string name, bool[] values, NullMask? nulls) => new BooleanColumn(name, values, nulls);
}

/// <summary>A column of instants stored as UTC ticks.</summary>
public sealed class TimestampColumn(string name, long[] values, NullMask? nulls = null) : ValueColumn<long>(name, values, nulls)
{
    /// <inheritdoc />
    public override AttributeKind Kind => AttributeKind.Timestamp;

    /// <inheritdoc />
    public override object? GetValue(int row) => IsNull(row) ? null : Time.Timestamp.ToDateTime(Get(row));

    /// <inheritdoc />
    public override string? Format(int row) => IsNull(row) ? null : Time.Timestamp.Format(Get(row));

    private protected override ValueColumn<long> Create(string name, long[] values, NullMask? nulls) => new TimestampColumn(name, values, nulls);
}
