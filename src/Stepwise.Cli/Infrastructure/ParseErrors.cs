using System.CommandLine;
using System.Text.RegularExpressions;

namespace Stepwise.Cli.Infrastructure;

/// <summary>
/// Reports the errors of a command line that could not be parsed in the user's terms: the option as typed and what
/// it expects ("--replications: 'abc' is not a whole number"), never the framework's type names ("as expected type
/// 'System.Int32'", "System.Nullable`1[System.Double]"), and without printing the whole help after them.
/// </summary>
internal static partial class ParseErrors
{
    /// <summary>The exit code of a command line with an invalid value (as for every invalid value, see the README).</summary>
    public const int ExitCode = 2;

    /// <summary>Writes the errors of <paramref name="parse"/> and a pointer to the verb's help; returns the exit code.</summary>
    public static int Report(ParseResult parse, TextWriter error)
    {
        foreach (var e in parse.Errors)
        {
            error.WriteLine("stepwise: error: " + Output.TerminalText.EscapeLines(Translate(e.Message)));
        }

        string verb = string.Join(' ', parse.CommandResult.Command.Name == parse.RootCommandResult.Command.Name
            ? ["stepwise"]
            : Path(parse.CommandResult));
        error.WriteLine($"Run '{verb} --help' for its options.");
        return ExitCode;
    }

    /// <summary>A parse error in the user's terms.</summary>
    internal static string Translate(string message)
    {
        var match = CannotParse().Match(message);
        if (match.Success)
        {
            string value = match.Groups["value"].Value, option = match.Groups["option"].Value;
            return $"{option}: '{value}' is not {Expected(match.Groups["type"].Value)}.";
        }

        // Any other mention of a framework type: named by what it holds.
        return FrameworkType().Replace(message, m => Expected(m.Value));
    }

    // The kind of value a framework type holds; a nullable type ("System.Nullable`1[System.Int32]", also written with
    // the assembly's name) holds what its inner type holds.
    private static string Expected(string type)
    {
        string inner = InnerType().Match(type) is { Success: true } m ? m.Groups["name"].Value : type;
        return inner switch
        {
            "System.Int32" or "System.Int64" or "System.Int16" or "System.UInt32" or "System.UInt64" => "a whole number",
            "System.Double" or "System.Single" or "System.Decimal" => "a number",
            "System.Boolean" => "true or false",
            "System.DateTime" or "System.DateTimeOffset" or "System.DateOnly" => "a date (ISO-8601, e.g. 2024-03-01)",
            "System.TimeSpan" => "a duration",
            "System.TimeOnly" => "a time of day (e.g. 09:00)",
            _ => "a value of the expected kind",
        };
    }

    private static IEnumerable<string> Path(System.CommandLine.Parsing.CommandResult command)
    {
        var names = new Stack<string>();
        for (var c = command; c is not null; c = c.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Push(c.Parent is null ? "stepwise" : c.Command.Name);
        }

        return names;
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'\.?$", RegexOptions.Singleline)]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"System\.Nullable`1\[\[?[A-Za-z0-9.]+[^\]]*\]?\]|System\.[A-Z][A-Za-z0-9]+(\.[A-Z][A-Za-z0-9]+)*")]
    private static partial Regex FrameworkType();

    [GeneratedRegex(@"^System\.Nullable`1\[\[?(?<name>System\.[A-Za-z0-9]+)")]
    private static partial Regex InnerType();
}
