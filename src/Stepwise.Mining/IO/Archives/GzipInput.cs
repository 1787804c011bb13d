using System.Buffers.Binary;
using System.IO.Compression;

namespace Stepwise.Mining.IO.Archives;

/// <summary>
/// Opens gzip data for reading, member by member (RFC 1952): every member of a multi-member file
/// (<c>cat a.gz b.gz</c>) is read, trailing zero padding is accepted, and each member's CRC-32 and length are
/// checked against its trailer, so a truncated or damaged file, or data after the gzip data, is an error (.NET's
/// decompressor alone ends silently when the data stops early). Each member's deflate data is inflated by .NET;
/// where it ends is found from the trailer, which must follow it: the member's own CRC-32 and length, eight bytes
/// that match by chance with a probability of 2^-64.
/// </summary>
internal static class GzipInput
{
    /// <summary>Opens the decompressed content of <paramref name="file"/>; disposing the result closes the file.</summary>
    public static ExpansionGuardStream Open(FileStream file, string name, ExpansionLimits limits)
    {
        long length = file.Length;
        Span<byte> head = stackalloc byte[3];
        if (length < 18 || RandomAccess.Read(file.SafeFileHandle, head, 0) < 3 || head[0] != 0x1F || head[1] != 0x8B)
        {
            throw new EventLogFormatException(name, new ImportIssue(null, null, null, length < 18 ? $"the file is {length:N0} bytes long, too short to be gzip data." : "the file is not gzip data (it does not start with the gzip signature) although its name ends in .gz."));
        }

        var members = new MemberStream(file, name);
        return new ExpansionGuardStream(members, name, limits, () => members.CompressedRead, _ => null, file) { DeclaredLength = LastMemberSize(file) };
    }

    /// <summary>The length the file's last four bytes declare: the last member's uncompressed size modulo 2^32 (a
    /// file of one member below 4 GiB: its content's length). A hint only; the members are checked as they are read.</summary>
    private static long? LastMemberSize(FileStream file)
    {
        Span<byte> trailer = stackalloc byte[4];
        return RandomAccess.Read(file.SafeFileHandle, trailer, file.Length - 4) == 4 ? BinaryPrimitives.ReadUInt32LittleEndian(trailer) : null;
    }

    /// <summary>The content of every member in turn.</summary>
    private sealed class MemberStream(FileStream file, string name) : ReadOnlyStream
    {
        private readonly long _length = file.Length;
        private long _next;
        private Feed? _feed;
        private DeflateStream? _inflater;
        private uint _crc;
        private long _size;
        private int _members;
        private bool _ended;

        public long CompressedRead => _feed?.Position ?? _next;

        public override int Read(Span<byte> buffer)
        {
            if (buffer.IsEmpty)
            {
                return 0;
            }

            while (!_ended)
            {
                if (_inflater is null && !StartMember())
                {
                    _ended = true;
                    break;
                }

                int n = _inflater!.Read(buffer);
                if (n > 0)
                {
                    _crc = Crc32.Append(_crc, buffer[..n]);
                    _size += n;
                    return n;
                }

                EndMember();
            }

            return 0;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inflater?.Dispose();
            }

            base.Dispose(disposing);
        }

        private EventLogFormatException Damaged(string message) => new(name, new ImportIssue(null, null, null, message));

        /// <summary>Reads the header of the member at <see cref="_next"/>; false at the end of the data (or of
        /// the zero padding after it).</summary>
        private bool StartMember()
        {
            if (_next >= _length)
            {
                return false;
            }

            var header = new byte[10];
            int got = RandomAccess.Read(file.SafeFileHandle, header, _next);
            if (got < 2 || header[0] != 0x1F || header[1] != 0x8B)
            {
                if (OnlyZerosFrom(_next))
                {
                    return false;
                }

                throw Damaged(_members == 0
                    ? "the file is not gzip data."
                    : $"the file continues after the end of its gzip data (byte {_next:N0} of {_length:N0}) with data that is not gzip: it is damaged, or two files were joined.");
            }

            if (got < 10)
            {
                throw Damaged($"the gzip data is truncated: a member header at byte {_next:N0} is cut short.");
            }

            if (header[2] != 8)
            {
                throw Damaged($"the gzip member at byte {_next:N0} uses compression method {header[2]}, not deflate (8); it cannot be read.");
            }

            int flags = header[3];
            long pos = _next + 10;
            if ((flags & 4) != 0)
            {
                // FEXTRA: a length, then that many bytes.
                var extra = new byte[2];
                if (RandomAccess.Read(file.SafeFileHandle, extra, pos) < 2)
                {
                    throw Damaged("the gzip data is truncated inside a member header.");
                }

                pos += 2 + BinaryPrimitives.ReadUInt16LittleEndian(extra);
            }

            if ((flags & 8) != 0)
            {
                pos = SkipZeroTerminated(pos);
            }

            if ((flags & 16) != 0)
            {
                pos = SkipZeroTerminated(pos);
            }

            if ((flags & 2) != 0)
            {
                pos += 2;
            }

            if (pos >= _length)
            {
                throw Damaged("the gzip data is truncated inside a member header.");
            }

            _feed = new Feed(file, pos);
            _inflater = new DeflateStream(_feed, CompressionMode.Decompress, leaveOpen: true);
            _crc = 0;
            _size = 0;
            return true;
        }

        /// <summary>After a member's deflate data ended: its trailer must follow, with its CRC-32 and length.</summary>
        private void EndMember()
        {
            var feed = _feed!;
            long from = feed.LastChunkStart;
            long to = Math.Min(_length, feed.LastChunkEnd + 8);
            var window = new byte[(int)(to - from)];
            int got = RandomAccess.Read(file.SafeFileHandle, window, from);
            Span<byte> trailer = stackalloc byte[8];
            BinaryPrimitives.WriteUInt32LittleEndian(trailer, _crc);
            BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], (uint)_size);
            int at = window.AsSpan(0, got).IndexOf(trailer);
            if (at < 0)
            {
                throw Damaged($"the gzip data is truncated or damaged: member {_members + 1} (from byte {_next:N0}) does not end with its CRC-32 and length ({_size:N0} bytes could be read from it).");
            }

            _inflater!.Dispose();
            _inflater = null;
            _feed = null;
            _next = from + at + 8;
            _members++;
        }

        private long SkipZeroTerminated(long pos)
        {
            var block = new byte[4096];
            while (true)
            {
                int n = RandomAccess.Read(file.SafeFileHandle, block, pos);
                if (n <= 0)
                {
                    throw Damaged("the gzip data is truncated inside a member header.");
                }

                int zero = block.AsSpan(0, n).IndexOf((byte)0);
                if (zero >= 0)
                {
                    return pos + zero + 1;
                }

                pos += n;
            }
        }

        private bool OnlyZerosFrom(long pos)
        {
            var block = new byte[1 << 16];
            while (pos < _length)
            {
                int n = RandomAccess.Read(file.SafeFileHandle, block, pos);
                if (n <= 0)
                {
                    return true;
                }

                if (block.AsSpan(0, n).IndexOfAnyExcept((byte)0) >= 0)
                {
                    return false;
                }

                pos += n;
            }

            return true;
        }
    }

    /// <summary>The compressed bytes of one member, read with positioned reads, remembering the last chunk handed to
    /// the inflater (its deflate data ends within that chunk).</summary>
    private sealed class Feed(FileStream file, long start) : ReadOnlyStream
    {
        private long _position = start;

        public long LastChunkStart { get; private set; } = start;

        public long LastChunkEnd { get; private set; } = start;

        public override long Position => _position;

        public override int Read(Span<byte> buffer)
        {
            int n = RandomAccess.Read(file.SafeFileHandle, buffer, _position);
            if (n > 0)
            {
                LastChunkStart = _position;
                _position += n;
                LastChunkEnd = _position;
            }

            return n;
        }
    }
}
