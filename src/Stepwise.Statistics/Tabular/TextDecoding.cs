using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Stepwise.Statistics.Tabular;

/// <summary>
/// Decodes a stream of bytes into characters as they are needed, with the encoding given, or told by a byte-order
/// mark, or else strict UTF-8: an invalid UTF-8 byte is an error naming its line, column and byte offset, never a
/// silent switch to another encoding or a replacement character. Tracks the line and column of what was read.
/// </summary>
internal sealed class TextDecoding : IDisposable
{
    private readonly Stream _stream;
    private readonly string _source;
    private readonly Decoder? _decoder;
    private readonly byte[] _bytes = ArrayPool<byte>.Shared.Rent(1 << 16);
    private readonly char[] _chars = ArrayPool<char>.Shared.Rent((1 << 16) + 4);
    private int _byteStart;
    private int _byteEnd;
    private long _bytesBefore;
    private bool _endOfBytes;
    private int _pos;
    private int _len;
    private (byte Value, long Offset)? _invalid;
    private bool _lastWasCr;

    private TextDecoding(Stream stream, string source, Decoder? decoder, string name, int skip)
    {
        _stream = stream;
        _source = source;
        _decoder = decoder;
        EncodingName = name;
        _byteStart = skip;
    }

    /// <summary>The encoding used (<c>utf-8</c>, <c>utf-16</c>, <c>utf-16BE</c>, <c>latin-1</c>, <c>windows-1252</c>).</summary>
    public string EncodingName { get; }

    /// <summary>The line of the next character (1-based).</summary>
    public int Line { get; private set; } = 1;

    /// <summary>The column of the next character on its line (1-based).</summary>
    public int Column { get; private set; } = 1;

    /// <summary>Opens a decoder for <paramref name="stream"/>: <paramref name="encoding"/>, else by byte-order mark, else strict UTF-8.</summary>
    public static TextDecoding Open(Stream stream, string source, Encoding? encoding)
    {
        var head = new byte[4];
        int got = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        var span = head.AsSpan(0, got);
        TextDecoding decoding;
        if (encoding is not null)
        {
            var preamble = encoding.GetPreamble();
            bool bom = preamble.Length > 0 && span.StartsWith(preamble);
            decoding = encoding is UTF8Encoding
                ? new TextDecoding(stream, source, null, "utf-8", bom ? preamble.Length : 0)
                : new TextDecoding(stream, source, encoding.GetDecoder(), NameOf(encoding), bom ? preamble.Length : 0);
        }
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            decoding = new TextDecoding(stream, source, null, "utf-8", 3);
        }
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            decoding = new TextDecoding(stream, source, Encoding.Unicode.GetDecoder(), "utf-16", 2);
        }
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            decoding = new TextDecoding(stream, source, Encoding.BigEndianUnicode.GetDecoder(), "utf-16BE", 2);
        }
        else
        {
            decoding = new TextDecoding(stream, source, null, "utf-8", 0);
        }

        head.AsSpan(0, got).CopyTo(decoding._bytes);
        decoding._byteEnd = got;
        decoding._endOfBytes = got < 4;
        return decoding;
    }

    /// <summary>The next character without consuming it, or -1 at the end.</summary>
    public int Peek()
    {
        if (_pos >= _len && !Fill())
        {
            return -1;
        }

        return _chars[_pos];
    }

    /// <summary>The character after the next one, or -1.</summary>
    public int PeekSecond()
    {
        if (_pos + 1 >= _len)
        {
            // Keep the next character and decode more behind it.
            if (_pos < _len)
            {
                _chars[0] = _chars[_pos];
                _len = 1;
                _pos = 0;
                if (_invalid is null)
                {
                    Fill(append: true);
                }
            }
            else if (!Fill())
            {
                return -1;
            }
        }

        return _pos + 1 < _len ? _chars[_pos + 1] : -1;
    }

    /// <summary>
    /// Consumes characters up to (not including) the next one in <paramref name="stops"/> or the end, appending them to
    /// <paramref name="sink"/> while it holds fewer than <paramref name="limit"/> characters; returns false when some
    /// were dropped for the limit. The fast path for the bulk of a field.
    /// </summary>
    public bool ReadRun(SearchValues<char> stops, StringBuilder sink, int limit)
    {
        bool kept = true;
        while (true)
        {
            if (_pos >= _len && !Fill())
            {
                return kept;
            }

            var available = _chars.AsSpan(_pos, _len - _pos);
            int stop = available.IndexOfAny(stops);
            var run = stop < 0 ? available : available[..stop];
            int room = limit - sink.Length;
            if (room >= run.Length)
            {
                sink.Append(run);
            }
            else
            {
                if (room > 0)
                {
                    sink.Append(run[..room]);
                }

                kept = false;
            }

            Count(run);
            _pos += run.Length;
            if (stop >= 0)
            {
                return kept;
            }
        }
    }

    /// <summary>Consumes and returns the next character, or -1 at the end.</summary>
    public int Read()
    {
        if (_pos >= _len && !Fill())
        {
            return -1;
        }

        char c = _chars[_pos++];
        if (c == '\n')
        {
            if (!_lastWasCr)
            {
                Line++;
            }

            Column = 1;
        }
        else if (c == '\r')
        {
            Line++;
            Column = 1;
        }
        else
        {
            Column++;
        }

        _lastWasCr = c == '\r';
        return c;
    }

    // Line and column after consuming run (which may hold line breaks, in a quoted field).
    private void Count(ReadOnlySpan<char> run)
    {
        if (run.IsEmpty)
        {
            return;
        }

        int last = run.LastIndexOfAny('\r', '\n');
        if (last < 0)
        {
            Column += run.Length;
            _lastWasCr = false;
            return;
        }

        for (int i = 0; i <= last; i++)
        {
            char c = run[i];
            if (c == '\n')
            {
                Line += _lastWasCr ? 0 : 1;
                _lastWasCr = false;
            }
            else if (c == '\r')
            {
                Line++;
                _lastWasCr = true;
            }
            else
            {
                _lastWasCr = false;
            }
        }

        Column = run.Length - last;
        _lastWasCr = last == run.Length - 1 && run[last] == '\r';
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_bytes);
        ArrayPool<char>.Shared.Return(_chars);
    }

    private static string NameOf(Encoding encoding) => encoding.CodePage switch
    {
        1200 => "utf-16",
        1201 => "utf-16BE",
        28591 => "latin-1",
        1252 => "windows-1252",
        65001 => "utf-8",
        _ => encoding.WebName,
    };

    // Decodes more characters: after the unread ones (append) or replacing the buffer.
    private bool Fill(bool append = false)
    {
        if (_invalid is { } pending)
        {
            Throw(pending);
        }

        if (!append)
        {
            _pos = 0;
            _len = 0;
        }

        while (true)
        {
            int rest = _byteEnd - _byteStart;
            if (rest < 4 && !_endOfBytes)
            {
                // Move what is left (perhaps an incomplete sequence) to the front and read more behind it.
                _bytes.AsSpan(_byteStart, rest).CopyTo(_bytes);
                _bytesBefore += _byteStart;
                _byteStart = 0;
                int more = _stream.ReadAtLeast(_bytes.AsSpan(rest), 1, throwOnEndOfStream: false);
                _byteEnd = rest + more;
                _endOfBytes = more == 0;
            }

            var source = _bytes.AsSpan(_byteStart, _byteEnd - _byteStart);
            var target = _chars.AsSpan(_len, _chars.Length - _len);
            if (target.Length < 2)
            {
                return _len > _pos;
            }

            int read, written;
            if (_decoder is null)
            {
                var status = Utf8.ToUtf16(source, target, out read, out written, replaceInvalidSequences: false, isFinalBlock: _endOfBytes);
                if (status == OperationStatus.InvalidData)
                {
                    _invalid = (source[read], _bytesBefore + _byteStart + read);
                }
            }
            else
            {
                _decoder.Convert(source, target, _endOfBytes, out read, out written, out _);
            }

            _byteStart += read;
            _len += written;
            if (written > 0)
            {
                return true;
            }

            if (_invalid is { } invalid)
            {
                Throw(invalid);
            }

            if (_endOfBytes && _byteStart >= _byteEnd)
            {
                return _len > _pos;
            }
        }
    }

    private void Throw((byte Value, long Offset) bad)
    {
        // The position of the bad byte: the characters before it on the buffer have been counted by then only if read;
        // count the unread ones here.
        int line = Line, column = Column;
        bool cr = _lastWasCr;
        for (int i = _pos; i < _len; i++)
        {
            char c = _chars[i];
            if (c == '\n')
            {
                line += cr ? 0 : 1;
                column = 1;
            }
            else if (c == '\r')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }

            cr = c == '\r';
        }

        throw new TextEncodingException(_source, line, string.Create(CultureInfo.InvariantCulture,
            $"character {column}: the byte 0x{bad.Value:X2} (byte {bad.Offset + 1:N0} of the file) is not valid UTF-8, so the file is not UTF-8 throughout and nothing was read. Stepwise does not guess an encoding: give the file's encoding (latin-1, windows-1252 or utf-16) to read it as such, or correct the byte"), bad.Value, bad.Offset);
    }
}
