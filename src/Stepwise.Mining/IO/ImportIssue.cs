using System.Globalization;

namespace Stepwise.Mining.IO;

/// <summary>One problem found in an input file: where it is and what was wrong.</summary>
/// <param name="Line">1-based line number (physical line in the file), if known.</param>
/// <param name="Column">1-based column: the field number in CSV, the character position in XML.</param>
/// <param name="Field">The column name or attribute key concerned, if any.</param>
/// <param name="Message">What was wrong and what was expected.</param>
public sealed record ImportIssue(long? Line, long? Column, string? Field, string Message)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = new List<string>();
        if (Line is { } line)
        {
            where.Add("line " + line.ToString(CultureInfo.InvariantCulture));
        }

        if (Column is { } column)
        {
            where.Add("column " + column.ToString(CultureInfo.InvariantCulture));
        }

        string position = where.Count > 0 ? string.Join(", ", where) : string.Empty;
        string field = Field is null ? string.Empty : (position.Length > 0 ? " " : string.Empty) + $"({Field})";
        return position.Length > 0 || field.Length > 0 ? $"{position}{field}: {Message}" : Message;
    }
}
