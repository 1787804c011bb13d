using System.Globalization;
using System.Text;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.Time;

namespace Stepwise.Mining.Assembly;

/// <summary>
/// Accumulates one attribute column row by row, with nulls for rows never set. The kind is that of the first
/// value; an integer column widens to float when a float arrives, and any other mix of kinds falls back to text
/// (values already stored are formatted), so no value is ever lost. Text is interned from UTF-8 bytes.
/// </summary>
internal sealed class ColumnBuilder
{
    private AttributeKind? _kind;
    private long[] _longs = [];
    private double[] _doubles = [];
    private bool[] _bools = [];
    private int[] _codes = [];
    private bool[] _present = [];
    private readonly Utf8Interner _values = new();
    private int _count;

    public ColumnBuilder(string name) => Name = name;

    public string Name { get; }

    public int Count => _count;

    public AttributeKind? Kind => _kind;

    public void SetString(int row, string value)
    {
        Prepare(row, AttributeKind.String);
        _codes[row] = _values.Intern(value);
        _present[row] = true;
    }

    public void SetUtf8(int row, ReadOnlySpan<byte> value)
    {
        Prepare(row, AttributeKind.String);
        _codes[row] = _values.Intern(value);
        _present[row] = true;
    }

    public void SetInteger(int row, long value)
    {
        if (_kind == AttributeKind.Float)
        {
            SetFloat(row, value);
            return;
        }

        Prepare(row, AttributeKind.Integer);
        if (_kind == AttributeKind.String)
        {
            _codes[row] = _values.Intern(value.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            _longs[row] = value;
        }

        _present[row] = true;
    }

    public void SetFloat(int row, double value)
    {
        if (_kind == AttributeKind.Integer)
        {
            Widen();
        }

        Prepare(row, AttributeKind.Float);
        if (_kind == AttributeKind.String)
        {
            _codes[row] = _values.Intern(value.ToString("R", CultureInfo.InvariantCulture));
        }
        else
        {
            _doubles[row] = value;
        }

        _present[row] = true;
    }

    public void SetBoolean(int row, bool value)
    {
        Prepare(row, AttributeKind.Boolean);
        if (_kind == AttributeKind.String)
        {
            _codes[row] = _values.Intern(value ? "true" : "false");
        }
        else
        {
            _bools[row] = value;
        }

        _present[row] = true;
    }

    public void SetTimestamp(int row, long ticks)
    {
        Prepare(row, AttributeKind.Timestamp);
        if (_kind == AttributeKind.String)
        {
            _codes[row] = _values.Intern(Timestamp.Format(ticks));
        }
        else
        {
            _longs[row] = ticks;
        }

        _present[row] = true;
    }

    /// <summary>Makes a row null again (used when an event is left out after some of its values were set).</summary>
    public void Clear(int row)
    {
        if (row < _present.Length)
        {
            _present[row] = false;
        }
    }

    /// <summary>Sets a value of any supported CLR type; null leaves the row null.</summary>
    public void SetObject(int row, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case string s:
                SetString(row, s);
                break;
            case bool b:
                SetBoolean(row, b);
                break;
            case int i:
                SetInteger(row, i);
                break;
            case long l:
                SetInteger(row, l);
                break;
            case double d:
                SetFloat(row, d);
                break;
            case float f:
                SetFloat(row, f);
                break;
            case decimal m:
                SetFloat(row, (double)m);
                break;
            case DateTime dt:
                SetTimestamp(row, dt.Kind == DateTimeKind.Local ? dt.ToUniversalTime().Ticks : dt.Ticks);
                break;
            case DateTimeOffset dto:
                SetTimestamp(row, dto.UtcTicks);
                break;
            default:
                SetString(row, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
                break;
        }
    }

    public AttributeColumn Build(int length)
    {
        if (_kind is null)
        {
            var empty = new int[length];
            empty.AsSpan().Fill(-1);
            return StringColumn.Trusted(Name, empty, NameTable.Empty);
        }

        EnsureCapacity(length);
        NullMask? nulls = null;
        for (int i = 0; i < length; i++)
        {
            if (!_present[i])
            {
                nulls ??= new NullMask(length);
                nulls.SetNull(i);
            }
        }

        switch (_kind.Value)
        {
            case AttributeKind.String:
                {
                    var codes = _codes.AsSpan(0, length).ToArray();
                    if (nulls is not null)
                    {
                        for (int i = 0; i < length; i++)
                        {
                            if (!_present[i])
                            {
                                codes[i] = -1;
                            }
                        }
                    }

                    return StringColumn.Trusted(Name, codes, _values.ToNameTable());
                }

            case AttributeKind.Integer:
                return new IntegerColumn(Name, _longs.AsSpan(0, length).ToArray(), nulls);
            case AttributeKind.Float:
                return new FloatColumn(Name, _doubles.AsSpan(0, length).ToArray(), nulls);
            case AttributeKind.Boolean:
                return new BooleanColumn(Name, _bools.AsSpan(0, length).ToArray(), nulls);
            default:
                return new TimestampColumn(Name, _longs.AsSpan(0, length).ToArray(), nulls);
        }
    }

    private void Prepare(int row, AttributeKind kind)
    {
        if (_kind is null)
        {
            _kind = kind;
        }
        else if (_kind != kind && _kind != AttributeKind.String)
        {
            FallBackToText();
        }

        EnsureCapacity(row + 1);
        if (row >= _count)
        {
            _count = row + 1;
        }
    }

    private void EnsureCapacity(int length)
    {
        if (_present.Length >= length)
        {
            return;
        }

        int capacity = (int)Math.Min(Array.MaxLength, Math.Max(length, Math.Max(16L, _present.Length * 2L)));
        Array.Resize(ref _present, capacity);
        switch (_kind)
        {
            case AttributeKind.Integer:
            case AttributeKind.Timestamp:
                Array.Resize(ref _longs, capacity);
                break;
            case AttributeKind.Float:
                Array.Resize(ref _doubles, capacity);
                break;
            case AttributeKind.Boolean:
                Array.Resize(ref _bools, capacity);
                break;
            case AttributeKind.String:
                Array.Resize(ref _codes, capacity);
                break;
            default:
                break;
        }
    }

    private void Widen()
    {
        _doubles = new double[_present.Length];
        for (int i = 0; i < _count; i++)
        {
            _doubles[i] = _longs[i];
        }

        _longs = [];
        _kind = AttributeKind.Float;
    }

    private void FallBackToText()
    {
        var codes = new int[_present.Length];
        for (int i = 0; i < _count; i++)
        {
            if (!_present[i])
            {
                continue;
            }

            string text = _kind switch
            {
                AttributeKind.Integer => _longs[i].ToString(CultureInfo.InvariantCulture),
                AttributeKind.Float => _doubles[i].ToString("R", CultureInfo.InvariantCulture),
                AttributeKind.Boolean => _bools[i] ? "true" : "false",
                _ => Timestamp.Format(_longs[i]),
            };
            codes[i] = _values.Intern(Encoding.UTF8.GetBytes(text));
        }

        _codes = codes;
        _longs = [];
        _doubles = [];
        _bools = [];
        _kind = AttributeKind.String;
    }
}
