using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;

namespace Stepwise.Cli.Commands;

/// <summary>Options shared by many verbs.</summary>
internal static class CommonOptions
{
    /// <summary>A new <c>--format table|csv|json</c> option (table by default).</summary>
    public static Option<OutputFormat> Format() => new("--format", "-f")
    {
        Description = "Output format: table, csv or json.",
        DefaultValueFactory = _ => OutputFormat.Table,
        CustomParser = result =>
        {
            string token = result.Tokens.Count == 0 ? "table" : result.Tokens[0].Value;
            switch (token.ToLowerInvariant())
            {
                case "table":
                    return OutputFormat.Table;
                case "csv":
                    return OutputFormat.Csv;
                case "json":
                    return OutputFormat.Json;
                default:
                    result.AddError($"'{token}' is not a format; use table, csv or json.");
                    return OutputFormat.Table;
            }
        },
    };

    /// <summary>
    /// Parses a <c>--show</c> list of parts (comma-separated names of a flags enum, or <c>all</c>); empty means
    /// <paramref name="fallback"/>.
    /// </summary>
    /// <exception cref="UserError">A name is not a part.</exception>
    public static TEnum ParseSections<TEnum>(string text, TEnum fallback, string noun = "part")
        where TEnum : struct, Enum
    {
        ulong result = 0;
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<TEnum>(part, ignoreCase: true, out var section) || Convert.ToUInt64(section, System.Globalization.CultureInfo.InvariantCulture) == 0 || int.TryParse(part, out _))
            {
                var names = Enum.GetNames<TEnum>().Where(n => n != "None").Select(n => n.ToLowerInvariant());
                throw new UserError($"--show: '{part}' is not a {noun}; use {string.Join(", ", names)}.");
            }

            result |= Convert.ToUInt64(section, System.Globalization.CultureInfo.InvariantCulture);
        }

        return result == 0 ? fallback : (TEnum)Enum.ToObject(typeof(TEnum), result);
    }

    /// <summary>Values of a repeatable option, each also split at commas.</summary>
    public static List<string> SplitList(string[]? values)
        => values is null ? [] : [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    /// <summary>A delimiter option: one character, or <c>tab</c>, <c>comma</c>, <c>semicolon</c>, <c>pipe</c>; null or
    /// <c>auto</c> to detect it.</summary>
    /// <exception cref="UserError">The text is none of these.</exception>
    public static char? ParseDelimiter(string? text) => text?.ToLowerInvariant() switch
    {
        null or "" or "auto" => null,
        "tab" or "\\t" or "\t" => '\t',
        "comma" => ',',
        "semicolon" => ';',
        "pipe" => '|',
        { Length: 1 } one => one[0],
        _ => throw new UserError($"--delimiter: '{text}' is not a delimiter; use one character, or tab."),
    };

    /// <summary>Prints <paramref name="report"/> in the chosen format and returns exit code 0. CSV written to files
    /// (<c>--csv-dir</c>) is listed on standard error.</summary>
    public static int Print(CliContext context, Report report, OutputFormat format)
    {
        ReportWriter.Write(report, format, context.Output, context.WorkingTime ? context.Export with { WorkingTime = true } : context.Export);
        if (format == OutputFormat.Csv && context.Export.CsvTarget is { } target)
        {
            var files = CsvExport.FileNames(report);
            context.Error.WriteLine($"wrote {files.Count} CSV file{(files.Count == 1 ? string.Empty : "s")} to {target}: {string.Join(", ", files)}");
        }

        return 0;
    }
}
