using System.Text;

namespace Stepwise.Statistics.Tabular;

/// <summary>How to read a delimited text file (CSV, TSV, semicolon- or pipe-separated).</summary>
public sealed record DelimitedTextOptions
{
    /// <summary>The field delimiter; <see langword="null"/> detects it from the header line (comma, tab, semicolon or pipe).</summary>
    public char? Delimiter { get; init; }

    /// <summary>The text encoding; <see langword="null"/> detects UTF-8 or UTF-16 by byte-order mark, then UTF-8, and falls
    /// back to Latin-1 when the bytes are not valid UTF-8.</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>Largest file accepted, in bytes (2 GiB by default): a bound on what an upload can make us hold in memory.</summary>
    public long MaxBytes { get; init; } = int.MaxValue;
}
