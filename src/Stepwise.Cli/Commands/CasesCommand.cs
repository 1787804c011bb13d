using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Workbench.Analyses;
using Stepwise.Mining.Time;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise cases LOG</c>: each case's throughput time, events and rework, with the distributions.</summary>
internal static class CasesCommand
{
    /// <summary>The verb's name.</summary>
    public const string Name = "cases";

    /// <summary>What the verb does, as help lists it.</summary>
    public const string Description = "Each case: start, end, throughput time, events, rework; and the distribution of throughput times.";

    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var command = new Command(Name, Description);
        var input = new LogInput().AddTo(command);
        var format = CommonOptions.Format();
        var top = NumberOption.OptionalRows("--top", "Show only the N slowest cases (default: 20 in tables, all in csv/json).");
        command.Options.Add(format);
        command.Options.Add(top);
        command.SetRun((parse, context, cancellation) =>
        {
            var loaded = input.Load(parse, context, cancellation);
            var stats = LogAnalyses.Cases(loaded.Selection);
            var chosen = parse.GetValue(format);
            int limit = parse.GetValue(top) ?? (chosen == OutputFormat.Table ? 20 : int.MaxValue);
            var log = loaded.Log;
            var distribution = new ResultTable("distribution",
            [
                new("statistic"), new("throughput_seconds", CellKind.Duration, "throughput"), new("events", CellKind.Number, "events", 1),
            ], $"Distributions over {stats.Cases.Count:N0} cases ({stats.ReworkCases:N0} with rework); durations in {stats.Measure.Description}");
            var t = stats.Throughput;
            var ev = stats.EventsPerCase;
            distribution.Add("mean", t.Mean, ev.Mean).Add("p10", t.P10, ev.P10).Add("p25", t.P25, ev.P25).Add("median", t.Median, ev.Median)
                .Add("p75", t.P75, ev.P75).Add("p90", t.P90, ev.P90).Add("max", t.Max, ev.Max);
            var table = new ResultTable("cases",
            [
                new("case"), new("start", CellKind.Timestamp), new("end", CellKind.Timestamp), new("throughput_seconds", CellKind.Duration, "throughput"),
                new("events", CellKind.Integer), new("rework", CellKind.Boolean),
            ], "Cases, slowest first");
            var order = Enumerable.Range(0, stats.Cases.Count).OrderByDescending(i => stats.ThroughputSeconds[i]).ThenBy(i => stats.Cases[i]);
            foreach (int i in order.Take(limit))
            {
                int c = stats.Cases[i];
                table.Add(log.CaseIds[c], Timestamp.ToDateTime(log.CaseStartTime(c)), Timestamp.ToDateTime(log.CaseEndTime(c)), stats.ThroughputSeconds[i], stats.Events[i], stats.Rework[i]);
            }

            if (stats.Cases.Count > limit)
            {
                table.Notes.Add($"{stats.Cases.Count - limit:N0} faster cases not shown (use --top).");
            }

            if (loaded.Basis is { } basis)
            {
                distribution.Notes.Add(ReviewBasis.Note(basis));
            }

            return CommonOptions.Print(context, new Report().Add(distribution).Add(table), chosen);
        });
        return command;
    }
}
