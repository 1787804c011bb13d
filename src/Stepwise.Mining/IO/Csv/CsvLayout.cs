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

    public int FieldCount => Header.Length;

    public long MaxRowBytes => Math.Max(4L * MaxFieldBytes, 64L << 20);

    private int MaxMarkerLength => MissingMarkers.Length == 0 ? -1 : MissingMarkers.Max(m => m.Length);

    private int? _maxMarker;

    /// <summary>Whether an unquoted field is one of the missing markers (ignoring surrounding spaces).</summary>
    public bool IsMissing(ReadOnlySpan<byte> value, bool quoted)
    {
        if (quoted)
        {
            return false;
        }

        _maxMarker ??= MaxMarkerLength;
        if (value.Length > _maxMarker.Value + 4)
        {
            return false;
        }

        value = value.Trim((byte)' ');
        foreach (var marker in MissingMarkers)
        {
            if (value.SequenceEqual(marker))
            {
                return true;
            }
        }

        return false;
    }

    public static byte[][] Markers(IEnumerable<string> markers) => [.. markers.Select(m => Encoding.UTF8.GetBytes(m.Trim()))];
}
