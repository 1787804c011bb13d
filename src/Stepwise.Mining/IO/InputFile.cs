using System.Buffers.Binary;
using System.IO.Compression;
using Microsoft.Win32.SafeHandles;

namespace Stepwise.Mining.IO;

/// <summary>
/// Opens an input file, plain or compressed, as a stream of its content, refusing archives that expand beyond a
/// limit and detecting truncated or damaged compressed data (which .NET's decompressors otherwise end silently).
/// </summary>
internal static class InputFile
{
    /// <summary>Opens <paramref name="path"/> for sequential reading of its (decompressed) content.</summary>
    public static Stream OpenSequential(string path, long maxExpandedBytes, string? zipEntry)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        try
        {
            return Wrap(file, path, maxExpandedBytes, zipEntry);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The (decompressed) content of an open file; disposing the result closes the file.</summary>
    public static Stream Wrap(FileStream file, string path, long maxExpandedBytes, string? zipEntry)
    {
        string name = Path.GetFileName(path);
        switch (EventLogFormats.CompressionOf(path))
        {
            case Compression.Gzip:
                return OpenGzip(file, name, maxExpandedBytes);
            case Compression.Zip:
                return OpenZip(file, name, maxExpandedBytes, zipEntry);
            default:
                return new BufferedStream(new NonClosingStream(file), 1 << 16);
        }
    }

    /// <summary>Opens <paramref name="path"/> for random access to its content: the file itself when plain,
    /// else its decompressed content held in memory.</summary>
    public static ByteSource OpenRandomAccess(string path, long maxExpandedBytes, string? zipEntry)
    {
        if (EventLogFormats.CompressionOf(path) == Compression.None)
        {
            return new FileByteSource(path);
        }

        using var stream = OpenSequential(path, maxExpandedBytes, zipEntry);
        return MemoryByteSource.ReadAll(stream);
    }

    private static Stream OpenGzip(FileStream file, string name, long maxExpandedBytes)
    {
        try
        {
            uint? trailerSize = null;
            if (file.Length >= 18)
            {
                Span<byte> trailer = stackalloc byte[4];
                file.Seek(-4, SeekOrigin.End);
                file.ReadExactly(trailer);
                file.Seek(0, SeekOrigin.Begin);
                trailerSize = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
            }
            else
            {
                throw new EventLogFormatException(name, new ImportIssue(null, null, null, $"the file is {file.Length} bytes long, too short to be gzip data."));
            }

            var gzip = new GZipStream(new BufferedStream(file, 1 << 16), CompressionMode.Decompress, leaveOpen: false);
            return new CheckedStream(gzip, name, maxExpandedBytes, total =>
                trailerSize is { } expected && (uint)total != expected
                    ? $"the gzip data ends early: the file is truncated or damaged ({total:N0} bytes decompressed; its trailer records {expected:N0} mod 2^32)."
                    : null);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static Stream OpenZip(FileStream file, string name, long maxExpandedBytes, string? zipEntry)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException ex)
        {
            file.Dispose();
            throw new EventLogFormatException(name, new ImportIssue(null, null, null, "not a readable zip archive (truncated or damaged): " + ex.Message));
        }

        try
        {
            // Skip folders and the resource-fork files some archivers add (__MACOSX/, ._name).
            var entries = archive.Entries.Where(e => !string.IsNullOrEmpty(e.Name) && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal) && !e.Name.StartsWith("._", StringComparison.Ordinal)).ToList();
            ZipArchiveEntry? entry;
            if (zipEntry is not null)
            {
                entry = entries.FirstOrDefault(e => string.Equals(e.FullName, zipEntry, StringComparison.Ordinal) || string.Equals(e.Name, zipEntry, StringComparison.Ordinal))
                    ?? throw new EventLogFormatException(name, new ImportIssue(null, null, null, $"the archive has no entry '{zipEntry}'; it holds: {string.Join(", ", entries.Select(e => e.FullName))}."));
            }
            else
            {
                var logs = entries.Where(e => IsLogName(e.Name)).ToList();
                entry = logs.Count == 1 ? logs[0] : entries.Count == 1 ? entries[0] : null;
                if (entry is null)
                {
                    throw new EventLogFormatException(name, new ImportIssue(null, null, null, $"the archive holds {entries.Count} files ({string.Join(", ", entries.Take(10).Select(e => e.FullName))}); name the one to read."));
                }
            }

            if (entry.Length > maxExpandedBytes)
            {
                throw new EventLogFormatException(name, new ImportIssue(null, null, entry.FullName, $"the entry expands to {entry.Length:N0} bytes, more than the limit of {maxExpandedBytes:N0}."));
            }

            long expected = entry.Length;
            var inner = entry.Open();
            return new CheckedStream(inner, name, maxExpandedBytes, total =>
                total != expected ? $"the zip entry '{entry.FullName}' ends early: {total:N0} of {expected:N0} bytes (the archive is truncated or damaged)." : null, archive);
        }
        catch
        {
            archive.Dispose();
            throw;
        }
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

    /// <summary>
    /// A read-only stream over decompressed data that refuses to expand beyond a limit, turns decompressor errors
    /// into format errors naming the file, and checks at the end that all the data was there.
    /// </summary>
    private sealed class CheckedStream(Stream inner, string name, long maxBytes, Func<long, string?> checkAtEnd, IDisposable? owner = null) : Stream
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
            catch (InvalidDataException ex)
            {
                throw new EventLogFormatException(name, new ImportIssue(null, null, null, $"the compressed data is damaged after {_total:N0} bytes: {ex.Message}"));
            }

            _total += n;
            if (_total > maxBytes)
            {
                throw new EventLogFormatException(name, new ImportIssue(null, null, null, $"the compressed file expands to more than {maxBytes:N0} bytes, the limit for one import; raise the limit if the file is genuine."));
            }

            if (n == 0 && buffer.Length > 0 && !_checked)
            {
                _checked = true;
                if (checkAtEnd(_total) is { } problem)
                {
                    throw new EventLogFormatException(name, new ImportIssue(null, null, null, problem));
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

/// <summary>Passes reads through to a stream owned by someone else, without closing it.</summary>
internal sealed class NonClosingStream(Stream inner) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

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
}

/// <summary>Random access to the bytes of an input: a file, or decompressed content in memory.</summary>
internal abstract class ByteSource : IDisposable
{
    /// <summary>Total length in bytes.</summary>
    public abstract long Length { get; }

    /// <summary>Reads up to <c>buffer.Length</c> bytes at <paramref name="offset"/>; returns the count read.</summary>
    public abstract int Read(long offset, Span<byte> buffer);

    /// <summary>Reads exactly <c>buffer.Length</c> bytes or to the end; returns the count read.</summary>
    public int ReadFully(long offset, Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = Read(offset + total, buffer[total..]);
            if (n <= 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    public abstract void Dispose();
}

internal sealed class FileByteSource : ByteSource
{
    private readonly SafeFileHandle _handle;

    public FileByteSource(string path)
    {
        _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.None);
        Length = RandomAccess.GetLength(_handle);
    }

    public override long Length { get; }

    public override int Read(long offset, Span<byte> buffer) => RandomAccess.Read(_handle, buffer, offset);

    public override void Dispose() => _handle.Dispose();
}

/// <summary>Content held in memory as a list of blocks (so it may exceed the size of one array).</summary>
internal sealed class MemoryByteSource : ByteSource
{
    private const int BlockSize = 1 << 26;
    private readonly List<byte[]> _blocks;

    private MemoryByteSource(List<byte[]> blocks, long length)
    {
        _blocks = blocks;
        Length = length;
    }

    public override long Length { get; }

    public static MemoryByteSource ReadAll(Stream stream)
    {
        var blocks = new List<byte[]>();
        long length = 0;
        while (true)
        {
            var block = new byte[BlockSize];
            int filled = 0;
            while (filled < BlockSize)
            {
                int n = stream.Read(block, filled, BlockSize - filled);
                if (n == 0)
                {
                    break;
                }

                filled += n;
            }

            if (filled == 0)
            {
                break;
            }

            if (filled < BlockSize)
            {
                Array.Resize(ref block, filled);
            }

            blocks.Add(block);
            length += filled;
            if (filled < BlockSize)
            {
                // Drain to let the stream check for truncation at its end.
                Span<byte> probe = stackalloc byte[1];
                if (stream.Read(probe) != 0)
                {
                    throw new InvalidOperationException("A stream returned data after a short read.");
                }

                break;
            }
        }

        return new MemoryByteSource(blocks, length);
    }

    public static MemoryByteSource FromBytes(byte[] bytes) => new([bytes], bytes.Length);

    public override int Read(long offset, Span<byte> buffer)
    {
        if (offset >= Length)
        {
            return 0;
        }

        int total = 0;
        while (total < buffer.Length && offset < Length)
        {
            int block = (int)(offset / BlockSize);
            int within = (int)(offset % BlockSize);
            var source = _blocks[block].AsSpan(within);
            int n = Math.Min(source.Length, buffer.Length - total);
            source[..n].CopyTo(buffer[total..]);
            total += n;
            offset += n;
        }

        return total;
    }

    public override void Dispose()
    {
    }
}
