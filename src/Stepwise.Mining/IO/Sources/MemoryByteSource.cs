namespace Stepwise.Mining.IO.Sources;

/// <summary>Bytes held in memory (small inputs and tests).</summary>
internal sealed class MemoryByteSource(byte[] bytes) : ByteSource
{
    public override long Length => bytes.Length;

    public override int Read(long offset, Span<byte> buffer)
    {
        if (offset >= bytes.Length)
        {
            return 0;
        }

        int n = (int)Math.Min(buffer.Length, bytes.Length - offset);
        bytes.AsSpan((int)offset, n).CopyTo(buffer);
        return n;
    }

    public override void Dispose()
    {
    }
}
