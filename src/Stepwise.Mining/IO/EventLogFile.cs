using Stepwise.Mining.IO.Csv;
using Stepwise.Mining.IO.Xes;
using Stepwise.Mining.IO.Xlsx;

namespace Stepwise.Mining.IO;

/// <summary>
/// Reads and writes event log files, inferring the format from the file name (<c>.csv</c>, <c>.tsv</c>,
/// <c>.xes</c>, each optionally <c>.gz</c> or <c>.zip</c>; <c>.xlsx</c>). An import either completes or throws
/// <see cref="EventLogFormatException"/> naming the file, the position and the problem: never a silent partial log.
/// </summary>
public static class EventLogFile
{
    /// <summary>Reads the event log at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">How to read it; null for defaults.</param>
    /// <param name="progress">Receives the fraction done, between 0 and 1.</param>
    /// <param name="cancellation">Stops the import.</param>
    /// <exception cref="EventLogFormatException">The content is not a valid event log of its format.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="NotSupportedException">The format cannot be told from the name and none was given.</exception>
    public static EventLogImport Read(string path, EventLogReadOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= EventLogReadOptions.Default;
        if (Directory.Exists(path))
        {
            var logs = Directory.EnumerateFiles(path).Select(Path.GetFileName).Where(n => n is not null && IsLogName(n)).Order(StringComparer.Ordinal).Take(10).ToList();
            throw new FileNotFoundException($"'{path}' is a folder, not a file: give the log file itself" + (logs.Count > 0 ? $" (the folder holds: {string.Join(", ", logs)})." : " (the folder holds no .csv, .tsv, .xes or .xlsx file)."), path);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"There is no file '{path}'.", path);
        }

        var format = options.Format ?? EventLogFormats.Infer(path);
        string name = Path.GetFileName(path);
        EventLogImport import;
        if (format == EventLogFormat.Xes)
        {
            using var stream = InputFile.OpenStream(path, options, options.Xes.ZipEntry, out var fraction);
            import = XesLogReader.Read(stream, name, options, fraction, progress, cancellation);
        }
        else if (format == EventLogFormat.Xlsx)
        {
            using var source = XlsxSheet.Open(path, options);
            import = CsvLogReader.Read(source, name, options, progress, cancellation, "xlsx");
        }
        else
        {
            using var source = InputFile.OpenSource(path, options, options.Csv.ZipEntry);
            import = CsvLogReader.Read(source, name, options, progress, cancellation);
        }

        progress?.Report(1);
        return import;
    }

    private static bool IsLogName(string name)
    {
        try
        {
            EventLogFormats.Infer(name);
            return true;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>Writes <paramref name="log"/> to <paramref name="path"/> in the format its name implies
    /// (<c>.csv</c>, <c>.tsv</c>, <c>.xes</c>, optionally followed by <c>.gz</c>).</summary>
    public static void Write(EventLog log, string path)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var format = EventLogFormats.Infer(path);
        var compression = EventLogFormats.CompressionOf(path);
        if (compression == Compression.Zip)
        {
            throw new NotSupportedException("Writing .zip archives is not supported; write .gz instead.");
        }

        string temp = path + ".partial";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            Stream target = compression == Compression.Gzip ? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true) : file;
            try
            {
                if (format == EventLogFormat.Xes)
                {
                    XesLogWriter.Write(log, target);
                }
                else
                {
                    char delimiter = EventLogFormats.StripCompression(Path.GetFileName(path)).EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',';
                    CsvLogWriter.Write(log, target, delimiter);
                }
            }
            finally
            {
                if (!ReferenceEquals(target, file))
                {
                    target.Dispose();
                }
            }
        }

        // Replace the target only once the whole file is written.
        File.Move(temp, path, overwrite: true);
    }
}
