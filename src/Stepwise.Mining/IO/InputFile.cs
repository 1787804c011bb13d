using Stepwise.Mining.IO.Archives;
using Stepwise.Mining.IO.Sources;

namespace Stepwise.Mining.IO;

/// <summary>
/// Opens an input file, plain or compressed, as its content: a stream for sequential readers (XES), or a
/// <see cref="ByteSource"/> for the CSV reader (the file itself when plain, else the content streamed as it is
/// decompressed, never inflated whole). Compressed content is held to the expansion limits and checked at its end
/// (gzip: every member complete; zip: sizes and CRC-32).
/// </summary>
internal static class InputFile
{
    /// <summary>The content of <paramref name="path"/> as a stream; <paramref name="fraction"/> tells how much of
    /// the file has been read (for progress).</summary>
    public static Stream OpenStream(string path, EventLogReadOptions options, string? zipEntry, out Func<double> fraction)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        long length = Math.Max(1, file.Length);
        string name = Path.GetFileName(path);
        try
        {
            switch (EventLogFormats.CompressionOf(path))
            {
                case Compression.Gzip:
                    {
                        var content = GzipInput.Open(file, name, Limits(options));
                        fraction = () => Math.Min(1, content.CompressedRead / (double)length);
                        return content;
                    }

                case Compression.Zip:
                    {
                        var archive = ZipInput.Open(file, name);
                        try
                        {
                            var entry = ChooseEntry(archive, name, zipEntry, options.Names);
                            var content = archive.OpenEntry(entry, Limits(options));
                            long compressed = Math.Max(1, entry.CompressedSize);
                            fraction = () => Math.Min(1, content.CompressedRead / (double)compressed);
                            return new OwningStream(content, archive);
                        }
                        catch
                        {
                            archive.Dispose();
                            throw;
                        }
                    }

                default:
                    fraction = () => Math.Min(1, file.Position / (double)length);
                    return file;
            }
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The content of <paramref name="path"/> by offset: the file itself when plain, else streamed.</summary>
    public static ByteSource OpenSource(string path, EventLogReadOptions options, string? zipEntry)
    {
        if (EventLogFormats.CompressionOf(path) == Compression.None)
        {
            return new FileByteSource(path);
        }

        var stream = OpenStream(path, options, zipEntry, out var fraction);
        return new StreamedByteSource(stream, fraction, (stream as Archives.ExpansionGuardStream)?.DeclaredLength);
    }

    /// <summary>The limits of <paramref name="options"/>.</summary>
    public static ExpansionLimits Limits(EventLogReadOptions options) => new(options.MaxExpandedBytes, options.MaxCompressionRatio, options.Names.MaxExpanded);

    /// <summary>The entry to read: the one named, else the only log file (or the only file) in the archive.</summary>
    public static ZipEntryInfo ChooseEntry(ZipInput archive, string name, string? zipEntry, ReadOptionNames names)
    {
        // Skip folders and the resource-fork files some archivers add (__MACOSX/, ._name).
        var entries = archive.Entries.Where(e => !e.IsFolder && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal) && !e.Name.StartsWith("._", StringComparison.Ordinal)).ToList();
        string List(IEnumerable<ZipEntryInfo> list) => string.Join(", ", list.Take(20).Select(e => ZipInput.Printable(e.FullName))) + (entries.Count > 20 ? $" and {entries.Count - 20} more" : string.Empty);
        if (zipEntry is not null)
        {
            return entries.FirstOrDefault(e => string.Equals(e.FullName, zipEntry, StringComparison.Ordinal))
                ?? entries.FirstOrDefault(e => string.Equals(e.Name, zipEntry, StringComparison.Ordinal))
                ?? throw new EventLogFormatException(name, new ImportIssue(null, null, null, $"the archive has no entry '{ZipInput.Printable(zipEntry)}' ({names.ZipEntry}); it holds: {List(entries)}."));
        }

        var logs = entries.Where(e => IsLogName(e.Name)).ToList();
        var entry = logs.Count == 1 ? logs[0] : entries.Count == 1 ? entries[0] : null;
        return entry ?? throw new EventLogFormatException(name, new ImportIssue(null, null, null, entries.Count == 0
            ? "the archive holds no files."
            : $"the archive holds {entries.Count} files ({List(entries)}); name the one to read with {names.ZipEntry}."));
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

    /// <summary>A stream that also disposes the archive it was opened from.</summary>
    private sealed class OwningStream(Stream inner, IDisposable owner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => inner.Position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                owner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
