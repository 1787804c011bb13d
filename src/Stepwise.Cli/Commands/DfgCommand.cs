using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Workbench.Analyses;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise dfg LOG</c>: the directly-follows graph with frequency and performance.</summary>
internal static class DfgCommand
{
    /// <summary>The verb's name.</summary>
    public const string Name = "dfg";

    /// <summary>What the verb does, as help lists it.</summary>
    public const string Description = "The directly-follows graph: which step follows which, how often, in how many cases, and how long the move between them takes.";

    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var command = new Command(Name, Description);
        var input = new LogInput().AddTo(command);
        var format = CommonOptions.Format();
        command.Options.Add(format);
        command.SetRun((parse, context, cancellation) =>
        {
            var loaded = input.Load(parse, context, cancellation);
            var dfg = LogAnalyses.Dfg(loaded.Selection);
            var table = new ResultTable("edges",
            [
                new("source"), new("target"), new("frequency", CellKind.Integer), new("cases", CellKind.Integer),
                new("mean_seconds", CellKind.Duration, "mean"), new("median_seconds", CellKind.Duration, "median"), new("p90_seconds", CellKind.Duration, "p90"),
                new("overlaps", CellKind.Integer), new("overlap_share", CellKind.Share, "overlap %"), new("overlap_median_seconds", CellKind.Duration, "overlap med."),
            ], $"Directly-follows graph: {dfg.CaseCount:N0} cases, {dfg.EventCount:N0} events; durations in {dfg.Measure.Description}");
            foreach (var edge in dfg.Edges)
            {
                bool timed = edge.Duration.Count > 0;
                table.Add(dfg.NameOf(edge.Source), dfg.NameOf(edge.Target), edge.Frequency, edge.Cases,
                    timed ? edge.Duration.Mean : null, timed ? edge.Duration.Median : null, timed ? edge.Duration.P90 : null,
                    timed ? edge.Overlaps : null, timed ? edge.OverlapShare : null, edge.Overlaps > 0 ? edge.OverlapTime.Median : null);
            }

            long overlaps = dfg.Edges.Sum(e => e.Overlaps);
            if (overlaps > 0)
            {
                table.Notes.Add($"{overlaps:N0} of {dfg.Edges.Sum(e => e.Duration.Count):N0} moves overlap: the next step started before the previous one completed. They count as zero time in the durations, never as negative; 'overlap' is how long both were in progress.");
            }

            if (loaded.Basis is { } basis)
            {
                table.Notes.Add(ReviewBasis.Note(basis));
            }

            return CommonOptions.Print(context, new Report().Add(table), parse.GetValue(format));
        });
        return command;
    }
}
