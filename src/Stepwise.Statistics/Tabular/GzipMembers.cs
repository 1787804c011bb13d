using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace Stepwise.Statistics.Tabular;

/// <summary>
/// Walks the members of a gzip file (a file may be several gzip files joined, and may end in zero padding) to tell
/// a complete file from a truncated one: .NET's decompressor checks each member it finishes, but ends silently when
/// the last one is cut off. Used only when the last trailer does not match the total, so its slowness (the deflate
/// data is fed one byte at a time, to know where each member ends) is paid only for multi-member or damaged files.
/// </summary>
internal static class GzipMembers
{
    /// <summary>Null when every member of the file at <paramref name="path"/> is complete and together they hold
    /// <paramref name="total"/> bytes; otherwise what is wrong.</summary>
    public static string? Problem(string path, long total)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        long sum = 0;
        int members = 0;
        var header = new byte[10];
        var length = new byte[2];
        var trailer = new byte[8];
        while (true)
        {
            int got = file.ReadAtLeast(header, 1, throwOnEndOfStream: false);
            if (got == 0 || (header[0] == 0 && AllZero(file)))
            {
                break;
            }

            got += file.ReadAtLeast(header.AsSpan(got), 10 - got, throwOnEndOfStream: false);
            if (got < 10 || header[0] != 0x1F || header[1] != 0x8B || header[2] != 8)
            {
                return $"the gzip data is damaged after member {members} (no gzip header where one was expected)";
            }

            byte flags = header[3];
            if ((flags & 4) != 0)
            {
                file.ReadExactly(length);
                file.Seek(BinaryPrimitives.ReadUInt16LittleEndian(length), SeekOrigin.Current);
            }

            if ((flags & 8) != 0)
            {
                SkipZeroTerminated(file);
            }

            if ((flags & 16) != 0)
            {
                SkipZeroTerminated(file);
            }

            if ((flags & 2) != 0)
            {
                file.Seek(2, SeekOrigin.Current);
            }

            long size = 0;
            using (var deflate = new DeflateStream(new OneByteAtATime(file), CompressionMode.Decompress, leaveOpen: true))
            {
                var buffer = new byte[1 << 16];
                int n;
                while ((n = deflate.Read(buffer)) > 0)
                {
                    size += n;
                }
            }

            if (file.ReadAtLeast(trailer, 8, throwOnEndOfStream: false) < 8 || BinaryPrimitives.ReadUInt32LittleEndian(trailer.AsSpan(4)) != (uint)size)
            {
                return string.Create(CultureInfo.InvariantCulture, $"the gzip data ends early: member {members + 1} is truncated or damaged ({sum + size:N0} bytes decompressed)");
            }

            sum += size;
            members++;
        }

        return sum == total ? null : string.Create(CultureInfo.InvariantCulture, $"the gzip data is damaged: its members hold {sum:N0} bytes, {total:N0} were read");
    }

    private static bool AllZero(FileStream file)
    {
        int b;
        while ((b = file.ReadByte()) >= 0)
        {
            if (b != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static void SkipZeroTerminated(FileStream file)
    {
        int b;
        while ((b = file.ReadByte()) > 0)
        {
        }
    }

    /// <summary>Gives the decompressor one byte per read, so that it never reads past the end of its member.</summary>
    private sealed class OneByteAtATime(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer) => buffer.Length == 0 ? 0 : inner.Read(buffer[..1]);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
