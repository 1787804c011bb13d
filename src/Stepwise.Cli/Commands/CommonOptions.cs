using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;

namespace Stepwise.Cli.Commands;

/// <summary>Options shared by many verbs.</summary>
public static class CommonOptions
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

    /// <summary>Prints <paramref name="report"/> in the chosen format and returns exit code 0.</summary>
    public static int Print(CliContext context, Report report, OutputFormat format)
    {
        ReportWriter.Write(report, format, context.Output);
        return 0;
    }
}
