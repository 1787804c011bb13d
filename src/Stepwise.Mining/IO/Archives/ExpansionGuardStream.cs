using System.Globalization;

namespace Stepwise.Mining.IO.Archives;

/// <summary>The limits every decompression is held to.</summary>
/// <param name="MaxBytes">The most bytes the content may expand to.</param>
/// <param name="MaxRatio">The most times the content may be larger than the compressed bytes read so far, once it
/// is larger than <see cref="RatioFloorBytes"/>: real exports compress 5 to 50 times, a decompression bomb about
/// 1,000 times, so a bomb is refused after a few megabytes instead of after <paramref name="MaxBytes"/>.</param>
/// <param name="LimitOption">The option that raises <paramref name="MaxBytes"/>, as the user types it.</param>
internal readonly record struct ExpansionLimits(long MaxBytes, int MaxRatio, string LimitOption)
{
    /// <summary>Content below this size is never refused for its ratio (small files compress very well).</summary>
    public const long RatioFloorBytes = 16L << 20;
}

/// <summary>
/// A read-only stream over decompressed data that refuses to expand beyond the limits, turns decompressor errors
/// into format errors naming the file, and runs a check once the data ends (truncation, sizes, checksums).
/// </summary>
internal sealed class ExpansionGuardStream(Stream inner, string file, ExpansionLimits limits, Func<long> compressedRead, Func<long, string?> checkAtEnd, IDisposable? owner = null) : Stream
{
    private long _total;
    private bool _ended;

    /// <summary>The decompressed length the archive declares (unchecked until the end, when the archive's own checks
    /// run), or null.</summary>
    public long? DeclaredLength { get; init; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _total;
        set => throw new NotSupportedException();
    }

    /// <summary>Compressed bytes read so far (for progress).</summary>
    public long CompressedRead => compressedRead();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_ended || buffer.IsEmpty)
        {
            return 0;
        }

        int n;
        try
        {
            n = inner.Read(buffer);
        }
        catch (InvalidDataException ex)
        {
            throw Failure($"the compressed data is damaged after {_total:N0} bytes ({ex.Message.TrimEnd('.')}).");
        }

        _total += n;
        if (_total > limits.MaxBytes)
        {
            throw Failure($"the compressed file expands to more than {limits.MaxBytes:N0} bytes, the limit for one import; if the file is genuine, raise the limit with {limits.LimitOption}.");
        }

        if (_total > ExpansionLimits.RatioFloorBytes)
        {
            long compressed = Math.Max(1, compressedRead());
            if (_total / compressed > limits.MaxRatio)
            {
                throw Failure(string.Create(CultureInfo.InvariantCulture, $"the compressed file expands more than {limits.MaxRatio:N0} times ({compressed:N0} compressed bytes gave {_total:N0}): refused as a decompression bomb. If the file is genuine, decompress it and read the plain file."));
            }
        }

        if (n == 0)
        {
            _ended = true;
            if (checkAtEnd(_total) is { } problem)
            {
                throw Failure(problem);
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

    private EventLogFormatException Failure(string message) => new(file, new ImportIssue(null, null, null, message));
}
