using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Stepwise.Mining.IO.Xes;

/// <summary>
/// Reads a stream ahead on another thread, a few blocks in advance, so that producing the bytes (decompressing a
/// .gz file) runs on one core while they are parsed on another. The reader sees exactly the bytes of the inner
/// stream in order, then, where the inner stream failed, its exception (after every byte read before the failure).
/// Disposing stops the thread and waits for it, and leaves the inner stream open for its owner to dispose.
/// </summary>
internal sealed class ReadAheadStream : ReadOnlyStream
{
    private const int Blocks = 4;

    private readonly Stream _inner;
    private readonly BlockingCollection<byte[]> _free = new(Blocks);
    private readonly BlockingCollection<Block> _filled = new(Blocks);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _producer;
    private byte[]? _current;
    private int _currentLength;
    private int _currentPos;
    private bool _end;
    private ExceptionDispatchInfo? _failure;
    private long _position;

    /// <summary>A block read: its bytes, or the end of the stream (a null array), or the inner stream's failure.</summary>
    private readonly record struct Block(byte[]? Bytes, int Length, ExceptionDispatchInfo? Failure);

    public ReadAheadStream(Stream inner, int blockSize = 1 << 20)
    {
        _inner = inner;
        for (int i = 0; i < Blocks; i++)
        {
            _free.Add(new byte[blockSize]);
        }

        _producer = Task.Factory.StartNew(Produce, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private void Produce()
    {
        var stop = _stop.Token;
        try
        {
            while (true)
            {
                var buffer = _free.Take(stop);
                int length = 0;
                ExceptionDispatchInfo? failure = null;
                try
                {
                    while (length < buffer.Length)
                    {
                        int n = _inner.Read(buffer, length, buffer.Length - length);
                        if (n == 0)
                        {
                            break;
                        }

                        length += n;
                    }
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }

                if (length > 0)
                {
                    _filled.Add(new Block(buffer, length, null), stop);
                }

                if (failure is not null || length < buffer.Length)
                {
                    _filled.Add(new Block(null, 0, failure), stop);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposed before the end: nothing more is wanted.
        }
    }

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (_current is null || _currentPos == _currentLength)
        {
            if (_failure is not null)
            {
                _failure.Throw();
            }

            if (_end)
            {
                return 0;
            }

            if (_current is not null)
            {
                _free.Add(_current);
                _current = null;
            }

            var block = _filled.Take();
            if (block.Bytes is null)
            {
                _failure = block.Failure;
                _end = _failure is null;
                continue;
            }

            _current = block.Bytes;
            _currentLength = block.Length;
            _currentPos = 0;
        }

        int n = Math.Min(buffer.Length, _currentLength - _currentPos);
        _current.AsSpan(_currentPos, n).CopyTo(buffer);
        _currentPos += n;
        _position += n;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_stop.IsCancellationRequested)
        {
            _stop.Cancel();
            try
            {
                _producer.Wait();
            }
            catch (AggregateException)
            {
                // The producer keeps its failures for the reader; nothing else can end it but the stop.
            }

            _stop.Dispose();
            _free.Dispose();
            _filled.Dispose();
        }

        base.Dispose(disposing);
    }

    public override long Position => _position;
}
