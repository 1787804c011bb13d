using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Workbench;
using Stepwise.Workbench.Analyses;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise summary LOG</c>: what is in a log, and its cases at a glance.</summary>
internal static class SummaryCommand
{
    /// <summary>The verb's name.</summary>
    public const string Name = "summary";

    /// <summary>What the verb does, as help lists it.</summary>
    public const string Description = "What a log holds: cases, events, activities, resources, time span, variants, throughput and rework.";

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
            return CommonOptions.Print(context, Build(loaded), parse.GetValue(format));
        });
        return command;
    }

    /// <summary>The summary report of a loaded log.</summary>
    public static Report Build(LoadedLog loaded)
    {
        var summary = LogAnalyses.Summary(loaded.Selection);
        var origin = loaded.Origin;
        var cases = summary.CaseStatistics;
        var record = new ResultRecord("summary", $"{origin.File}: {Counted.Of(summary.Cases, "case", "cases")}" + (loaded.Filter is null ? string.Empty : $" of {loaded.View.Log.CaseCount:N0} ({loaded.Filter.Describe()})"));
        record.Add("file", origin.File)
            .Add("format", origin.Format)
            .Add("cases", summary.Cases, CellKind.Integer)
            .Add("events", summary.Events, CellKind.Integer)
            .Add("activities", summary.Activities, CellKind.Integer)
            .Add("resources", summary.Resources, CellKind.Integer)
            .Add("start", summary.Start, CellKind.Timestamp)
            .Add("end", summary.End, CellKind.Timestamp)
            .Add("variants", summary.Variants, CellKind.Integer)
            .Add("top_variant_share", summary.TopVariantShare, CellKind.Share)
            .Add("events_per_case_mean", cases.EventsPerCase.Mean, CellKind.Number)
            .Add("events_per_case_max", cases.EventsPerCase.Max, CellKind.Integer)
            .Add("throughput_mean_seconds", cases.Throughput.Mean, CellKind.Duration)
            .Add("throughput_median_seconds", cases.Throughput.Median, CellKind.Duration)
            .Add("throughput_p90_seconds", cases.Throughput.P90, CellKind.Duration)
            .Add("throughput_max_seconds", cases.Throughput.Max, CellKind.Duration)
            .Add("rework_cases", cases.ReworkCases, CellKind.Integer)
            .Add("rework_share", summary.ReworkShare, CellKind.Share)
            .Add("return_cases", cases.ReturnCases, CellKind.Integer)
            .Add("return_share", summary.ReturnShare, CellKind.Share)
            .Add("durations", loaded.Measure.Description)
            .Add("has_start_times", summary.HasStartTimes, CellKind.Boolean)
            .Add("case_attributes", string.Join(", ", summary.CaseAttributes))
            .Add("event_attributes", string.Join(", ", summary.EventAttributes))
            .Add("rows_read", origin.RowsRead, CellKind.Integer)
            .Add("rows_skipped", origin.RowsSkipped, CellKind.Integer)
            .Add("lifecycle", origin.Lifecycle)
            .Add("classifiers", loaded.Log.Metadata.Classifiers.Count == 0 ? "none declared" : string.Join("; ", loaded.Log.Metadata.Classifiers.Select(c => $"{c.Name} ({string.Join(" ", c.Keys)})")))
            .Add("mapping", string.Join("; ", origin.Mapping));
        if (origin.Encoding is not null)
        {
            record.Add("encoding", origin.Encoding);
        }

        var report = new Report().Add(record);
        if (loaded.Basis is { } basis)
        {
            report.Add(ReviewBasis.Record(basis));
        }

        return report;
    }
}
