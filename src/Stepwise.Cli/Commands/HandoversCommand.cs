using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Workbench.Analyses;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise handovers LOG</c>: work passing between resources or groups, and work bouncing back.</summary>
internal static class HandoversCommand
{
    /// <summary>The verb's name.</summary>
    public const string Name = "handovers";

    /// <summary>What the verb does, as help lists it.</summary>
    public const string Description = "Hand-overs of work between resources or the values of any attribute (team, role), including ping-pong (A to B to A).";

    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var command = new Command(Name, Description);
        var input = new LogInput(byIsTaken: true).AddTo(command);
        var format = CommonOptions.Format();
        var by = new Option<string>("--by") { Description = "Compare this attribute between consecutive events (default: the resource).", DefaultValueFactory = _ => "org:resource" };
        var top = NumberOption.OptionalRows("--top", "Show only the N most frequent hand-overs (default: 30 in tables, all in csv/json).");
        command.Options.Add(format);
        command.Options.Add(by);
        command.Options.Add(top);
        command.SetRun((parse, context, cancellation) =>
        {
            var loaded = input.Load(parse, context, cancellation);
            var network = LogAnalyses.Handovers(loaded.Selection, parse.GetRequiredValue(by));
            var chosen = parse.GetValue(format);
            int limit = parse.GetValue(top) ?? (chosen == OutputFormat.Table ? 30 : int.MaxValue);
            var names = network.Participants;
            var table = new ResultTable("handovers",
            [
                new("from"), new("to"), new("count", CellKind.Integer), new("cases", CellKind.Integer),
                new("median_seconds", CellKind.Duration, "median"), new("p90_seconds", CellKind.Duration, "p90"),
            ], $"Hand-overs by {network.By}: {network.Handovers.Sum(h => h.Count):N0} of {network.Transitions:N0} transitions, in {network.CasesWithHandover:N0} of {loaded.View.CaseCount:N0} cases");
            foreach (var h in network.Handovers.Take(limit))
            {
                table.Add(names[h.From], names[h.To], h.Count, h.Cases, h.Duration.Median, h.Duration.P90);
            }

            if (network.Handovers.Count > limit)
            {
                table.Notes.Add($"{network.Handovers.Count - limit:N0} less frequent hand-overs not shown (use --top).");
            }

            var pings = new ResultTable("ping_pong",
            [
                new("first"), new("second"), new("count", CellKind.Integer), new("cases", CellKind.Integer),
            ], $"Ping-pong (work handed back straight away): {network.CasesWithPingPong:N0} cases");
            foreach (var p in network.PingPongs.Take(limit))
            {
                pings.Add(names[p.First], names[p.Second], p.Count, p.Cases);
            }

            if (network.PingPongs.Count > limit)
            {
                pings.Notes.Add($"{network.PingPongs.Count - limit:N0} less frequent ping-pong pairs not shown (use --top).");
            }

            if (loaded.Basis is { } basis)
            {
                table.Notes.Add(ReviewBasis.Note(basis));
            }

            return CommonOptions.Print(context, new Report().Add(table).Add(pings), chosen);
        });
        return command;
    }
}
