namespace Stepwise.Mining.Attributes;

/// <summary>A dictionary-encoded text column: each row holds a code into <see cref="Values"/>, or -1 for null.</summary>
public sealed class StringColumn : AttributeColumn
{
    private readonly int[] _codes;

    /// <summary>Creates a column from codes into <paramref name="values"/>; -1 marks a null.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A code is below -1 or not a valid index of <paramref name="values"/>.</exception>
    public StringColumn(string name, int[] codes, NameTable values)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(values);
        foreach (var code in codes)
        {
            if (code < -1 || code >= values.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(codes), $"Code {code} is outside the dictionary of {values.Count} values of column '{name}'.");
            }
        }

        _codes = codes;
        _count = codes.Length;
        Values = values;
    }

    private StringColumn(string name, int[] codes, NameTable values, bool trusted, int count = -1)
        : base(name)
    {
        _ = trusted;
        _codes = codes;
        _count = count < 0 ? codes.Length : count;
        Values = values;
    }

    private readonly int _count;

    /// <summary>A column over the first <paramref name="count"/> codes of <paramref name="codes"/>, unchecked (for readers).</summary>
    internal static StringColumn Trusted(string name, int[] codes, NameTable values, int count = -1) => new(name, codes, values, true, count);

    /// <summary>The distinct values, indexed by code.</summary>
    public NameTable Values { get; }

    /// <summary>The code of each row (-1 for null).</summary>
    public ReadOnlySpan<int> Codes => _codes.AsSpan(0, _count);

    /// <inheritdoc />
    public override AttributeKind Kind => AttributeKind.String;

    /// <inheritdoc />
    public override int Count => _count;

    /// <summary>The code of a row, -1 for null.</summary>
    public int GetCode(int row) => _codes[row];

    /// <summary>The text of a row, or null.</summary>
    public string? GetString(int row)
    {
        int code = _codes[row];
        return code < 0 ? null : Values[code];
    }

    /// <inheritdoc />
    public override bool IsNull(int row) => _codes[row] < 0;

    /// <inheritdoc />
    public override object? GetValue(int row) => GetString(row);

    /// <inheritdoc />
    public override string? Format(int row) => GetString(row);

    /// <inheritdoc />
    public override AttributeColumn Gather(ReadOnlySpan<int> order)
    {
        var codes = new int[order.Length];
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = _codes[order[i]];
        }

        return new StringColumn(Name, codes, Values, true);
    }

    /// <inheritdoc />
    public override AttributeColumn Rename(string name) => new StringColumn(name, _codes, Values, true, _count);
}
