using System.Text;
using Stepwise.Mining.IO.Csv;

namespace Stepwise.Mining.Tests;

/// <summary>
/// The row tokenizer against a plain reference reading of RFC 4180 (written for the test, character by character), on
/// random rows of every length around the 16-byte blocks of its fast path: delimiters, carriage returns, quotes,
/// doubled quotes, line breaks inside quotes, and rows cut short by the end of the buffer.
/// </summary>
public sealed class CsvTokenizerTests
{
    private const string Alphabet = "ab1:- ,;\r\"é";

    [Theory]
    [InlineData((byte)',', 1)]
    [InlineData((byte)';', 2)]
    [InlineData((byte)'\t', 3)]
    public void ReadRow_RandomRows_SameFieldsAsAReferenceReading(byte delimiter, int seed)
    {
        var random = new Random(seed);
        var fields = new CsvFields();
        for (int n = 0; n < 20_000; n++)
        {
            string row = RandomRow(random, delimiter);
            string next = random.Next(3) == 0 ? string.Empty : "x" + (char)delimiter + "y\n";
            bool atEnd = next.Length == 0 && random.Next(2) == 0;
            byte[] data = Encoding.UTF8.GetBytes(row + next);
            var status = CsvTokenizer.ReadRow(data, atEnd, delimiter, 1 << 20, fields, out int consumed, out int lines);
            var expected = Reference(data, atEnd, delimiter);
            string shown = Encoding.UTF8.GetString(data).Replace("\r", "\\r").Replace("\n", "\\n");
            if (expected is null)
            {
                Assert.True(status is RowStatus.NeedMore or RowStatus.Malformed, $"{shown}: {status}");
                continue;
            }

            Assert.True(status == RowStatus.Row, $"{shown}: {status} {fields.Error}");
            Assert.Equal(expected.Value.Consumed, consumed);
            Assert.Equal(expected.Value.Lines, lines);
            var read = Enumerable.Range(0, fields.Count).Select(i => Encoding.UTF8.GetString(fields.Get(data, i))).ToList();
            Assert.True(expected.Value.Fields.SequenceEqual(read), $"{shown}: expected [{Show(expected.Value.Fields)}], read [{Show(read)}]");
        }
    }

    [Fact]
    public void ReadRow_FieldOverTheLimit_ReportedWithItsIndex()
    {
        var fields = new CsvFields();
        byte[] data = Encoding.UTF8.GetBytes("case1,activity," + new string('z', 60) + ",end\nnext,row\n");
        var status = CsvTokenizer.ReadRow(data, false, (byte)',', 50, fields, out _, out _);
        Assert.Equal(RowStatus.Malformed, status);
        Assert.Equal(2, fields.ErrorField);
        Assert.Contains("60 bytes long; the limit is 50", fields.Error, StringComparison.Ordinal);
    }

    private static string Show(IEnumerable<string> fields) => string.Join("|", fields).Replace("\r", "\\r").Replace("\n", "\\n");

    private static string RandomRow(Random random, byte delimiter)
    {
        int length = random.Next(0, 100);
        var sb = new StringBuilder();
        bool quotes = random.Next(4) == 0;
        for (int i = 0; i < length; i++)
        {
            char c = Alphabet[random.Next(Alphabet.Length)];
            if (c == '"' && !quotes)
            {
                c = 'q';
            }

            sb.Append(c == ',' ? (char)delimiter : c);
        }

        if (quotes && random.Next(2) == 0)
        {
            // A well-formed quoted field somewhere, perhaps holding a line break and a doubled quote.
            int at = random.Next(sb.Length + 1);
            sb.Insert(at, (char)delimiter + "\"in " + (random.Next(2) == 0 ? "\n" : "\"\"") + "side\"" + (char)delimiter);
        }

        return sb.Append(random.Next(3) == 0 ? "\r\n" : "\n").ToString();
    }

    /// <summary>RFC 4180 read character by character: null when the row does not end (or is malformed) in the data.</summary>
    private static (List<string> Fields, int Consumed, int Lines)? Reference(byte[] data, bool atEnd, byte delimiter)
    {
        string text = Encoding.UTF8.GetString(data);
        var fields = new List<string>();
        var field = new StringBuilder();
        int lines = 0;
        int i = 0;
        bool fieldStart = true, quoted = false;
        while (true)
        {
            if (i == text.Length)
            {
                return null; // every generated row ends with a line feed: the data stopping first means "read more"
            }

            char c = text[i];
            if (fieldStart && c == '"')
            {
                // A quoted field: to the closing quote, doubled quotes read as one; then a delimiter or the line's end.
                i++;
                while (true)
                {
                    if (i == text.Length)
                    {
                        return null;
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    lines += text[i] == '\n' ? 1 : 0;
                    field.Append(text[i++]);
                }

                if (i < text.Length && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                if (i == text.Length || (text[i] != (char)delimiter && text[i] != '\n'))
                {
                    return null; // text after a closing quote: malformed
                }

                fieldStart = false;
                quoted = true;
                continue;
            }

            if (c == (char)delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldStart = true;
                quoted = false;
                i++;
                continue;
            }

            if (c == '\n')
            {
                string last = field.ToString();
                if (!quoted && last.EndsWith('\r'))
                {
                    last = last[..^1];
                }

                fields.Add(last);
                int consumed = Encoding.UTF8.GetByteCount(text.AsSpan(0, i + 1));
                return (fields, consumed, lines + 1);
            }

            field.Append(c);
            fieldStart = false;
            i++;
        }
    }
}
