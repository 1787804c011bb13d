using System.Text;
using Stepwise.Mining.Time;

namespace Stepwise.Mining.IO.Csv;

/// <summary>What the header and a sample of rows say about a delimited file; shared read-only by chunk parsers.</summary>
internal sealed class CsvLayout
{
    public required string File { get; init; }

    public required byte Delimiter { get; init; }

    public required string[] Header { get; init; }

    public required int CaseField { get; init; }

    public required int ActivityField { get; init; }

    public required int TimeField { get; init; }

    public int StartField { get; init; } = -1;

    public int ResourceField { get; init; } = -1;

    /// <summary>Field index of each attribute column (includes lifecycle and case-attribute columns).</summary>
    public required int[] AttributeFields { get; init; }

    public required TimestampFormat TimeFormat { get; init; }

    public TimestampFormat? StartFormat { get; init; }

    public required byte[][] MissingMarkers { get; init; }

    public required int MaxFieldBytes { get; init; }

    /// <summary>The option names, for messages.</summary>
    public ReadOptionNames Names { get; init; } = ReadOptionNames.CommandLine;

    public int FieldCount => Header.Length;

    public long MaxRowBytes => Math.Max(4L * MaxFieldBytes, 64L << 20);

    private bool[]? _firstBytes;
    private int _maxMarker = -1;
    private bool _emptyIsMissing;

    /// <summary>Whether an unquoted field is one of the missing markers (ignoring surrounding spaces).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool IsMissing(ReadOnlySpan<byte> value, bool quoted)
    {
        if (quoted)
        {
            return false;
        }

        var first = _firstBytes ??= BuildFilter();
        if (value.IsEmpty)
        {
            return _emptyIsMissing;
        }

        // Most values cannot be a marker: their first byte starts none, or they are too long.
        if (!first[value[0]] || value.Length > _maxMarker + 4)
        {
            return false;
        }

        return IsMarker(value);
    }

    /// <summary>
    /// <paramref name="value"/> without the spaces before and after it. (A loop: the framework's trim, generic over
    /// bytes, is compiled on first use at every start.)
    /// </summary>
    internal static ReadOnlySpan<byte> TrimSpaces(ReadOnlySpan<byte> value)
    {
        int start = 0, end = value.Length;
        while (start < end && value[start] == (byte)' ')
        {
            start++;
        }

        while (end > start && value[end - 1] == (byte)' ')
        {
            end--;
        }

        return value[start..end];
    }

    private bool IsMarker(ReadOnlySpan<byte> value)
    {
        value = TrimSpaces(value);
        foreach (var marker in MissingMarkers)
        {
            if (value.SequenceEqual(marker))
            {
                return true;
            }
        }

        return false;
    }

    private bool[] BuildFilter()
    {
        var filter = new bool[256];
        filter[' '] = true;
        foreach (var marker in MissingMarkers)
        {
            if (marker.Length == 0)
            {
                _emptyIsMissing = true;
            }
            else
            {
                filter[marker[0]] = true;
            }

            _maxMarker = Math.Max(_maxMarker, marker.Length);
        }

        return filter;
    }

    public static byte[][] Markers(IEnumerable<string> markers) => [.. markers.Select(m => Encoding.UTF8.GetBytes(m.Trim()))];
}
