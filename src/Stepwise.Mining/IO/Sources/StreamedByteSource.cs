using System.Runtime.ExceptionServices;

namespace Stepwise.Mining.IO.Sources;

/// <summary>
/// The content of a stream (decompressed or transcoded) presented by offset. It is produced in 1 MiB blocks as far
/// as readers ask (or a prefetch runs ahead), and blocks before <see cref="ReleaseBefore"/> are recycled, so memory
/// holds a window of the content, never all of it. An error of the stream (a truncated or damaged archive, a
/// refused bomb) is kept and thrown to every later reader, so no reader can take the end of a failed stream for
/// the end of the data.
/// </summary>
internal sealed class StreamedByteSource : ByteSource
{
    private const int BlockBits = 20;
    private const int BlockSize = 1 << BlockBits;
    private const int MaxSpareBlocks = 256;

    private readonly Stream _stream;
    private readonly Func<double>? _fraction;
    private readonly long? _declaredLength;
    private readonly object _gate = new();
    private readonly Stack<byte[]> _spare = new();
    private byte[]?[] _blocks = new byte[]?[64];
    private long _filled;
    private long _released;
    private bool _ended;
    private ExceptionDispatchInfo? _failure;
    private Task? _prefetch;

    /// <param name="stream">The content; owned (disposed with this source).</param>
    /// <param name="fraction">How much of the underlying input has been read, for progress; null to use the
    /// position reached by parsing.</param>
    /// <param name="declaredLength">The content's length as the input declares it, a hint (see
    /// <see cref="ByteSource.DeclaredLength"/>).</param>
    public StreamedByteSource(Stream stream, Func<double>? fraction = null, long? declaredLength = null)
    {
        _stream = stream;
        _fraction = fraction;
        _declaredLength = declaredLength;
    }

    public override long? DeclaredLength => _declaredLength;

    public override long Length => Volatile.Read(ref _ended) ? Volatile.Read(ref _filled) : long.MaxValue;

    public override bool IsStreamed => true;

    /// <summary>Bytes produced so far.</summary>
    public long Produced => Volatile.Read(ref _filled);

    public override int Read(long offset, Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            long at = offset + total;
            if (at >= Volatile.Read(ref _filled) && !FillTo(at + 1))
            {
                break;
            }

            var blocks = Volatile.Read(ref _blocks);
            var block = blocks[at >> BlockBits] ?? throw new InvalidOperationException($"Offset {at} was read after it was released.");
            int within = (int)(at & (BlockSize - 1));
            long filled = Volatile.Read(ref _filled);
            int n = (int)Math.Min(Math.Min(BlockSize - within, filled - at), buffer.Length - total);
            block.AsSpan(within, n).CopyTo(buffer[total..]);
            total += n;
        }

        return total;
    }

    public override void ReleaseBefore(long offset)
    {
        lock (_gate)
        {
            long firstKept = offset >> BlockBits;
            for (long b = _released >> BlockBits; b < firstKept && b < _blocks.Length; b++)
            {
                if (_blocks[b] is { } block && (b + 1) << BlockBits <= _filled)
                {
                    _blocks[b] = null;
                    if (!_ended && _spare.Count < MaxSpareBlocks)
                    {
                        _spare.Push(block);
                    }
                }
            }

            _released = Math.Max(_released, firstKept << BlockBits);
            if (_ended)
            {
                // No block is filled again: the spares are let go.
                _spare.Clear();
            }
        }
    }

    public override void Prefetch(long offset)
    {
        if (_prefetch is { IsCompleted: false } || Volatile.Read(ref _filled) >= offset || Volatile.Read(ref _ended))
        {
            return;
        }

        // Errors are kept by FillTo and rethrown to the next reader.
        _prefetch = Task.Run(() => FillTo(offset));
    }

    public override long Complete()
    {
        FillTo(long.MaxValue);
        return Length;
    }

    public override double Fraction(long offset) => _fraction?.Invoke() ?? base.Fraction(offset);

    public override void Dispose()
    {
        try
        {
            _prefetch?.Wait();
        }
        catch (AggregateException)
        {
            // Already kept and reported to the readers.
        }

        _stream.Dispose();
    }

    /// <summary>Produces content until <paramref name="target"/> bytes exist or the stream ends; false when the
    /// stream ended before <paramref name="target"/>. Throws the stream's error, now and on every later call.</summary>
    private bool FillTo(long target)
    {
        lock (_gate)
        {
            while (_failure is null && !_ended && _filled < target)
            {
                try
                {
                    FillBlock();
                }
                catch (Exception ex)
                {
                    _failure = ExceptionDispatchInfo.Capture(ex);
                }
            }

            _failure?.Throw();
            return _filled >= target;
        }
    }

    private void FillBlock()
    {
        long index = _filled >> BlockBits;
        if (index >= _blocks.Length)
        {
            var grown = new byte[]?[Math.Max(_blocks.Length * 2, (int)index + 1)];
            Array.Copy(_blocks, grown, _blocks.Length);
            Volatile.Write(ref _blocks, grown);
        }

        var block = _blocks[index];
        if (block is null)
        {
            block = _spare.Count > 0 ? _spare.Pop() : GC.AllocateUninitializedArray<byte>(BlockSize);
            _blocks[index] = block;
        }

        int within = (int)(_filled & (BlockSize - 1));
        while (within < BlockSize)
        {
            int n = _stream.Read(block, within, BlockSize - within);
            if (n == 0)
            {
                Volatile.Write(ref _ended, true);
                break;
            }

            within += n;
            Volatile.Write(ref _filled, _filled + n);
        }
    }
}
