namespace Stepwise.Mining.IO.Sources;

/// <summary>
/// Presents a file whose lines end with a carriage return alone (classic Mac OS, some exports) with line feeds
/// instead. The replacement is byte for byte, so offsets, lengths and positions in messages stay those of the file.
/// </summary>
internal sealed class LineEndingByteSource(ByteSource inner) : ByteSource
{
    public override long Length => inner.Length;

    public override bool IsStreamed => inner.IsStreamed;

    public override int Read(long offset, Span<byte> buffer)
    {
        int n = inner.Read(offset, buffer);
        buffer[..n].Replace((byte)'\r', (byte)'\n');
        return n;
    }

    public override void ReleaseBefore(long offset) => inner.ReleaseBefore(offset);

    public override void Prefetch(long offset) => inner.Prefetch(offset);

    public override long Complete() => inner.Complete();

    public override double Fraction(long offset) => inner.Fraction(offset);

    public override void Dispose() => inner.Dispose();
}
