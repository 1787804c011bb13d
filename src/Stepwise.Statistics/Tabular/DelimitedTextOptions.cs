using System.Text;

namespace Stepwise.Statistics.Tabular;

/// <summary>How to read a delimited text file (CSV, TSV, semicolon- or pipe-separated).</summary>
public sealed record DelimitedTextOptions
{
    /// <summary>The field delimiter; <see langword="null"/> detects it from the header line (comma, tab, semicolon or pipe).</summary>
    public char? Delimiter { get; init; }

    /// <summary>The text encoding; <see langword="null"/> reads UTF-8 or UTF-16 by byte-order mark, else strict UTF-8:
    /// a byte that is not valid UTF-8 is an error naming its line and column, never a guess at another encoding.</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>Largest content accepted, in bytes after decompression (2 GiB by default): a bound on what an upload or
    /// a compressed file can make us read.</summary>
    public long MaxBytes { get; init; } = int.MaxValue;

    /// <summary>Longest value accepted, in characters (1 Mi by default): a longer value (a runaway comment, an unclosed
    /// quote swallowing the file) is never held in memory.</summary>
    public int MaxFieldChars
    {
        get => _maxFieldChars;
        init => _maxFieldChars = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The limit for one value is at least one character.");
    }

    /// <summary>Whether a value over <see cref="MaxFieldChars"/> is reported in <see cref="DelimitedTable.Oversized"/> (and
    /// its record kept with the value empty) instead of stopping the read with an error.</summary>
    public bool ReportOversizedFields { get; init; }

    /// <summary>The most records (rows after the header) a file may hold; <see langword="null"/> for no bound. A file with
    /// more is refused as soon as the reader passes the bound (never read whole), with
    /// <see cref="DelimitedTextException.LimitExceeded"/> set.</summary>
    public long? MaxRows
    {
        get => _maxRows;
        init => _maxRows = value is null or >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The row limit is at least one row.");
    }

    /// <summary>The entry to read from a zip archive that holds several files.</summary>
    public string? ZipEntry { get; init; }

    private readonly int _maxFieldChars = 1 << 20;

    private readonly long? _maxRows;
}
