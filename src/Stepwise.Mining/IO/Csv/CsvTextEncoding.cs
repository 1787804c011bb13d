using System.Text;
using System.Text.Unicode;
using Stepwise.Mining.IO.Sources;

namespace Stepwise.Mining.IO.Csv;

/// <summary>Detects the text encoding of a delimited file and presents its content as UTF-8.</summary>
internal static class CsvTextEncoding
{
    /// <summary>
    /// Decides the encoding, and returns a source of UTF-8 bytes (the input itself for UTF-8, else the input
    /// transcoded as it is read) and the offset where content starts (after a byte-order mark).
    /// </summary>
    public static (ByteSource Source, long Start, string Name) Prepare(ByteSource input, TextEncodingChoice choice, string file, ReadOptionNames names)
    {
        Span<byte> head = stackalloc byte[4];
        int n = input.ReadFully(0, head);
        head = head[..n];
        bool utf8Bom = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        bool le = head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]);
        bool be = head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        switch (choice)
        {
            case TextEncodingChoice.Utf8:
                return (input, utf8Bom ? 3 : 0, "UTF-8");
            case TextEncodingChoice.Latin1:
                return (Transcode(input, 0, Encoding.Latin1), 0, "ISO-8859-1");
            case TextEncodingChoice.Utf16:
                return be ? (Transcode(input, 2, Encoding.BigEndianUnicode), 0, "UTF-16BE")
                    : (Transcode(input, le ? 2 : 0, Encoding.Unicode), 0, "UTF-16LE");
            default:
                break;
        }

        if (utf8Bom)
        {
            return (input, 3, "UTF-8");
        }

        if (le)
        {
            return (Transcode(input, 2, Encoding.Unicode), 0, "UTF-16LE");
        }

        if (be)
        {
            return (Transcode(input, 2, Encoding.BigEndianUnicode), 0, "UTF-16BE");
        }

        var sample = new byte[1 << 16];
        int got = input.ReadFully(0, sample);
        var span = sample.AsSpan(0, got);
        if (LooksLikeUtf16(span, out bool littleEndian))
        {
            return (Transcode(input, 0, littleEndian ? Encoding.Unicode : Encoding.BigEndianUnicode), 0, littleEndian ? "UTF-16LE" : "UTF-16BE");
        }

        RefuseBinary(span, file);

        // Ignore a multi-byte sequence cut off at the end of the sample.
        int cut = span.Length;
        for (int back = 1; back <= 3 && back <= span.Length; back++)
        {
            byte b = span[^back];
            if ((b & 0xC0) == 0xC0)
            {
                cut = span.Length - back;
                break;
            }

            if ((b & 0x80) == 0)
            {
                break;
            }
        }

        if (got < sample.Length)
        {
            cut = span.Length;
        }

        if (Utf8.IsValid(span[..cut]))
        {
            return (input, 0, "UTF-8");
        }

        int bad = FirstInvalid(span[..cut]);
        return (Transcode(input, 0, Encoding.Latin1), 0, $"ISO-8859-1 (detected: byte {bad + 1:N0} of the file, 0x{span[bad]:X2}, is not valid UTF-8; give {names.Encoding} utf-8 to refuse such files instead)");
    }

    /// <summary>Refuses content that is not text: an archive or compressed file under a text name, or any data with
    /// zero bytes (which no text encoding but UTF-16, detected before, puts in a file).</summary>
    private static void RefuseBinary(ReadOnlySpan<byte> head, string file)
    {
        string? kind = head.StartsWith("PK\u0003\u0004"u8) ? "a zip archive (a zipped export, or an .xlsx workbook): name it .zip or .xlsx"
            : head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) ? "gzip-compressed: name it .gz"
            : head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]) ? "an old Excel (.xls) or other Office file: save it as .xlsx or CSV"
            : null;
        if (kind is not null)
        {
            throw new EventLogFormatException(file, new ImportIssue(null, null, null, $"the file is {kind}, although its name says delimited text."));
        }

        int zero = head.IndexOf((byte)0);
        if (zero >= 0)
        {
            throw new EventLogFormatException(file, new ImportIssue(null, null, null, $"the file holds binary data (a zero byte at byte {zero + 1:N0}), not delimited text: is it compressed, a spreadsheet, or another kind of file?"));
        }
    }

    private static bool LooksLikeUtf16(ReadOnlySpan<byte> span, out bool littleEndian)
    {
        littleEndian = true;
        if (span.Length < 8)
        {
            return false;
        }

        int evenZero = 0, oddZero = 0, pairs = span.Length / 2;
        for (int i = 0; i + 1 < span.Length; i += 2)
        {
            if (span[i] == 0)
            {
                evenZero++;
            }

            if (span[i + 1] == 0)
            {
                oddZero++;
            }
        }

        if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05)
        {
            littleEndian = true;
            return true;
        }

        if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05)
        {
            littleEndian = false;
            return true;
        }

        return false;
    }

    /// <summary>The position of the first byte that is not part of valid UTF-8.</summary>
    private static int FirstInvalid(ReadOnlySpan<byte> span)
    {
        int good = 0;
        while (good < span.Length && System.Text.Rune.DecodeFromUtf8(span[good..], out _, out int used) == System.Buffers.OperationStatus.Done)
        {
            good += used;
        }

        return Math.Min(good, span.Length - 1);
    }

    /// <summary>The input as UTF-8, transcoded as it is read (never held whole).</summary>
    private static StreamedByteSource Transcode(ByteSource input, long start, Encoding encoding)
    {
        var raw = new ByteSourceStream(input, start);
        var utf8 = Encoding.CreateTranscodingStream(raw, encoding, Encoding.UTF8, leaveOpen: false);
        return new StreamedByteSource(utf8, () => input.Fraction(raw.Position));
    }

    private sealed class ByteSourceStream(ByteSource source, long position) : ReadOnlyStream
    {
        private long _position = position;

        public override long Length => source.Length;

        public override long Position => _position;

        public override int Read(Span<byte> buffer)
        {
            int n = source.Read(_position, buffer);
            _position += n;

            // Read strictly in order: a streamed input may free what lies behind.
            source.ReleaseBefore(_position);
            return n;
        }
    }
}
