using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Workbench;
using Stepwise.Workbench.Analyses;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise variants LOG</c>: the distinct paths cases take, most frequent first.</summary>
internal static class VariantsCommand
{
    /// <summary>The verb's name.</summary>
    public const string Name = "variants";

    /// <summary>What the verb does, as help lists it.</summary>
    public const string Description = "The variants (distinct sequences of steps) by frequency, with their share and cumulative share of cases.";

    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var command = new Command(Name, Description);
        var input = new LogInput().AddTo(command);
        var format = CommonOptions.Format();
        var top = NumberOption.OptionalRows("--top", "Show only the N most frequent variants (default: 25 in tables, all in csv/json).");
        command.Options.Add(format);
        command.Options.Add(top);
        command.SetRun((parse, context, cancellation) =>
        {
            var loaded = input.Load(parse, context, cancellation);
            var variants = LogAnalyses.Variants(loaded.Selection);
            var chosen = parse.GetValue(format);
            int limit = parse.GetValue(top) ?? (chosen == OutputFormat.Table ? 25 : int.MaxValue);
            var table = new ResultTable("variants",
            [
                new("rank", CellKind.Integer), new("cases", CellKind.Integer), new("share", CellKind.Share), new("cumulative_share", CellKind.Share, "cumulative"),
                new("length", CellKind.Integer), new("variant"),
            ], $"{Counted.Of(variants.Count, "variant", "variants")} in {Counted.Of(variants.CaseCount, "case", "cases")}");
            foreach (var v in variants.Take(limit))
            {
                table.Add(v.Rank + 1, v.Cases, v.Share, v.CumulativeShare, v.Activities.Count, v.Describe(variants.ActivityNames));
            }

            if (variants.Count > limit)
            {
                table.Notes.Add($"{variants.Count - limit:N0} less frequent variants not shown (use --top).");
            }

            if (loaded.Basis is { } basis)
            {
                table.Notes.Add(ReviewBasis.Note(basis));
            }

            return CommonOptions.Print(context, new Report().Add(table), chosen);
        });
        return command;
    }
}
