namespace Stepwise.Statistics.Tabular;

/// <summary>
/// A delimited text file, or a row of it, cannot be read as asked: the message names the file, the line, the
/// column where known, and what was expected. (A <see cref="FormatException"/>, because
/// <see cref="InvalidDataException"/> is sealed.)
/// </summary>
public class DelimitedTextException : FormatException
{
    /// <summary>Creates the exception for a problem at <paramref name="line"/> (and <paramref name="column"/>, if known).</summary>
    public DelimitedTextException(string source, int line, string? column, string problem)
        : base(Compose(source, line, column, problem))
    {
        FileName = source;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The file or label read.</summary>
    public string FileName { get; }

    /// <summary>The 1-based line of the file where the problem is (0 when it concerns the whole file).</summary>
    public int Line { get; }

    /// <summary>The column concerned, if any.</summary>
    public string? Column { get; }

    /// <summary>The problem alone, without the location.</summary>
    public string Problem { get; }

    /// <summary>Whether the file was refused for passing a bound (<see cref="DelimitedTextOptions.MaxRows"/>) rather than for
    /// what it holds: a too-large file, not a bad one.</summary>
    public bool LimitExceeded { get; init; }

    private static string Compose(string source, int line, string? column, string problem)
    {
        string where = line > 0 ? $"{source}, line {line.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : source;
        if (column is not null)
        {
            where += $", column '{column}'";
        }

        return where + ": " + problem;
    }
}
