namespace Stepwise.Simulation.Model;

/// <summary>
/// A model or scenario file that cannot be used: the message names the file, the line and column (for syntax errors)
/// or the field (for values), and what was expected. A <see cref="FormatException"/>, like the event-log readers' errors
/// (<see cref="InvalidDataException"/> is sealed).
/// </summary>
public sealed class SimulationFileException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public SimulationFileException(string file, string? field, string problem, long? line = null, long? column = null, Exception? inner = null)
        : base(Compose(file, field, problem, line, column), inner)
    {
        File = file;
        Field = field;
        Problem = problem;
        Line = line;
    }

    /// <summary>What is wrong and what was expected, without the file and place.</summary>
    public string Problem { get; }

    /// <summary>The file's name.</summary>
    public string File { get; }

    /// <summary>The field (a JSON path such as <c>activities[2].duration</c>), when known.</summary>
    public string? Field { get; }

    /// <summary>The line (1-based), when known.</summary>
    public long? Line { get; }

    private static string Compose(string file, string? field, string problem, long? line, long? column)
    {
        string where = line is { } l ? $"{file}, line {l}{(column is { } c ? $", column {c}" : string.Empty)}" : file;
        return field is null ? $"{where}: {problem}" : $"{where}: {field}: {problem}";
    }
}
