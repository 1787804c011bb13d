using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Unicode;

namespace Stepwise.Mining.IO.Xes;

/// <summary>The kind of markup the scanner stopped at.</summary>
internal enum XmlTokenKind
{
    None,
    StartElement,
    EndElement,
}

/// <summary>
/// A small streaming XML scanner over UTF-8 bytes, enough for XES and safe for untrusted files: it refuses document
/// type declarations (so no entity expansion and no external resources), refuses undefined entities, checks that
/// tags nest and that the document is complete, validates UTF-8, and bounds the size of a single tag and the depth
/// of nesting (so hostile nesting can neither exhaust the stack of a recursive reader nor its memory). It yields
/// start and end tags with their attributes; text is skipped unless asked for (<see cref="ReadText"/>); comments,
/// CDATA and processing instructions are skipped. Positions in errors are line and column (in bytes) of the file.
/// </summary>
internal sealed class XmlScanner
{
    private const int MaxAttributes = 256;

    /// <summary>The deepest nesting of elements accepted: XES nests log, trace, event and a few levels of nested
    /// attributes; a workbook sheet about six.</summary>
    public const int MaxDepth = 100;
    private static readonly SearchValues<byte> TagEndOrQuote = SearchValues.Create("<>\"'"u8);
    private static readonly SearchValues<byte> QuoteOrLt = SearchValues.Create("<\"'"u8);

    private readonly Stream _stream;
    private readonly string _file;
    private readonly int _maxTagBytes;
    private byte[] _buf = new byte[1 << 20];
    private int _pos;
    private int _end;
    private int _validated;
    private bool _eof;
    private long _bufOffset;
    private long _line = 1;
    private long _lineStart;
    private int _counted;
    private long _markOffset = -1;
    private long _markLine;

    private readonly int[] _attrNameStart = new int[MaxAttributes];
    private readonly int[] _attrNameLength = new int[MaxAttributes];
    private readonly int[] _attrValueStart = new int[MaxAttributes];
    private readonly int[] _attrValueLength = new int[MaxAttributes];
    private readonly bool[] _attrHasEntity = new bool[MaxAttributes];
    private byte[] _scratch = new byte[256];
    private byte[] _keyScratch = new byte[256];
    // The names of the open elements, one after another, and where each ends (a stack without an array per element).
    private byte[] _openNames = new byte[256];
    private readonly int[] _openEnds = new int[MaxDepth];
    private readonly bool[] _openPlain = new bool[MaxDepth];
    private int _openCount;
    private int _nameStart;
    private int _nameLength;

    // The length of the name's prefix with its colon (0 without one).
    private int _prefixLength;

    // The first attributes named "key" and "value" of the current tag (-1 for none), or Unknown.
    private const int Unknown = -2;
    private int _keyAt = Unknown;
    private int _valueAt = Unknown;

    public XmlScanner(Stream stream, string file, int maxTagBytes = 256 << 20)
    {
        _stream = stream;
        _file = file;
        _maxTagBytes = maxTagBytes;
    }

    /// <summary>Bytes consumed so far (for progress).</summary>
    public long BytesRead => _bufOffset + _end;

    public XmlTokenKind Kind { get; private set; }

    /// <summary>Whether the current start tag closes itself (<c>&lt;x/&gt;</c>).</summary>
    public bool IsEmptyElement { get; private set; }

    public int AttributeCount { get; private set; }

    /// <summary>Nesting depth of the current element (the root is 1).</summary>
    public int Depth => _openCount + (Kind == XmlTokenKind.StartElement && IsEmptyElement ? 1 : 0);

    /// <summary>Absolute byte offset of the current tag.</summary>
    public long TokenOffset { get; private set; }

    /// <summary>The local name (after any prefix) of the current tag.</summary>
    public ReadOnlySpan<byte> LocalName => _buf.AsSpan(_nameStart + _prefixLength, _nameLength - _prefixLength);

    /// <summary>The name of the current tag as written, prefix included.</summary>
    public ReadOnlySpan<byte> Name => _buf.AsSpan(_nameStart, _nameLength);

    public ReadOnlySpan<byte> AttributeName(int i) => _buf.AsSpan(_attrNameStart[i], _attrNameLength[i]);

    /// <summary>The value of attribute <paramref name="i"/> with entities decoded (valid until the next call).</summary>
    public ReadOnlySpan<byte> AttributeValue(int i)
    {
        var raw = _buf.AsSpan(_attrValueStart[i], _attrValueLength[i]);
        return _attrHasEntity[i] ? Decode(raw, ref _scratch) : raw;
    }

    /// <summary>
    /// The values of the first attributes named <c>key</c> and <c>value</c>, the pair an XES attribute is written
    /// with (the key empty when missing), entities decoded each into a buffer of its own, so that both stay valid
    /// together until the next call; false without a value.
    /// </summary>
    public bool TryGetKeyAndValue(out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        // Found while the tag was read in one pass; otherwise looked for now.
        int keyAt = _keyAt;
        int valueAt = _valueAt;
        for (int i = keyAt == Unknown ? 0 : AttributeCount; i < AttributeCount; i++)
        {
            int length = _attrNameLength[i];
            if (length == 3 && keyAt < 0 && AttributeName(i).SequenceEqual("key"u8))
            {
                keyAt = i;
            }
            else if (length == 5 && valueAt < 0 && AttributeName(i).SequenceEqual("value"u8))
            {
                valueAt = i;
            }
        }

        key = default;
        if (keyAt >= 0)
        {
            key = _buf.AsSpan(_attrValueStart[keyAt], _attrValueLength[keyAt]);
            if (_attrHasEntity[keyAt])
            {
                key = Decode(key, ref _keyScratch);
            }
        }

        value = valueAt >= 0 ? AttributeValue(valueAt) : default;
        return valueAt >= 0;
    }

    /// <summary>Finds an attribute by name.</summary>
    public bool TryGetAttribute(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        for (int i = 0; i < AttributeCount; i++)
        {
            if (AttributeName(i).SequenceEqual(name))
            {
                value = AttributeValue(i);
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Index of the attribute named <paramref name="name"/>, or -1.</summary>
    public int IndexOfAttribute(ReadOnlySpan<byte> name)
    {
        for (int i = 0; i < AttributeCount; i++)
        {
            if (AttributeName(i).SequenceEqual(name))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Lets the buffer go once the document has been read (or given up): <see cref="BytesRead"/> still
    /// tells how far it got; nothing may be read or asked about its positions after.</summary>
    public void ReleaseBuffer() => _buf = [];

    /// <summary>Advances to the next start or end tag; false at the end of a complete document.</summary>
    public bool Read()
    {
        while (true)
        {
            if (_pos >= _end)
            {
                if (!Fill())
                {
                    if (_openCount > 0)
                    {
                        throw Error(BytesRead, $"the file ends inside <{Encoding.UTF8.GetString(OpenName)}>: it is truncated or incomplete.");
                    }

                    Kind = XmlTokenKind.None;
                    return false;
                }

                continue;
            }

            // Between tags there is mostly a line break and indentation, skipped as text is.
            int lt = IndexOfTagStart(new ReadOnlySpan<byte>(_buf, 0, _end), _pos);
            if (lt < 0)
            {
                _pos = _end;
                continue;
            }

            _pos = lt;

            if (!Ensure(2))
            {
                throw Error(_bufOffset + _pos, "the file ends inside a tag: it is truncated.");
            }

            byte next = _buf[_pos + 1];
            if (next == '?')
            {
                SkipPast("?>"u8, "processing instruction");
                continue;
            }

            if (next == '!')
            {
                SkipDeclaration();
                continue;
            }

            if (next == '/')
            {
                ReadEndTag();
                return true;
            }

            ReadStartTag();
            return true;
        }
    }

    /// <summary>
    /// The text after the current start tag up to the next tag, entities decoded (CDATA sections and comments in
    /// between are included and skipped respectively). Call right after a start tag that is not empty; the next
    /// <see cref="Read"/> continues at the tag after the text.
    /// </summary>
    public string ReadText()
    {
        var text = new StringBuilder();
        while (true)
        {
            if (_pos >= _end && !Fill())
            {
                return text.ToString();
            }

            int lt = _buf.AsSpan(_pos, _end - _pos).IndexOf((byte)'<');
            if (lt < 0)
            {
                if (_end - _pos > _maxTagBytes)
                {
                    throw Error(_bufOffset + _pos, $"a text is longer than {_maxTagBytes:N0} bytes.");
                }

                // Keep the text in the buffer until the next '<' is read, so entities are never split.
                if (!Fill())
                {
                    AppendText(text, _buf.AsSpan(_pos, _end - _pos));
                    _pos = _end;
                    return text.ToString();
                }

                continue;
            }

            AppendText(text, _buf.AsSpan(_pos, lt));
            _pos += lt;
            if (!Ensure(9))
            {
                return text.ToString();
            }

            var head = _buf.AsSpan(_pos, Math.Min(9, _end - _pos));
            if (head.StartsWith("<![CDATA["u8))
            {
                long start = _bufOffset + _pos + 9;
                SkipPast("]]>"u8, "CDATA section");
                int local = (int)(start - _bufOffset);
                text.Append(Encoding.UTF8.GetString(_buf.AsSpan(local, _pos - 3 - local)));
                continue;
            }

            if (head.StartsWith("<!--"u8))
            {
                SkipPast("-->"u8, "comment");
                continue;
            }

            return text.ToString();
        }
    }

    private void AppendText(StringBuilder text, ReadOnlySpan<byte> raw)
    {
        if (raw.IsEmpty)
        {
            return;
        }

        text.Append(Encoding.UTF8.GetString(raw.IndexOf((byte)'&') >= 0 ? Decode(raw, ref _scratch) : raw));
    }

    /// <summary>Skips the content of the current start tag up to its matching end tag.</summary>
    public void SkipElement()
    {
        if (Kind != XmlTokenKind.StartElement || IsEmptyElement)
        {
            return;
        }

        int depth = _openCount;
        while (Read())
        {
            if (Kind == XmlTokenKind.EndElement && _openCount < depth)
            {
                return;
            }
        }
    }

    /// <summary>An import error at an absolute byte offset, with line and column.</summary>
    public EventLogFormatException Error(long offset, string message)
    {
        var (line, column) = PositionOf(offset);
        return new EventLogFormatException(_file, new ImportIssue(line, column, null, message));
    }

    /// <summary>An import issue at the current tag.</summary>
    public ImportIssue IssueAtToken(string? field, string message)
    {
        var (line, column) = PositionOf(TokenOffset);
        return new ImportIssue(line, column, field, message);
    }

    /// <summary>Line and column (1-based, column in bytes) of an absolute offset within the buffered data. Offsets
    /// at or after the last one asked for cost only the bytes in between (line counting advances monotonically).</summary>
    public (long Line, long Column) PositionOf(long offset)
    {
        int local = (int)Math.Clamp(offset - _bufOffset, 0, _end);
        if (local >= _counted)
        {
            CountLines(local);
            return (_line, offset - _lineStart + 1);
        }

        // Behind the counted position (rare: errors about an earlier tag): count back.
        long line = _line - _buf.AsSpan(local, _counted - local).Count((byte)'\n');
        int last = _buf.AsSpan(0, local).LastIndexOf((byte)'\n');
        long lineStart = last >= 0 ? _bufOffset + last + 1 : _bufOffset;
        return (line, offset - lineStart + 1);
    }

    /// <summary>
    /// Remembers <paramref name="offset"/> (at or after the start of the buffered data), whose line
    /// <see cref="MarkedLine"/> tells later, even once its bytes have left the buffer: lines are counted only when
    /// asked for, or when the bytes are about to be dropped.
    /// </summary>
    public void MarkLine(long offset)
    {
        _markOffset = offset;
        _markLine = 0;
    }

    /// <summary>The line of the offset given to <see cref="MarkLine"/>.</summary>
    public long MarkedLine
    {
        get
        {
            if (_markLine == 0)
            {
                _markLine = PositionOf(_markOffset).Line;
            }

            return _markLine;
        }
    }

    /// <summary>Advances the line count to buffer position <paramref name="upTo"/> (before bytes are discarded).</summary>
    private void CountLines(int upTo)
    {
        if (upTo <= _counted)
        {
            return;
        }

        var span = _buf.AsSpan(_counted, upTo - _counted);
        int n = span.Count((byte)'\n');
        if (n > 0)
        {
            _line += n;
            _lineStart = _bufOffset + _counted + span.LastIndexOf((byte)'\n') + 1;
        }

        _counted = upTo;
    }

    private void ReadStartTag()
    {
        TokenOffset = _bufOffset + _pos;
        bool plain = TryParseStartTag(out int close, out int count, out bool empty);
        if (!plain)
        {
            close = FindTagEnd();
            count = ParseStartTag(close, out empty);
            _keyAt = Unknown;
            _valueAt = Unknown;
        }

        AttributeCount = count;
        IsEmptyElement = empty;
        Kind = XmlTokenKind.StartElement;
        if (!empty)
        {
            if (_openCount >= MaxDepth)
            {
                throw Error(TokenOffset, $"elements are nested more than {MaxDepth} deep (here <{Encoding.UTF8.GetString(_buf.AsSpan(_nameStart, _nameLength))}>); an event log nests a few levels, so the file is refused.");
            }

            var name = _buf.AsSpan(_nameStart, _nameLength);
            PushOpen(name, plain || name.IndexOfAny(QuoteOrLt) < 0);
        }

        // The tag stays in the buffer until the next Read: the caller reads its attributes first.
        _pos = close + 1;
    }

    /// <summary>
    /// Reads the start tag at <see cref="_pos"/> in one pass over its bytes, when it lies wholly in the buffer and is
    /// written the plain way (names without quotes or '&lt;', <c>name="value"</c> pairs, at most
    /// <see cref="MaxAttributes"/>). Anything else returns false having changed nothing the caller keeps, and the tag
    /// is read by <see cref="FindTagEnd"/> and <see cref="ParseStartTag"/>, which give the errors: a tag this reads
    /// they read the same way, since its only quotes delimit values and its first '&gt;' outside them closes it.
    /// </summary>
    private bool TryParseStartTag(out int close, out int count, out bool empty)
    {
        var buf = new ReadOnlySpan<byte>(_buf, 0, _end);
        if (TryParseAttributeTag(buf, out close))
        {
            count = 2;
            empty = true;
            return true;
        }

        close = 0;
        count = 0;
        empty = false;
        var classes = ByteClass;
        int i = _pos + 1;
        int nameStart = i;
        int prefix = 0;
        int keyAt = -1;
        int valueAt = -1;
        byte c;
        while (true)
        {
            if ((uint)i >= (uint)buf.Length)
            {
                return false;
            }

            c = classes[buf[i]];
            if (c != 0 && c != Eq)
            {
                if (c != Colon)
                {
                    break;
                }

                if (prefix == 0)
                {
                    prefix = i + 1 - nameStart;
                }
            }

            i++;
        }

        if (i == nameStart || c == Odd)
        {
            return false;
        }

        _nameStart = nameStart;
        _nameLength = i - nameStart;
        _prefixLength = prefix;
        while (true)
        {
            while ((uint)i < (uint)buf.Length && classes[buf[i]] == Space)
            {
                i++;
            }

            if ((uint)i >= (uint)buf.Length)
            {
                return false;
            }

            c = classes[buf[i]];
            if (c == Gt)
            {
                break;
            }

            if (c == Slash)
            {
                if ((uint)(i + 1) < (uint)buf.Length && buf[i + 1] == '>')
                {
                    empty = true;
                    i++;
                    break;
                }

                return false;
            }

            int an = i;
            while (true)
            {
                if ((uint)i >= (uint)buf.Length)
                {
                    return false;
                }

                c = classes[buf[i]];
                if (c != 0 && c != Colon)
                {
                    break;
                }

                i++;
            }

            int anLen = i - an;
            while (c == Space)
            {
                if ((uint)++i >= (uint)buf.Length)
                {
                    return false;
                }

                c = classes[buf[i]];
            }

            if (anLen == 0 || c != Eq)
            {
                return false;
            }

            byte quote;
            while (true)
            {
                if ((uint)++i >= (uint)buf.Length)
                {
                    return false;
                }

                quote = buf[i];
                if (classes[quote] != Space)
                {
                    break;
                }
            }

            if ((quote != '"' && quote != '\'') || count == MaxAttributes)
            {
                return false;
            }

            int vs = i + 1;
            int ve = IndexOfQuoteOrAmpersand(buf, vs, quote);
            if (ve < 0)
            {
                return false;
            }

            ve -= vs;
            bool entity = buf[vs + ve] == '&';
            if (entity)
            {
                int rest = buf[(vs + ve)..].IndexOf(quote);
                if (rest < 0)
                {
                    return false;
                }

                ve += rest;
            }

            _attrNameStart[count] = an;
            _attrNameLength[count] = anLen;
            _attrValueStart[count] = vs;
            _attrValueLength[count] = ve;
            _attrHasEntity[count] = entity;
            if (anLen == 3 && keyAt < 0 && buf[an] == 'k' && buf[an + 1] == 'e' && buf[an + 2] == 'y')
            {
                keyAt = count;
            }
            else if (anLen == 5 && valueAt < 0 && buf.Slice(an, 5).SequenceEqual("value"u8))
            {
                valueAt = count;
            }

            count++;
            i = vs + ve + 1;
        }

        close = i;
        _keyAt = keyAt;
        _valueAt = valueAt;
        return true;
    }

    /// <summary>
    /// Reads the start tag at <see cref="_pos"/> when it is written exactly as XES writers write an attribute,
    /// <c>&lt;type key="k" value="v"/&gt;</c> (a name of lowercase letters, single spaces, no entities), as
    /// <see cref="TryParseStartTag"/> reads it but matching the fixed bytes at once; false for anything else, having
    /// changed nothing the caller keeps. <paramref name="close"/> is the tag's '&gt;'.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryParseAttributeTag(ReadOnlySpan<byte> buf, out int close)
    {
        close = 0;
        int nameStart = _pos + 1;
        int i = nameStart;
        while ((uint)i < (uint)buf.Length && (uint)(buf[i] - 'a') <= 'z' - 'a')
        {
            i++;
        }

        // ' key="' after the name, then the key up to its quote.
        int keyStart = i + 6;
        if (!BitConverter.IsLittleEndian || i == nameStart || keyStart + 1 >= buf.Length
            || Unsafe.ReadUnaligned<uint>(ref Unsafe.AsRef(in buf[i])) != SpaceKeyEquals || buf[i + 4] != '=' || buf[i + 5] != '"')
        {
            return false;
        }

        int keyEnd = IndexOfQuoteOrAmpersand(buf, keyStart, (byte)'"');
        if (keyEnd < 0 || buf[keyEnd] != '"' || keyEnd + 10 >= buf.Length
            || Unsafe.ReadUnaligned<ulong>(ref Unsafe.AsRef(in buf[keyEnd + 1])) != SpaceValueEqualsQuote)
        {
            return false;
        }

        // ' value="' after the key's quote, then the value up to its quote, then '/>'.
        int valueStart = keyEnd + 9;
        int valueEnd = IndexOfQuoteOrAmpersand(buf, valueStart, (byte)'"');
        if (valueEnd < 0 || buf[valueEnd] != '"' || valueEnd + 2 >= buf.Length || buf[valueEnd + 1] != '/' || buf[valueEnd + 2] != '>')
        {
            return false;
        }

        _nameStart = nameStart;
        _nameLength = i - nameStart;
        _prefixLength = 0;
        _attrNameStart[0] = i + 1;
        _attrNameLength[0] = 3;
        _attrValueStart[0] = keyStart;
        _attrValueLength[0] = keyEnd - keyStart;
        _attrHasEntity[0] = false;
        _attrNameStart[1] = keyEnd + 2;
        _attrNameLength[1] = 5;
        _attrValueStart[1] = valueStart;
        _attrValueLength[1] = valueEnd - valueStart;
        _attrHasEntity[1] = false;
        _keyAt = 0;
        _valueAt = 1;
        close = valueEnd + 2;
        return true;
    }

    /// <summary>Reads the name and attributes of the start tag from <see cref="_pos"/> to <paramref name="close"/>
    /// (its '&gt;'), with an error for anything malformed; the number of attributes.</summary>
    private int ParseStartTag(int close, out bool empty)
    {
        var tag = _buf.AsSpan(_pos, close - _pos + 1);
        int i = 1;
        int nameStart = i;
        while (i < tag.Length && !IsSpace(tag[i]) && tag[i] != '/' && tag[i] != '>')
        {
            i++;
        }

        if (i == nameStart)
        {
            throw Error(TokenOffset, "a tag has no name.");
        }

        _nameStart = _pos + nameStart;
        _nameLength = i - nameStart;
        _prefixLength = PrefixLength(_buf.AsSpan(_nameStart, _nameLength));
        int count = 0;
        empty = false;
        while (true)
        {
            while (i < tag.Length && IsSpace(tag[i]))
            {
                i++;
            }

            if (i >= tag.Length)
            {
                throw Error(TokenOffset, "a tag is not closed.");
            }

            if (tag[i] == '>')
            {
                break;
            }

            if (tag[i] == '/')
            {
                if (i + 1 < tag.Length && tag[i + 1] == '>')
                {
                    empty = true;
                    break;
                }

                throw Error(_bufOffset + _pos + i, "'/' inside a tag must be followed by '>'.");
            }

            int an = i;
            while (i < tag.Length && tag[i] != '=' && !IsSpace(tag[i]) && tag[i] != '>' && tag[i] != '/')
            {
                i++;
            }

            int anLen = i - an;
            while (i < tag.Length && IsSpace(tag[i]))
            {
                i++;
            }

            if (anLen == 0 || i >= tag.Length || tag[i] != '=')
            {
                throw Error(_bufOffset + _pos + an, "an attribute must be written name=\"value\".");
            }

            i++;
            while (i < tag.Length && IsSpace(tag[i]))
            {
                i++;
            }

            if (i >= tag.Length || (tag[i] != '"' && tag[i] != '\''))
            {
                throw Error(_bufOffset + _pos + i, "an attribute value must be in quotes.");
            }

            byte quote = tag[i++];
            int vs = i;
            int ve = tag[vs..].IndexOf(quote);
            if (ve < 0)
            {
                throw Error(_bufOffset + _pos + vs, "an attribute value is not closed by a quote.");
            }

            if (count == MaxAttributes)
            {
                throw Error(TokenOffset, $"a tag has more than {MaxAttributes} attributes.");
            }

            _attrNameStart[count] = _pos + an;
            _attrNameLength[count] = anLen;
            _attrValueStart[count] = _pos + vs;
            _attrValueLength[count] = ve;
            _attrHasEntity[count] = tag.Slice(vs, ve).IndexOf((byte)'&') >= 0;
            count++;
            i = vs + ve + 1;
        }

        return count;
    }

    /// <summary>The name of the innermost open element.</summary>
    private ReadOnlySpan<byte> OpenName
    {
        get
        {
            int start = _openCount > 1 ? _openEnds[_openCount - 2] : 0;
            return _openNames.AsSpan(start, _openEnds[_openCount - 1] - start);
        }
    }

    /// <summary>Opens an element; <paramref name="plain"/> when its name holds no quote or '&lt;' (so its end tag
    /// may be read at once).</summary>
    private void PushOpen(ReadOnlySpan<byte> name, bool plain)
    {
        int start = _openCount > 0 ? _openEnds[_openCount - 1] : 0;
        if (_openNames.Length - start < name.Length)
        {
            Array.Resize(ref _openNames, (int)Math.Min(Array.MaxLength, Math.Max((long)_openNames.Length * 2, (long)start + name.Length)));
        }

        name.CopyTo(_openNames.AsSpan(start));
        _openPlain[_openCount] = plain;
        _openEnds[_openCount++] = start + name.Length;
    }

    private void ReadEndTag()
    {
        TokenOffset = _bufOffset + _pos;
        if (_openCount > 0 && _openPlain[_openCount - 1])
        {
            // The usual case, read at once: the open element's name right after "</", then '>'. The name holds no
            // quote or '<' that would make the tag end elsewhere for FindTagEnd.
            var expected = OpenName;
            int after = _pos + 2 + expected.Length;
            if (after < _end && _buf[after] == '>' && _buf.AsSpan(_pos + 2, expected.Length).SequenceEqual(expected))
            {
                CloseElement(expected, after + 1);
                return;
            }
        }

        int close = FindTagEnd();
        var name = _buf.AsSpan(_pos + 2, close - _pos - 2).TrimEnd(" \t\r\n"u8);
        if (_openCount == 0)
        {
            throw Error(TokenOffset, $"</{Encoding.UTF8.GetString(name)}> closes an element that was never opened.");
        }

        var open = OpenName;
        if (!name.SequenceEqual(open))
        {
            throw Error(TokenOffset, $"</{Encoding.UTF8.GetString(name)}> does not match the open element <{Encoding.UTF8.GetString(open)}>.");
        }

        CloseElement(name, close + 1);
    }

    /// <summary>Makes the end tag at <see cref="_pos"/>, naming <paramref name="name"/>, the current token, closes
    /// the open element, and moves on to <paramref name="next"/>.</summary>
    private void CloseElement(ReadOnlySpan<byte> name, int next)
    {
        _openCount--;
        _keyAt = -1;
        _valueAt = -1;
        _nameStart = _pos + 2;
        _nameLength = name.Length;
        _prefixLength = PrefixLength(name);
        AttributeCount = 0;
        IsEmptyElement = false;
        Kind = XmlTokenKind.EndElement;
        _pos = next;
    }

    /// <summary>Index of the '>' that closes the tag at <see cref="_pos"/>, reading more input as needed.</summary>
    private int FindTagEnd()
    {
        int scan = _pos + 1;
        byte quote = 0;
        while (true)
        {
            var span = _buf.AsSpan(scan, _end - scan);
            int k;
            if (quote == 0)
            {
                k = span.IndexOfAny(TagEndOrQuote);
                if (k >= 0)
                {
                    byte b = span[k];
                    if (b == '>')
                    {
                        return scan + k;
                    }

                    if (b == '<')
                    {
                        throw Error(_bufOffset + scan + k, "'<' inside a tag: the previous tag is not closed.");
                    }

                    quote = b;
                    scan += k + 1;
                    continue;
                }
            }
            else
            {
                k = span.IndexOf(quote);
                if (k >= 0)
                {
                    quote = 0;
                    scan += k + 1;
                    continue;
                }
            }

            int relative = scan - _pos;
            if (_end - _pos > _maxTagBytes)
            {
                throw Error(_bufOffset + _pos, $"a tag is longer than {_maxTagBytes:N0} bytes.");
            }

            if (!Fill())
            {
                throw Error(_bufOffset + _pos, "the file ends inside a tag: it is truncated.");
            }

            scan = _pos + relative;
        }
    }

    private void SkipDeclaration()
    {
        Ensure(9);
        var head = _buf.AsSpan(_pos, Math.Min(9, _end - _pos));
        if (head.StartsWith("<!--"u8))
        {
            SkipPast("-->"u8, "comment");
            return;
        }

        if (head.StartsWith("<![CDATA["u8))
        {
            SkipPast("]]>"u8, "CDATA section");
            return;
        }

        if (head.StartsWith("<!DOCTYPE"u8) || head.StartsWith("<!ENTITY"u8))
        {
            throw Error(_bufOffset + _pos, "the file declares a document type (DTD); DTDs and entity declarations are refused for safety.");
        }

        throw Error(_bufOffset + _pos, "unexpected '<!' markup.");
    }

    private void SkipPast(ReadOnlySpan<byte> terminator, string what)
    {
        int scan = _pos + 2;
        while (true)
        {
            int k = _buf.AsSpan(scan, _end - scan).IndexOf(terminator);
            if (k >= 0)
            {
                _pos = scan + k + terminator.Length;
                return;
            }

            int relative = Math.Max(2, _end - _pos - terminator.Length + 1);
            if (_end - _pos > _maxTagBytes)
            {
                throw Error(_bufOffset + _pos, $"a {what} is longer than {_maxTagBytes:N0} bytes.");
            }

            if (!Fill())
            {
                throw Error(_bufOffset + _pos, $"the file ends inside a {what}: it is truncated.");
            }

            scan = _pos + relative;
        }
    }

    private bool Ensure(int count)
    {
        while (_end - _pos < count)
        {
            if (!Fill())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads more input after what is buffered, keeping bytes from <see cref="_pos"/> on. False at end of input.</summary>
    private bool Fill()
    {
        if (_eof)
        {
            return false;
        }

        // Keep everything from the current position, and any bytes not yet validated as UTF-8.
        int keepFrom = Math.Min(_pos, _validated);
        if (keepFrom > 0)
        {
            if (_markLine == 0 && _markOffset >= _bufOffset && _markOffset - _bufOffset < keepFrom)
            {
                _markLine = PositionOf(_markOffset).Line;
            }

            CountLines(keepFrom);
            int keep = _end - keepFrom;
            Buffer.BlockCopy(_buf, keepFrom, _buf, 0, keep);
            _bufOffset += keepFrom;
            _pos -= keepFrom;
            _end = keep;
            _validated -= keepFrom;
            _counted -= keepFrom;
        }

        if (_end == _buf.Length)
        {
            // Grow only as far as the longest tag allowed needs, so an oversized tag is refused at its bound; past
            // 64 MiB straight to the bound, so that a huge tag leaves few discarded buffers behind.
            long doubled = (long)_buf.Length * 2;
            int grown = (int)Math.Min(doubled > (64L << 20) ? long.MaxValue : doubled, (long)_maxTagBytes + (1 << 20));
            if (grown <= _buf.Length)
            {
                throw Error(_bufOffset + _pos, $"a tag or text is longer than {_maxTagBytes:N0} bytes.");
            }

            Array.Resize(ref _buf, grown);
        }

        int n = _stream.Read(_buf, _end, _buf.Length - _end);
        if (n == 0)
        {
            _eof = true;
            Validate(final: true);
            return false;
        }

        _end += n;
        Validate(final: false);
        return true;
    }

    private void Validate(bool final)
    {
        int limit = _end;
        if (!final)
        {
            // Leave an incomplete multi-byte sequence at the end for the next read.
            int back = 0;
            while (back < 3 && limit - back - 1 >= _validated && (_buf[limit - back - 1] & 0xC0) == 0x80)
            {
                back++;
            }

            int lead = limit - back - 1;
            if (lead >= _validated)
            {
                byte b = _buf[lead];
                int need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                if (need > back + 1)
                {
                    limit = lead;
                }
            }
        }

        var span = _buf.AsSpan(_validated, limit - _validated);
        if (!Utf8.IsValid(span))
        {
            int bad = 0;
            while (bad < span.Length)
            {
                var status = System.Text.Rune.DecodeFromUtf8(span[bad..], out _, out int used);
                if (status != OperationStatus.Done)
                {
                    break;
                }

                bad += used;
            }

            throw Error(_bufOffset + _validated + bad, string.Create(CultureInfo.InvariantCulture, $"invalid UTF-8 (byte 0x{span[Math.Min(bad, span.Length - 1)]:X2}); the file must be UTF-8 or declare its encoding."));
        }

        _validated = limit;
    }

    /// <summary>Decodes the entities of <paramref name="raw"/> into <paramref name="scratch"/> (grown as needed).</summary>
    private ReadOnlySpan<byte> Decode(ReadOnlySpan<byte> raw, ref byte[] scratch)
    {
        if (scratch.Length < raw.Length)
        {
            scratch = new byte[Math.Max(raw.Length, scratch.Length * 2)];
        }

        int o = 0;
        int i = 0;
        while (i < raw.Length)
        {
            int amp = raw[i..].IndexOf((byte)'&');
            if (amp < 0)
            {
                raw[i..].CopyTo(scratch.AsSpan(o));
                o += raw.Length - i;
                break;
            }

            raw.Slice(i, amp).CopyTo(scratch.AsSpan(o));
            o += amp;
            i += amp;
            int semi = raw[i..].IndexOf((byte)';');
            if (semi < 0 || semi > 12)
            {
                throw Error(TokenOffset, "a '&' in an attribute value does not start an entity reference (write &amp;).");
            }

            var entity = raw.Slice(i + 1, semi - 1);
            int codePoint;
            if (entity.SequenceEqual("lt"u8))
            {
                codePoint = '<';
            }
            else if (entity.SequenceEqual("gt"u8))
            {
                codePoint = '>';
            }
            else if (entity.SequenceEqual("amp"u8))
            {
                codePoint = '&';
            }
            else if (entity.SequenceEqual("quot"u8))
            {
                codePoint = '"';
            }
            else if (entity.SequenceEqual("apos"u8))
            {
                codePoint = '\'';
            }
            else if (entity.Length > 1 && entity[0] == '#')
            {
                bool hex = entity[1] == 'x' || entity[1] == 'X';
                var digits = entity[(hex ? 2 : 1)..];
                if (!int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out codePoint) || !System.Text.Rune.IsValid(codePoint) || codePoint == 0)
                {
                    throw Error(TokenOffset, $"'&{Encoding.UTF8.GetString(entity)};' is not a valid character reference.");
                }
            }
            else
            {
                throw Error(TokenOffset, $"'&{Encoding.UTF8.GetString(entity)};' is not a defined entity (only &lt; &gt; &amp; &quot; &apos; and character references are allowed).");
            }

            o += new System.Text.Rune(codePoint).EncodeToUtf8(scratch.AsSpan(o));
            i += semi + 1;
        }

        return scratch.AsSpan(0, o);
    }

    /// <summary>The index of the first '&lt;' in <paramref name="buf"/> at or after <paramref name="from"/>, or -1:
    /// sixteen bytes at a time, as the few bytes between two tags are found quicker so than by a general
    /// search.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int IndexOfTagStart(ReadOnlySpan<byte> buf, int from)
    {
        if (Vector128.IsHardwareAccelerated)
        {
            ref byte start = ref MemoryMarshal.GetReference(buf);
            var lt = Vector128.Create((byte)'<');
            int k = from;
            for (; k <= buf.Length - Vector128<byte>.Count; k += Vector128<byte>.Count)
            {
                uint hits = Vector128.Equals(Vector128.LoadUnsafe(ref start, (nuint)k), lt).ExtractMostSignificantBits();
                if (hits != 0)
                {
                    return k + BitOperations.TrailingZeroCount(hits);
                }
            }

            from = k;
        }

        int rest = buf[from..].IndexOf((byte)'<');
        return rest < 0 ? -1 : from + rest;
    }

    /// <summary>The index of the first <paramref name="quote"/> or '&amp;' in <paramref name="buf"/> at or after
    /// <paramref name="from"/>, or -1: sixteen bytes at a time, as attribute values are mostly short.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int IndexOfQuoteOrAmpersand(ReadOnlySpan<byte> buf, int from, byte quote)
    {
        if (Vector128.IsHardwareAccelerated)
        {
            ref byte start = ref MemoryMarshal.GetReference(buf);
            var quotes = Vector128.Create(quote);
            var ampersands = Vector128.Create((byte)'&');
            int k = from;
            for (; k <= buf.Length - Vector128<byte>.Count; k += Vector128<byte>.Count)
            {
                var bytes = Vector128.LoadUnsafe(ref start, (nuint)k);
                uint hits = (Vector128.Equals(bytes, quotes) | Vector128.Equals(bytes, ampersands)).ExtractMostSignificantBits();
                if (hits != 0)
                {
                    return k + BitOperations.TrailingZeroCount(hits);
                }
            }

            from = k;
        }

        int rest = buf[from..].IndexOfAny(quote, (byte)'&');
        return rest < 0 ? -1 : from + rest;
    }

    private static bool IsSpace(byte b) => b == ' ' || b == '\t' || b == '\n' || b == '\r';

    /// <summary>The length of the prefix of <paramref name="name"/> up to and with its first colon, 0 without one.</summary>
    private static int PrefixLength(ReadOnlySpan<byte> name) => name.IndexOf((byte)':') + 1;

    /// <summary>The bytes <c> key</c> read as a little-endian word.</summary>
    private const uint SpaceKeyEquals = ' ' | ('k' << 8) | ('e' << 16) | ((uint)'y' << 24);

    /// <summary>The bytes <c> value="</c> read as a little-endian word.</summary>
    private const ulong SpaceValueEqualsQuote = ' ' | ('v' << 8) | ('a' << 16) | ((ulong)'l' << 24) | ((ulong)'u' << 32) | ((ulong)'e' << 40) | ((ulong)'=' << 48) | ((ulong)'"' << 56);

    private const byte Space = 1;
    private const byte Gt = 2;
    private const byte Slash = 3;
    private const byte Eq = 4;
    private const byte Colon = 5;
    private const byte Odd = 6;

    /// <summary>What a byte means inside a tag: white space, '&gt;', '/', '=', ':', a quote or '&lt;' (<see cref="Odd"/>:
    /// not read by <see cref="TryParseStartTag"/> outside a value), or 0 for any other byte.</summary>
    private static ReadOnlySpan<byte> ByteClass =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, Space, Space, 0, 0, Space, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        Space, 0, Odd, 0, 0, 0, 0, Odd, 0, 0, 0, 0, 0, 0, 0, Slash,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Colon, 0, Odd, Eq, Gt, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];
}
