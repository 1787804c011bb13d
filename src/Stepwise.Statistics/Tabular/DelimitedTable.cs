namespace Stepwise.Statistics.Tabular;

/// <summary>
/// A delimited text file read into memory: its header and its records, each record with the line of the file on
/// which it starts (1-based; the header is on line 1 unless blank lines come first), so that problems can be
/// reported where a user can find them even when quoted fields span several lines.
/// </summary>
public sealed class DelimitedTable
{
    internal DelimitedTable(string source, string[] header, List<string[]> records, List<int> lines, char delimiter, string encodingName, IReadOnlyList<OversizedField>? oversized = null)
    {
        Oversized = oversized ?? [];
        Source = source;
        Header = header;
        Records = records;
        Lines = lines;
        Delimiter = delimiter;
        EncodingName = encodingName;
    }

    /// <summary>The file name or label the table was read from, used in error messages.</summary>
    public string Source { get; }

    /// <summary>The column names, as in the header line (trimmed).</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The records after the header, each with the fields as read (quotes removed, not trimmed).</summary>
    public IReadOnlyList<string[]> Records { get; }

    /// <summary>The line of the file on which each record starts.</summary>
    public IReadOnlyList<int> Lines { get; }

    /// <summary>The delimiter used.</summary>
    public char Delimiter { get; }

    /// <summary>The encoding used to decode the bytes (e.g. <c>utf-8</c>, <c>utf-16</c>, <c>latin-1</c>).</summary>
    public string EncodingName { get; }

    /// <summary>Values over the limit for one value, not read (only when <see cref="DelimitedTextOptions.ReportOversizedFields"/> is on).</summary>
    public IReadOnlyList<OversizedField> Oversized { get; }

    /// <summary>The index of the column named <paramref name="name"/> (case-insensitive), or -1.</summary>
    public int IndexOf(string name)
    {
        for (int i = 0; i < Header.Count; i++)
        {
            if (string.Equals(Header[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The index of the column named <paramref name="name"/>; throws a <see cref="DelimitedTextException"/>
    /// naming the file, the option and the columns it has when there is none.</summary>
    public int Require(string name, string role)
    {
        int index = IndexOf(name);
        if (index < 0)
        {
            throw new DelimitedTextException(Source, 1, null, $"the {role} column '{name}' is not in the header; the columns are: {string.Join(", ", Header)}");
        }

        return index;
    }
}
