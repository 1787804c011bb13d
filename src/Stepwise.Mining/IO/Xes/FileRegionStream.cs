using Microsoft.Win32.SafeHandles;

namespace Stepwise.Mining.IO.Xes;

/// <summary>
/// A byte range of an open file, read by position (so several can read one file at once), between a prefix and a
/// suffix: a part of an XES file between the root's start and end tags, which the scanner then reads as a whole
/// document.
/// </summary>
internal sealed class FileRegionStream(SafeFileHandle file, long start, long end, byte[] prefix, byte[] suffix) : ReadOnlyStream
{
    private long _position = -prefix.Length;

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_position < 0)
        {
            int n = (int)Math.Min(buffer.Length, -_position);
            prefix.AsSpan(prefix.Length + (int)_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        long length = end - start;
        if (_position < length)
        {
            int want = (int)Math.Min(buffer.Length, length - _position);
            int n = RandomAccess.Read(file, buffer[..want], start + _position);
            if (n == 0)
            {
                throw new IOException("The file became shorter while it was read.");
            }

            _position += n;
            return n;
        }

        long inSuffix = _position - length;
        if (inSuffix < suffix.Length)
        {
            int n = (int)Math.Min(buffer.Length, suffix.Length - inSuffix);
            suffix.AsSpan((int)inSuffix, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        return 0;
    }
}
