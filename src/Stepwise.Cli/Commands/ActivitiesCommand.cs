using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Workbench;
using Stepwise.Workbench.Analyses;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise activities LOG</c>: each step's volume, rework, service and waiting time, and resources.</summary>
internal static class ActivitiesCommand
{
    /// <summary>The verb's name.</summary>
    public const string Name = "activities";

    /// <summary>What the verb does, as help lists it.</summary>
    public const string Description = "Each step: events, cases, repeats (rework), cases that come back to it after another step, self-loops, service time, waiting time before it, resources.";

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
            var stats = LogAnalyses.Activities(loaded.Selection);
            var table = new ResultTable("activities",
            [
                new("activity"), new("events", CellKind.Integer), new("cases", CellKind.Integer), new("repeats", CellKind.Integer),
                new("cases_with_repeats", CellKind.Integer, "cases rep."),
                new("cases_with_returns", CellKind.Integer, "cases ret."), new("cases_with_returns_share", CellKind.Share, "ret. %"),
                new("self_loops", CellKind.Integer, "self-loops"),
                new("median_service_seconds", CellKind.Duration, "service med."), new("mean_waiting_seconds", CellKind.Duration, "wait mean"),
                new("median_waiting_seconds", CellKind.Duration, "wait med."), new("p90_waiting_seconds", CellKind.Duration, "wait p90"),
                new("overlaps", CellKind.Integer), new("overlap_median_seconds", CellKind.Duration, "overlap med."),
                new("resources", CellKind.Integer), new("top_resource", CellKind.Text, "top resource"),
            ], $"Activities of {Counted.Of(loaded.View.CaseCount, "case", "cases")}; durations in {loaded.Measure.Description}" + (loaded.Log.HasStartTimes ? string.Empty : "; the log has no start times, so waiting time runs from the previous event's completion to this event's completion"));
            var names = loaded.Log.ResourceNames;
            foreach (var a in stats)
            {
                table.Add(a.Name, a.Events, a.Cases, a.Repeats, a.CasesWithRepeats,
                    a.CasesWithReturns, a.Cases > 0 ? a.CasesWithReturns / (double)a.Cases : null, a.SelfLoops,
                    a.ServiceTime.Count > 0 ? a.ServiceTime.Median : null,
                    a.WaitingTime.Count > 0 ? a.WaitingTime.Mean : null,
                    a.WaitingTime.Count > 0 ? a.WaitingTime.Median : null,
                    a.WaitingTime.Count > 0 ? a.WaitingTime.P90 : null,
                    a.WaitingTime.Count > 0 ? a.WaitingOverlaps : null,
                    a.WaitingOverlaps > 0 ? a.OverlapTime.Median : null,
                    a.Resources.Count,
                    a.Resources.Count > 0 ? $"{names[a.Resources[0].Resource]} ({a.Resources[0].Events:N0})" : null);
            }

            if (parse.GetValue(format) == OutputFormat.Table)
            {
                // Said where people read the table; CSV and JSON name the columns in full and keep their shape.
                table.Notes.Add("Cases with returns (cases ret., ret. %): cases that come back to the step after another step (A, B, A); a case that only repeats it straight after itself (A, A) is not counted. The share is of the step's cases.");
            }

            long overlaps = stats.Sum(a => a.WaitingOverlaps);
            if (overlaps > 0)
            {
                table.Notes.Add($"{overlaps:N0} instances started before the previous step of their case completed: their waiting time is zero, never negative, and 'overlap' is how long both steps were in progress.");
            }

            if (loaded.Origin.Suspensions > 0)
            {
                table.Notes.Add($"Service time leaves out {loaded.Origin.Suspensions:N0} suspensions (from suspend to resume).");
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
