using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Stepwise.Mining.IO.Xes;

/// <summary>
/// Reads another stream ahead on a second core, a few blocks at most: decompressing a <c>.xes.gz</c> while the
/// scanner parses what came before. The reader sees the same bytes in the same order, and an error of the inner
/// stream (such as a decompression limit) where the bytes stop, exactly as if it read the inner stream itself. The
/// inner stream stays the caller's: disposing this stream stops the reading ahead, so the caller may then dispose it.
/// </summary>
internal sealed class ReadAheadStream : Stream
{
    private const int BlockBytes = 1 << 20;
    private const int MaxBlocks = 4;

    private readonly Stream _inner;
    private readonly BlockingCollection<Block> _blocks = new(MaxBlocks);
    private readonly BlockingCollection<byte[]> _free = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _producer;
    private Block? _current;
    private int _offset;
    private bool _done;

    private sealed record Block(byte[] Bytes, int Length, ExceptionDispatchInfo? Error);

    public ReadAheadStream(Stream inner)
    {
        _inner = inner;
        for (int i = 0; i < MaxBlocks + 2; i++)
        {
            _free.Add(new byte[BlockBytes]);
        }

        _producer = Task.Factory.StartNew(Produce, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

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

    public override int Read(Span<byte> buffer)
    {
        while (!_done && (_current is null || _offset == _current.Length))
        {
            if (_current is { Length: > 0 })
            {
                _free.Add(_current.Bytes);
            }

            _current = _blocks.Take();
            _offset = 0;
            if (_current.Error is { } error)
            {
                _done = true;
                error.Throw();
            }

            if (_current.Length == 0)
            {
                _done = true;
            }
        }

        if (_done || buffer.IsEmpty)
        {
            return 0;
        }

        int n = Math.Min(buffer.Length, _current!.Length - _offset);
        _current.Bytes.AsSpan(_offset, n).CopyTo(buffer);
        _offset += n;
        return n;
    }

    private void Produce()
    {
        try
        {
            while (true)
            {
                var bytes = _free.Take(_stop.Token);
                int length = 0;
                while (length < bytes.Length)
                {
                    int n = _inner.Read(bytes, length, bytes.Length - length);
                    if (n == 0)
                    {
                        break;
                    }

                    length += n;
                }

                if (length > 0)
                {
                    _blocks.Add(new Block(bytes, length, null), _stop.Token);
                }

                if (length < bytes.Length)
                {
                    _blocks.Add(new Block([], 0, null), _stop.Token);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            try
            {
                _blocks.Add(new Block([], 0, ExceptionDispatchInfo.Capture(e)), _stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
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
            // Stop the reading ahead before the inner stream goes away.
            _stop.Cancel();
            try
            {
                _producer.Wait();
            }
            catch (AggregateException)
            {
            }

            _stop.Dispose();
            _blocks.Dispose();
            _free.Dispose();
        }

        base.Dispose(disposing);
    }
}
