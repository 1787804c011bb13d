using Stepwise.Mining.IO.Csv;
using Stepwise.Mining.IO.Xes;

namespace Stepwise.Mining.IO;

/// <summary>
/// Reads and writes event log files, inferring the format from the file name (<c>.csv</c>, <c>.tsv</c>,
/// <c>.xes</c>, each optionally <c>.gz</c> or <c>.zip</c>). An import either completes or throws
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
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"There is no file '{path}'.", path);
        }

        var format = options.Format ?? EventLogFormats.Infer(path);
        string name = Path.GetFileName(path);
        if (format == EventLogFormat.Xes)
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            long length = file.Length;
            using var stream = InputFile.Wrap(file, path, options.MaxExpandedBytes, options.Xes.ZipEntry);
            var result = XesLogReader.Read(stream, name, options, () => length == 0 ? 1 : (double)file.Position / length, progress, cancellation);
            progress?.Report(1);
            return result;
        }

        using var source = InputFile.OpenRandomAccess(path, options.MaxExpandedBytes, options.Csv.ZipEntry);
        var import = CsvLogReader.Read(source, name, options, progress, cancellation);
        progress?.Report(1);
        return import;
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
