using System.Text.Json;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Logs;

/// <summary>Reads small text files (filters, calendars, holiday lists) with a size bound and one way of reporting problems.</summary>
internal static class BoundedText
{
    public static string Read(string path, long maxBytes, string what)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new StepwiseException(ProblemKind.BadFile, $"{path}: no such {what}.") { Location = new FileLocation(Path.GetFileName(path)) };
        }

        if (info.Length > maxBytes)
        {
            throw new StepwiseException(ProblemKind.TooLarge, $"{path}: the {what} is {info.Length:N0} bytes; at most {maxBytes:N0} are read.") { Location = new FileLocation(Path.GetFileName(path)) };
        }

        return File.ReadAllText(path);
    }

    public static StepwiseException BadJson(string file, JsonException ex, string expected)
    {
        string problem = ex.Message;
        int cut = problem.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
        {
            problem = problem[..cut];
        }

        // The serializer's messages name .NET types; users get the field and what was expected instead.
        if (problem.Contains("Stepwise.", StringComparison.Ordinal) || problem.Contains("System.", StringComparison.Ordinal) || problem.Contains("could not be converted", StringComparison.Ordinal))
        {
            string field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? string.Empty : $" at '{ex.Path.TrimStart('$', '.')}'";
            problem = $"a value of the wrong kind{field}.";
        }

        long? line = ex.LineNumber + 1;
        long? column = ex.BytePositionInLine + 1;
        return new StepwiseException(ProblemKind.BadFile, $"{file}, line {line}, column {column}: {problem} Expected {expected}.", ex) { Location = new FileLocation(file, line, column) };
    }
}
