namespace Stepwise.Statistics.Tabular;

/// <summary>
/// A file's bytes are not in the encoding it is read in (UTF-8 unless another is given): the message names the line,
/// the character and the byte. Nothing is guessed; the caller names the encoding to read it otherwise.
/// </summary>
public sealed class TextEncodingException : DelimitedTextException
{
    /// <summary>Creates the exception for the bad byte <paramref name="value"/> at <paramref name="line"/>.</summary>
    public TextEncodingException(string source, int line, string problem, byte value, long byteOffset)
        : base(source, line, null, problem)
    {
        Value = value;
        ByteOffset = byteOffset;
    }

    /// <summary>The first byte that is not valid.</summary>
    public byte Value { get; }

    /// <summary>Its offset in the file (0-based, after decompression).</summary>
    public long ByteOffset { get; }
}
