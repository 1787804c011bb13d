using Stepwise.Mining.IO;
using Stepwise.Mining.IO.Xes;
using Stepwise.Testing;

namespace Stepwise.Mining.Tests;

/// <summary>A compressed XES file is decompressed on another thread while it is read: the reader must see the same
/// bytes in the same order, and a failure of the inner stream only after every byte before it.</summary>
public class XesReadAheadStreamTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(0, 16)]
    [InlineData(1, 16)]
    [InlineData(64, 16)]
    [InlineData(1000, 16)]
    [InlineData(100_000, 4096)]
    public void Read_InPiecesOfEverySize_SameBytesInOrder(int length, int block)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        using var inner = new TricklingStream(data, failAfter: null);
        using var ahead = new ReadAheadStream(inner, block);
        var read = new List<byte>();
        var buffer = new byte[37];
        int size = 1;
        while (true)
        {
            int n = ahead.Read(buffer, 0, size);
            if (n == 0)
            {
                break;
            }

            read.AddRange(buffer.AsSpan(0, n).ToArray());
            size = size % buffer.Length + 1;
        }

        Assert.Equal(data, read.ToArray());
        Assert.Equal(0, ahead.Read(buffer, 0, buffer.Length));
        Assert.Equal(length, ahead.Position);
    }

    [Fact]
    public void Read_InnerStreamFails_EveryByteBeforeThenTheSameException()
    {
        var data = new byte[10_000];
        new Random(7).NextBytes(data);
        using var inner = new TricklingStream(data, failAfter: 6_001);
        using var ahead = new ReadAheadStream(inner, 1024);
        var read = new MemoryStream();
        var buffer = new byte[500];
        void ReadAll()
        {
            while (true)
            {
                int n = ahead.Read(buffer, 0, buffer.Length);
                read.Write(buffer, 0, n);
            }
        }

        var error = Assert.Throws<InvalidDataException>(ReadAll);
        Assert.Equal("broken at 6001", error.Message);
        Assert.Equal(data[..6_001], read.ToArray());
        Assert.Throws<InvalidDataException>(() => ahead.Read(buffer, 0, buffer.Length));
    }

    [Fact]
    public void Dispose_BeforeTheEnd_StopsReadingAhead()
    {
        var data = new byte[1 << 20];
        using var inner = new TricklingStream(data, failAfter: null);
        var ahead = new ReadAheadStream(inner, 1024);
        Assert.Equal(10, ahead.Read(new byte[10], 0, 10));
        ahead.Dispose();
        long reached = inner.Position;
        Thread.Sleep(50);
        Assert.Equal(reached, inner.Position);
        Assert.True(reached < data.Length, $"read ahead {reached} bytes");
    }

    [Fact]
    public void Read_TruncatedGzipXes_SameErrorAsReadWithoutReadingAhead()
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("eventlogs/helpdesk.xes.gz"));
        string path = _files.WriteBytes("cut.xes.gz", bytes[..(bytes.Length * 2 / 3)]);
        string Error(XesParallelism parallelism)
        {
            using var stream = InputFile.OpenStream(path, EventLogReadOptions.Default, null, out var fraction);
            var error = Assert.ThrowsAny<Exception>(() => XesLogReader.Read(stream, "cut.xes.gz", EventLogReadOptions.Default, fraction, null, CancellationToken.None, parallelism, out _));
            return error.GetType().Name + ": " + error.Message;
        }

        string serial = Error(XesParallelism.Serial);
        Assert.Equal(serial, Error(XesParallelism.Default));
        Assert.Contains("cut.xes.gz", serial, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GzipXesExpandingBeyondTheLimit_Refused()
    {
        var xes = "<log>\n" + string.Concat(Enumerable.Repeat("<trace><string key=\"concept:name\" value=\"1\"/><event><string key=\"concept:name\" value=\"A\"/><date key=\"time:timestamp\" value=\"2020-01-01T00:00:00Z\"/></event></trace>\n", 20_000)) + "</log>\n";
        string path = _files.WriteGzip("big.xes.gz", xes);
        var error = Assert.Throws<EventLogFormatException>(() => EventLogFile.Read(path, new EventLogReadOptions { MaxExpandedBytes = 1 << 20 }));
        Assert.Contains("expands to more than", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Hands out its bytes a few at a time (as a decompressor does), failing after a given count.</summary>
    private sealed class TricklingStream(byte[] data, int? failAfter) : Stream
    {
        private int _pos;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_pos == failAfter)
            {
                throw new InvalidDataException($"broken at {_pos}");
            }

            int limit = failAfter ?? data.Length;
            int n = Math.Min(Math.Min(count, 1 + (_pos % 13) * 50), limit - _pos);
            data.AsSpan(_pos, n).CopyTo(buffer.AsSpan(offset));
            _pos += n;
            return n;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => data.Length;

        public override long Position
        {
            get => Volatile.Read(ref _pos);
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
