using System.Text;
using System.Text.RegularExpressions;

namespace Stepwise.Mining.IO.Xes;

/// <summary>Presents an XML input as UTF-8: skips a UTF-8 byte-order mark, and transcodes UTF-16 (by its mark) or
/// a declared single-byte encoding (ISO-8859-1, Windows-1252, US-ASCII).</summary>
internal static partial class XmlEncoding
{
    public static Stream ToUtf8(Stream input, string file)
    {
        var head = new byte[512];
        int n = 0;
        while (n < head.Length)
        {
            int r = input.Read(head, n, head.Length - n);
            if (r == 0)
            {
                break;
            }

            n += r;
        }

        var prefix = head.AsSpan(0, n);
        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new PrefixedStream(head[3..n], input);
        }

        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.CreateTranscodingStream(new PrefixedStream(head[2..n], input), Encoding.Unicode, Encoding.UTF8);
        }

        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.CreateTranscodingStream(new PrefixedStream(head[2..n], input), Encoding.BigEndianUnicode, Encoding.UTF8);
        }

        var rest = new PrefixedStream(head[..n], input);
        var declaration = Encoding.ASCII.GetString(prefix);
        var match = DeclaredEncoding().Match(declaration);
        if (!match.Success)
        {
            return rest;
        }

        string name = match.Groups[1].Value.ToLowerInvariant();
        switch (name)
        {
            case "utf-8" or "utf8":
                return rest;
            case "iso-8859-1" or "latin1" or "latin-1" or "iso8859-1" or "us-ascii" or "ascii":
                return Encoding.CreateTranscodingStream(rest, Encoding.Latin1, Encoding.UTF8);
            case "windows-1252" or "cp1252":
                return Encoding.CreateTranscodingStream(rest, CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1, Encoding.UTF8);
            default:
                throw new EventLogFormatException(file, new ImportIssue(1, null, null, $"the XML declares the encoding '{match.Groups[1].Value}', which is not supported (use UTF-8, UTF-16, ISO-8859-1 or Windows-1252)."));
        }
    }

    /// <summary>
    /// Whether content starting with <paramref name="head"/> (its first 512 bytes or all of it) is read as UTF-8
    /// without transcoding, and how many bytes of byte-order mark precede it: 0 or 3, or -1 when it must be
    /// transcoded (UTF-16, a declared single-byte encoding) or is refused.
    /// </summary>
    public static int Utf8Preamble(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return 3;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return -1;
        }

        var match = DeclaredEncoding().Match(Encoding.ASCII.GetString(head));
        return !match.Success || match.Groups[1].Value.ToLowerInvariant() is "utf-8" or "utf8" ? 0 : -1;
    }

    [GeneratedRegex("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']", RegexOptions.CultureInvariant)]
    private static partial Regex DeclaredEncoding();
}

/// <summary>A stream that yields some bytes already read, then the rest of another stream.</summary>
internal sealed class PrefixedStream(byte[] prefix, Stream rest) : ReadOnlyStream
{
    private int _offset;

    public override int Read(Span<byte> buffer)
    {
        if (_offset < prefix.Length)
        {
            int n = Math.Min(buffer.Length, prefix.Length - _offset);
            prefix.AsSpan(_offset, n).CopyTo(buffer);
            _offset += n;
            return n;
        }

        return rest.Read(buffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            rest.Dispose();
        }

        base.Dispose(disposing);
    }
}
