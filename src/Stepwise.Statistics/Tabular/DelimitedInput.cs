using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace Stepwise.Statistics.Tabular;

/// <summary>
/// Opens a delimited file, plain or compressed (<c>.gz</c>, <c>.zip</c>, told by the name or by the first bytes), as a
/// stream of its content that refuses to expand beyond a limit and refuses damaged or truncated compressed data
/// (which .NET's decompressors otherwise end silently): a gzip file's members must all be complete, a zip entry must
/// have its declared length and CRC-32.
/// </summary>
internal static class DelimitedInput
{
    /// <summary>Opens <paramref name="path"/> for sequential reading of its content.</summary>
    /// <exception cref="DelimitedTextException">A folder, an archive with no single delimited file, or a size over the limit.</exception>
    public static Stream Open(string path, long maxBytes, string? zipEntry = null)
    {
        string name = Path.GetFileName(path);
        if (Directory.Exists(path))
        {
            throw new DelimitedTextException(path, 0, null, "this is a folder; a delimited file (CSV, TSV, or one inside .gz or .zip) was expected");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: there is no such file.", path);
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            Span<byte> magic = stackalloc byte[4];
            int got = file.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
            file.Seek(0, SeekOrigin.Begin);
            bool gzip = got >= 2 && magic[0] == 0x1F && magic[1] == 0x8B;
            bool zip = got >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
            if (gzip)
            {
                return OpenGzip(file, path, name, maxBytes);
            }

            if (zip)
            {
                return OpenZip(file, name, maxBytes, zipEntry);
            }

            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                throw new DelimitedTextException(name, 0, null, $"the name says {Path.GetExtension(path)} but the file does not start as one (it is damaged, or not compressed at all)");
            }

            if (file.Length > maxBytes)
            {
                throw new DelimitedTextException(name, 0, null, string.Create(CultureInfo.InvariantCulture, $"the file has {file.Length:N0} bytes; at most {maxBytes:N0} are accepted"));
            }

            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static Stream OpenGzip(FileStream file, string path, string name, long maxBytes)
    {
        uint? lastSize = null;
        if (file.Length >= 18)
        {
            Span<byte> trailer = stackalloc byte[4];
            file.Seek(-4, SeekOrigin.End);
            file.ReadExactly(trailer);
            file.Seek(0, SeekOrigin.Begin);
            lastSize = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        }

        var gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: false);
        return new CheckedStream(gzip, name, maxBytes, total =>
        {
            // One member: its trailer records the size. Several members (cat a.gz b.gz) or trailing padding: walk them.
            if (lastSize == (uint)total)
            {
                return null;
            }

            return GzipMembers.Problem(path, total);
        });
    }

    private static Stream OpenZip(FileStream file, string name, long maxBytes, string? zipEntry)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException)
        {
            throw new DelimitedTextException(name, 0, null, "not a readable zip archive (truncated or damaged)");
        }

        try
        {
            var entries = archive.Entries.Where(e => !string.IsNullOrEmpty(e.Name) && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal) && !e.Name.StartsWith("._", StringComparison.Ordinal)).ToList();
            ZipArchiveEntry? entry;
            if (zipEntry is not null)
            {
                entry = entries.FirstOrDefault(e => e.FullName == zipEntry || e.Name == zipEntry)
                    ?? throw new DelimitedTextException(name, 0, null, $"the archive has no entry '{zipEntry}'; it holds: {string.Join(", ", entries.Select(e => e.FullName))}");
            }
            else
            {
                var delimited = entries.Where(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || e.Name.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) || e.Name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)).ToList();
                entry = delimited.Count == 1 ? delimited[0] : entries.Count == 1 ? entries[0]
                    : throw new DelimitedTextException(name, 0, null, $"the archive holds {entries.Count} files ({string.Join(", ", entries.Take(10).Select(e => e.FullName))}); one delimited file was expected");
            }

            if (entry.Length > maxBytes)
            {
                throw new DelimitedTextException(name, 0, null, string.Create(CultureInfo.InvariantCulture, $"'{entry.FullName}' expands to {entry.Length:N0} bytes; at most {maxBytes:N0} are accepted"));
            }

            long expected = entry.Length;
            uint crc = entry.Crc32;
            var checker = new Crc32();
            return new CheckedStream(entry.Open(), name, maxBytes, total =>
                total != expected ? string.Create(CultureInfo.InvariantCulture, $"'{entry.FullName}' ends early: {total:N0} of {expected:N0} bytes (the archive is truncated or damaged)")
                : checker.Value != crc ? $"'{entry.FullName}' is damaged: its CRC-32 does not match the archive's record"
                : null, archive, checker);
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A read-only stream over decompressed data that refuses to expand beyond a limit, turns decompressor errors into
    /// errors naming the file, and checks at the end that all the data was there.
    /// </summary>
    private sealed class CheckedStream(Stream inner, string name, long maxBytes, Func<long, string?> checkAtEnd, IDisposable? owner = null, Crc32? crc = null) : Stream
    {
        private long _total;
        private bool _checked;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _total;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n;
            try
            {
                n = inner.Read(buffer);
            }
            catch (InvalidDataException)
            {
                throw new DelimitedTextException(name, 0, null, string.Create(CultureInfo.InvariantCulture, $"the compressed data is damaged after {_total:N0} bytes (a checksum or the data itself is wrong)"));
            }

            crc?.Append(buffer[..n]);
            _total += n;
            if (_total > maxBytes)
            {
                throw new DelimitedTextException(name, 0, null, string.Create(CultureInfo.InvariantCulture, $"the compressed file expands to more than {maxBytes:N0} bytes, the limit for one file"));
            }

            if (n == 0 && buffer.Length > 0 && !_checked)
            {
                _checked = true;
                if (checkAtEnd(_total) is { } problem)
                {
                    throw new DelimitedTextException(name, 0, null, problem);
                }
            }

            return n;
        }

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
                owner?.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
