namespace Stepwise.Mining.IO.Sources;

/// <summary>
/// The bytes of an input, read by offset: a plain file (random access), or the content of a compressed or transcoded
/// input produced as it is read (streamed: offsets are read roughly in order, and data before
/// <see cref="ReleaseBefore"/> is freed, so a compressed input costs no more memory than a window of it).
/// </summary>
internal abstract class ByteSource : IDisposable
{
    /// <summary>Total length in bytes; for a streamed source, <see cref="long.MaxValue"/> until its end has been read.</summary>
    public abstract long Length { get; }

    /// <summary>The content's length as the input declares it (a gzip trailer's), unchecked: a hint for sizing
    /// buffers, never relied on; null when unknown.</summary>
    public virtual long? DeclaredLength => null;

    /// <summary>Whether the content is produced as it is read (reads must stay after <see cref="ReleaseBefore"/>).</summary>
    public virtual bool IsStreamed => false;

    /// <summary>Reads up to <c>buffer.Length</c> bytes at <paramref name="offset"/>; returns the count read (fewer
    /// only at the end of the input). Safe to call from several threads.</summary>
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

    /// <summary>Says that no byte before <paramref name="offset"/> will be read again.</summary>
    public virtual void ReleaseBefore(long offset)
    {
    }

    /// <summary>Starts producing the content up to <paramref name="offset"/> in the background (streamed sources).</summary>
    public virtual void Prefetch(long offset)
    {
    }

    /// <summary>Reads to the end of the input so that its end checks (truncation, checksums) have run; returns the length.</summary>
    public virtual long Complete() => Length;

    /// <summary>How much of the input has been read, between 0 and 1, given that parsing reached <paramref name="offset"/>.</summary>
    public virtual double Fraction(long offset) => Length <= 0 ? 1 : Math.Clamp(offset / (double)Length, 0, 1);

    public abstract void Dispose();
}
