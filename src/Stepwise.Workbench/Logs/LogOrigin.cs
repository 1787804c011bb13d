namespace Stepwise.Workbench.Logs;

/// <summary>Where a log came from and how it was read: a file just read, or a review's stored data source.</summary>
/// <param name="File">The file name (without folders).</param>
/// <param name="Format">csv or xes.</param>
/// <param name="RowsRead">Rows (events) read from the file.</param>
/// <param name="RowsSkipped">Unreadable rows left out.</param>
/// <param name="Mapping">Which columns or attributes became case, activity, timestamps, resource.</param>
/// <param name="Encoding">The text encoding, for CSV.</param>
/// <param name="Sha256">The SHA-256 of the file, when known (stored data sources).</param>
/// <param name="Lifecycle">How lifecycle transitions were read into steps, in words.</param>
/// <param name="Suspensions">Suspensions (suspend to resume) left out of service time.</param>
public sealed record LogOrigin(string File, string Format, long RowsRead, long RowsSkipped, IReadOnlyList<string> Mapping, string? Encoding, string? Sha256 = null, string? Lifecycle = null, long Suspensions = 0)
{
    /// <summary>The origin recorded in an import's provenance.</summary>
    public static LogOrigin Of(string file, ImportProvenance provenance, string? sha256 = null)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        var d = provenance.Detected;
        return new LogOrigin(file, d.Format, d.RowsRead, d.RowsSkipped, d.Mapping, d.Encoding, sha256, d.Lifecycle, d.Suspensions);
    }
}
