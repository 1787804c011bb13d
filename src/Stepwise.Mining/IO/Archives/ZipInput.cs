using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Stepwise.Mining.IO.Archives;

/// <summary>
/// Reads zip archives without trusting them: the central directory (with ZIP64) is parsed and checked against each
/// entry's local header, and an entry is read through a stream that checks, at its end, that it holds exactly the
/// size its headers declare and that its CRC-32 matches; content beyond the declared size is refused as soon as it
/// appears. Only stored and deflated entries are read; encrypted ones are refused. Nothing is extracted to disk, so
/// entry names (even <c>../</c> ones) are only names.
/// </summary>
internal sealed class ZipInput : IDisposable
{
    private const uint EndOfDirectory = 0x06054b50;
    private const uint Zip64EndOfDirectory = 0x06064b50;
    private const uint Zip64Locator = 0x07064b50;
    private const uint DirectoryEntry = 0x02014b50;
    private const uint LocalHeader = 0x04034b50;
    private const int MaxEntries = 1_000_000;

    private readonly FileStream _file;
    private readonly string _name;

    private ZipInput(FileStream file, string name, IReadOnlyList<ZipEntryInfo> entries)
    {
        _file = file;
        _name = name;
        Entries = entries;
    }

    /// <summary>Every entry of the archive, in directory order.</summary>
    public IReadOnlyList<ZipEntryInfo> Entries { get; }

    /// <summary>Reads the directory of the archive in <paramref name="file"/>, which the result owns.</summary>
    public static ZipInput Open(FileStream file, string name)
    {
        try
        {
            var entries = ReadDirectory(file, name);
            return new ZipInput(file, name, entries);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The content of <paramref name="entry"/>, checked for size and CRC-32 as it is read. The stream
    /// reads the archive file, so read one entry at a time.</summary>
    public ExpansionGuardStream OpenEntry(ZipEntryInfo entry, ExpansionLimits limits)
    {
        if ((entry.Flags & 1) != 0)
        {
            throw Damaged($"the entry '{Printable(entry.FullName)}' is encrypted; Stepwise cannot read encrypted archives.");
        }

        if (entry.Method is not (0 or 8))
        {
            throw Damaged($"the entry '{Printable(entry.FullName)}' is compressed with method {entry.Method} ({MethodName(entry.Method)}); only stored and deflated entries can be read. Re-create the archive with ordinary zip compression.");
        }

        if (entry.Size > limits.MaxBytes)
        {
            throw Damaged($"the entry '{Printable(entry.FullName)}' expands to {entry.Size:N0} bytes, more than the limit of {limits.MaxBytes:N0} for one import; if the file is genuine, raise the limit with {limits.LimitOption}.");
        }

        long dataStart = DataStart(entry);
        var compressed = new WindowStream(_file, dataStart, entry.CompressedSize);
        Stream content = entry.Method == 8 ? new DeflateStream(compressed, CompressionMode.Decompress, leaveOpen: true) : compressed;
        var checkedContent = new CheckedEntryStream(content, entry, this);
        return new ExpansionGuardStream(checkedContent, _name, limits, () => compressed.Position, total =>
        {
            if (total != entry.Size)
            {
                return $"the zip entry '{Printable(entry.FullName)}' holds {total:N0} bytes where its header declares {entry.Size:N0}: the archive is truncated or damaged.";
            }

            return checkedContent.Crc != entry.Crc
                ? $"the zip entry '{Printable(entry.FullName)}' fails its CRC-32 check (the data is damaged)."
                : null;
        });
    }

    /// <summary>A name safe to show in a message (control characters escaped).</summary>
    public static string Printable(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (char.IsControl(c))
            {
                text.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    public void Dispose() => _file.Dispose();

    private static string MethodName(int method) => method switch
    {
        9 => "deflate64",
        12 => "bzip2",
        14 => "LZMA",
        93 => "Zstandard",
        95 => "xz",
        99 => "AES encryption",
        _ => "not supported",
    };

    private long DataStart(ZipEntryInfo entry)
    {
        Span<byte> header = stackalloc byte[30];
        _file.Seek(entry.LocalHeaderOffset, SeekOrigin.Begin);
        if (_file.ReadAtLeast(header, 30, throwOnEndOfStream: false) < 30 || BinaryPrimitives.ReadUInt32LittleEndian(header) != LocalHeader)
        {
            throw Damaged($"the local header of the entry '{Printable(entry.FullName)}' is missing (the archive is truncated or damaged).");
        }

        int flags = BinaryPrimitives.ReadUInt16LittleEndian(header[6..]);
        int method = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(header[14..]);
        uint compressed = BinaryPrimitives.ReadUInt32LittleEndian(header[18..]);
        uint size = BinaryPrimitives.ReadUInt32LittleEndian(header[22..]);
        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[26..]);
        int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
        if (method != entry.Method || (flags & 1) != (entry.Flags & 1))
        {
            throw Damaged($"the headers of the entry '{Printable(entry.FullName)}' disagree about how it is stored (the archive is damaged).");
        }

        // Without a data descriptor the local header repeats the sizes and CRC (0xFFFFFFFF: in a ZIP64 field).
        if ((flags & 8) == 0 && (crc != entry.Crc
            || (compressed != uint.MaxValue && compressed != entry.CompressedSize)
            || (size != uint.MaxValue && size != entry.Size)))
        {
            throw Damaged($"the headers of the entry '{Printable(entry.FullName)}' disagree about its size or CRC-32 (local header: {size:N0} bytes, directory: {entry.Size:N0}); the archive is damaged.");
        }

        long start = entry.LocalHeaderOffset + 30 + nameLength + extraLength;
        if (start + entry.CompressedSize > _file.Length)
        {
            throw Damaged($"the entry '{Printable(entry.FullName)}' runs past the end of the file (the archive is truncated).");
        }

        return start;
    }

    private EventLogFormatException Damaged(string message) => new(_name, new ImportIssue(null, null, null, message));

    private static List<ZipEntryInfo> ReadDirectory(FileStream file, string name)
    {
        EventLogFormatException Bad(string message) => new(name, new ImportIssue(null, null, null, message));
        long length = file.Length;
        if (length < 22)
        {
            throw Bad($"not a readable zip archive: the file is {length:N0} bytes long, too short for a zip directory.");
        }

        // The end-of-directory record is in the last 22 + 65,535 bytes (it may be followed by a comment).
        int tailLength = (int)Math.Min(length, 22 + 0xFFFF);
        var tail = new byte[tailLength];
        file.Seek(length - tailLength, SeekOrigin.Begin);
        file.ReadExactly(tail);
        int eocd = -1;
        for (int i = tailLength - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == EndOfDirectory && i + 22 + BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 20)) <= tailLength)
            {
                eocd = i;
                break;
            }
        }

        if (eocd < 0)
        {
            throw Bad("not a readable zip archive: its directory is missing (the file is truncated, damaged, or not a zip file).");
        }

        var record = tail.AsSpan(eocd);
        long count = BinaryPrimitives.ReadUInt16LittleEndian(record[10..]);
        long directorySize = BinaryPrimitives.ReadUInt32LittleEndian(record[12..]);
        long directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(record[16..]);
        long eocdOffset = length - tailLength + eocd;
        if (count == 0xFFFF || directorySize == 0xFFFFFFFF || directoryOffset == 0xFFFFFFFF)
        {
            // ZIP64: a locator just before the record points at the ZIP64 end-of-directory record.
            if (eocd < 20 || BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(eocd - 20)) != Zip64Locator)
            {
                throw Bad("not a readable zip archive: its ZIP64 directory record is missing (the archive is damaged).");
            }

            long zip64 = (long)BinaryPrimitives.ReadUInt64LittleEndian(tail.AsSpan(eocd - 20 + 8));
            var buffer = new byte[56];
            if (zip64 < 0 || zip64 + 56 > length)
            {
                throw Bad("not a readable zip archive: its ZIP64 directory record points outside the file.");
            }

            file.Seek(zip64, SeekOrigin.Begin);
            file.ReadExactly(buffer);
            if (BinaryPrimitives.ReadUInt32LittleEndian(buffer) != Zip64EndOfDirectory)
            {
                throw Bad("not a readable zip archive: its ZIP64 directory record is damaged.");
            }

            count = (long)BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(32));
            directorySize = (long)BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(40));
            directoryOffset = (long)BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(48));
            eocdOffset = zip64;
        }

        if (count > MaxEntries || directorySize < 0 || directoryOffset < 0 || directoryOffset + directorySize > eocdOffset || directorySize > int.MaxValue)
        {
            throw Bad("not a readable zip archive: its directory does not fit in the file (the archive is truncated or damaged).");
        }

        var directory = new byte[directorySize];
        file.Seek(directoryOffset, SeekOrigin.Begin);
        file.ReadExactly(directory);
        var entries = new List<ZipEntryInfo>((int)count);
        int pos = 0;
        for (long k = 0; k < count; k++)
        {
            if (pos + 46 > directory.Length || BinaryPrimitives.ReadUInt32LittleEndian(directory.AsSpan(pos)) != DirectoryEntry)
            {
                throw Bad($"not a readable zip archive: directory entry {k + 1} of {count} is damaged.");
            }

            var e = directory.AsSpan(pos);
            int flags = BinaryPrimitives.ReadUInt16LittleEndian(e[8..]);
            int method = BinaryPrimitives.ReadUInt16LittleEndian(e[10..]);
            uint crc = BinaryPrimitives.ReadUInt32LittleEndian(e[16..]);
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(e[20..]);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(e[24..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(e[28..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(e[30..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(e[32..]);
            long offset = BinaryPrimitives.ReadUInt32LittleEndian(e[42..]);
            int recordLength = 46 + nameLength + extraLength + commentLength;
            if (pos + recordLength > directory.Length)
            {
                throw Bad($"not a readable zip archive: directory entry {k + 1} of {count} is damaged.");
            }

            var nameBytes = e.Slice(46, nameLength);
            string entryName = (flags & 0x800) != 0 || System.Text.Unicode.Utf8.IsValid(nameBytes) ? Encoding.UTF8.GetString(nameBytes) : Encoding.Latin1.GetString(nameBytes);
            var extra = e.Slice(46 + nameLength, extraLength);
            ReadZip64Extra(extra, ref size, ref compressed, ref offset);
            if (compressed < 0 || size < 0 || offset < 0 || offset + 30 + compressed > directoryOffset)
            {
                throw Bad($"not a readable zip archive: the entry '{Printable(entryName)}' lies outside the archive's data (the archive is damaged).");
            }

            entries.Add(new ZipEntryInfo(entryName, method, flags, crc, compressed, size, offset));
            pos += recordLength;
        }

        return entries;
    }

    private static void ReadZip64Extra(ReadOnlySpan<byte> extra, ref long size, ref long compressed, ref long offset)
    {
        while (extra.Length >= 4)
        {
            int id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            int length = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (4 + length > extra.Length)
            {
                return;
            }

            if (id == 1)
            {
                var data = extra.Slice(4, length);
                int at = 0;
                if (size == 0xFFFFFFFF && at + 8 <= data.Length)
                {
                    size = (long)BinaryPrimitives.ReadUInt64LittleEndian(data[at..]);
                    at += 8;
                }

                if (compressed == 0xFFFFFFFF && at + 8 <= data.Length)
                {
                    compressed = (long)BinaryPrimitives.ReadUInt64LittleEndian(data[at..]);
                    at += 8;
                }

                if (offset == 0xFFFFFFFF && at + 8 <= data.Length)
                {
                    offset = (long)BinaryPrimitives.ReadUInt64LittleEndian(data[at..]);
                }

                return;
            }

            extra = extra[(4 + length)..];
        }
    }

    /// <summary>A window of the archive file (an entry's compressed data), read with positioned reads so that
    /// several windows never disturb each other.</summary>
    private sealed class WindowStream(FileStream file, long start, long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            long remaining = length - _position;
            if (remaining <= 0)
            {
                return 0;
            }

            int n = RandomAccess.Read(file.SafeFileHandle, buffer[..(int)Math.Min(buffer.Length, remaining)], start + _position);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Computes the CRC-32 of what is read and refuses content beyond the declared size straight away.</summary>
    private sealed class CheckedEntryStream(Stream inner, ZipEntryInfo entry, ZipInput archive) : Stream
    {
        private long _total;

        public uint Crc { get; private set; }

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
            int n = inner.Read(buffer);
            _total += n;
            if (_total > entry.Size)
            {
                throw archive.Damaged($"the zip entry '{Printable(entry.FullName)}' holds more than the {entry.Size:N0} bytes its header declares: the archive is damaged (an understated size would cut the data short).");
            }

            Crc = Crc32.Append(Crc, buffer[..n]);
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
            }

            base.Dispose(disposing);
        }
    }
}
