using System.Globalization;
using System.Text;

namespace Stepwise.Steps.Files;

/// <summary>
/// A file the step review reads (a rule file, a rates file, question settings, a question book) does not hold what was
/// expected. The message names the file, the line and column (1-based; 0 when not known), the field and what was
/// expected, so the user can fix the file; nothing is read from a file that raises it.
/// </summary>
public sealed class StepsFileException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file name as the user gave it.</param>
    /// <param name="line">The 1-based line, or 0 when the problem is not on one line.</param>
    /// <param name="column">The 1-based column, or 0.</param>
    /// <param name="field">The field (YAML key or CSV column), or null.</param>
    /// <param name="problem">What is wrong and what was expected.</param>
    public StepsFileException(string file, int line, int column, string? field, string problem)
        : base(Compose(file, line, column, field, problem))
    {
        File = file;
        Line = line;
        Column = column;
        Field = field;
        Problem = problem;
    }

    /// <summary>The file.</summary>
    public string File { get; }

    /// <summary>The 1-based line, or 0.</summary>
    public int Line { get; }

    /// <summary>The 1-based column, or 0.</summary>
    public int Column { get; }

    /// <summary>The field, or null.</summary>
    public string? Field { get; }

    /// <summary>What is wrong and what was expected.</summary>
    public string Problem { get; }

    private static string Compose(string file, int line, int column, string? field, string problem)
    {
        var text = new StringBuilder(Path.GetFileName(file));
        if (line > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", line {line}");
            if (column > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $", column {column}");
            }
        }

        if (!string.IsNullOrEmpty(field))
        {
            text.Append(", field '").Append(field).Append('\'');
        }

        return text.Append(": ").Append(problem).ToString();
    }
}
