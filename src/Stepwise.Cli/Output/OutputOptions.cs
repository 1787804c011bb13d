using System.CommandLine;

namespace Stepwise.Cli.Output;

/// <summary>Options every verb takes for its output, declared once on the root command.</summary>
public static class OutputOptions
{
    /// <summary>The option names.</summary>
    public const string WideName = "--wide", CsvDirName = "--csv-dir", EuropeanName = "--csv-european";

    /// <summary>The options, to add to the root command (they apply to every verb).</summary>
    public static IEnumerable<Option> Create()
    {
        yield return new Option<bool>(WideName)
        {
            Description = "Print every column of a table however wide (by default tables fit 120 characters, dropping or wrapping columns with a note).",
            Recursive = true,
        };
        yield return new Option<string?>(CsvDirName)
        {
            Description = "With --format csv: write each table to its own file in this folder, or into this .zip file (a result of several tables needs it).",
            Recursive = true,
        };
        yield return new Option<bool>(EuropeanName)
        {
            Description = "With --format csv: ';' between fields and a decimal comma, as Excel expects in most of Europe.",
            Recursive = true,
        };
    }

    /// <summary>The settings the command line asked for.</summary>
    public static ExportSettings Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        bool wide = Value<bool>(parse, WideName);
        string? dir = Value<string?>(parse, CsvDirName);
        bool european = Value<bool>(parse, EuropeanName);
        return new ExportSettings
        {
            Width = wide ? null : 120,
            Csv = european ? CsvDialect.European : CsvDialect.Standard,
            CsvTarget = string.IsNullOrWhiteSpace(dir) ? null : dir,
        };
    }

    private static T? Value<T>(ParseResult parse, string name)
    {
        // A command tree built without these options (a verb run on its own in a test) reads as the defaults.
        try
        {
            return parse.GetValue<T>(name);
        }
        catch (InvalidOperationException)
        {
            return default;
        }
        catch (ArgumentException)
        {
            return default;
        }
    }
}
