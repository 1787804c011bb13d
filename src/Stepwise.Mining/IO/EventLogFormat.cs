namespace Stepwise.Mining.IO;

/// <summary>File formats of event logs.</summary>
public enum EventLogFormat
{
    /// <summary>Delimited text (comma, semicolon, tab, pipe), optionally gzip- or zip-compressed.</summary>
    Csv,

    /// <summary>IEEE 1849 XES, optionally gzip- or zip-compressed.</summary>
    Xes,

    /// <summary>An Excel workbook (.xlsx): one sheet read as a table, like delimited text.</summary>
    Xlsx,
}

/// <summary>Infers formats and compression from file names.</summary>
public static class EventLogFormats
{
    /// <summary>The format of <paramref name="path"/> from its extension (<c>.csv</c>, <c>.tsv</c>, <c>.txt</c>,
    /// <c>.xes</c>, each optionally followed by <c>.gz</c> or <c>.zip</c>; <c>.xlsx</c>).</summary>
    /// <exception cref="NotSupportedException">The extension is not one of those.</exception>
    public static EventLogFormat Infer(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string name = StripCompression(Path.GetFileName(path)).ToLowerInvariant();
        if (name.EndsWith(".xes", StringComparison.Ordinal) || name.EndsWith(".xes.xml", StringComparison.Ordinal))
        {
            return EventLogFormat.Xes;
        }

        if (name.EndsWith(".xlsx", StringComparison.Ordinal))
        {
            return EventLogFormat.Xlsx;
        }

        if (name.EndsWith(".csv", StringComparison.Ordinal) || name.EndsWith(".tsv", StringComparison.Ordinal) || name.EndsWith(".txt", StringComparison.Ordinal) || name.EndsWith(".tab", StringComparison.Ordinal))
        {
            return EventLogFormat.Csv;
        }

        throw new NotSupportedException($"Cannot tell the format of '{Path.GetFileName(path)}' from its name: expected .csv, .tsv, .txt or .xes, optionally followed by .gz or .zip, or .xlsx.");
    }

    /// <summary>The compression of <paramref name="path"/>: gzip, zip or none.</summary>
    public static Compression CompressionOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string name = path.ToLowerInvariant();
        return name.EndsWith(".gz", StringComparison.Ordinal) ? Compression.Gzip
            : name.EndsWith(".zip", StringComparison.Ordinal) ? Compression.Zip
            : Compression.None;
    }

    internal static string StripCompression(string name)
    {
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return name[..^3];
        }

        return name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
    }
}

/// <summary>Compression of an input file.</summary>
public enum Compression
{
    /// <summary>Plain file.</summary>
    None,

    /// <summary>gzip (.gz).</summary>
    Gzip,

    /// <summary>A zip archive holding the log (.zip).</summary>
    Zip,
}
