using Stepwise.Mining.IO;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Logs;

/// <summary>Reads event log files with a <see cref="LogReadRequest"/>, and records how they were read.</summary>
public static class LogFiles
{
    /// <summary>Reads the log at <paramref name="path"/>.</summary>
    /// <exception cref="StepwiseException">A field of the request is not valid.</exception>
    /// <exception cref="EventLogFormatException">The file cannot be read: file, line, column and reason.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static LogFileRead Read(string path, LogReadRequest request, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(request);
        var options = request.ToReadOptions();
        var import = EventLogFile.Read(path, options, progress, cancellationToken);
        var provenance = ImportProvenance.Of(request, import.Report);
        return new LogFileRead(import, provenance, LogOrigin.Of(import.Report.File, provenance));
    }
}

/// <summary>A log read from a file: the log with the reader's report, how it was read, and where it came from.</summary>
/// <param name="Import">The log and the reader's report.</param>
/// <param name="Provenance">The options asked for and what was detected.</param>
/// <param name="Origin">The file, format, rows and mapping.</param>
public sealed record LogFileRead(EventLogImport Import, ImportProvenance Provenance, LogOrigin Origin);
