using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Mining.Discovery;
using Stepwise.Mining.Time;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise summary LOG</c>: what is in a log, and its cases at a glance.</summary>
public static class SummaryCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var command = new Command("summary", "What a log holds: cases, events, activities, resources, time span, variants, throughput and rework.");
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
        var view = loaded.View;
        var log = loaded.Log;
        var report = loaded.Import.Report;
        var cases = CaseStatistics.Compute(view, loaded.Measure);
        var variants = VariantSet.Discover(view);
        var activities = new HashSet<int>();
        var resources = new HashSet<int>();
        long first = long.MaxValue, last = long.MinValue;
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            first = Math.Min(first, log.CaseStartTime(c));
            last = Math.Max(last, log.CaseEndTime(c));
            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                activities.Add(log.Activities[e]);
                if (log.Resources[e] >= 0)
                {
                    resources.Add(log.Resources[e]);
                }
            }
        }

        var record = new ResultRecord("summary", $"{report.File}: {view.CaseCount:N0} cases" + (loaded.Filter is null ? string.Empty : $" of {log.CaseCount:N0} ({loaded.Filter.Describe()})"));
        record.Add("file", report.File)
            .Add("format", report.Format.ToString().ToLowerInvariant())
            .Add("cases", view.CaseCount, CellKind.Integer)
            .Add("events", view.EventCount, CellKind.Integer)
            .Add("activities", activities.Count, CellKind.Integer)
            .Add("resources", resources.Count, CellKind.Integer)
            .Add("start", view.CaseCount > 0 ? Timestamp.ToDateTime(first) : null, CellKind.Timestamp)
            .Add("end", view.CaseCount > 0 ? Timestamp.ToDateTime(last) : null, CellKind.Timestamp)
            .Add("variants", variants.Count, CellKind.Integer)
            .Add("top_variant_share", variants.Count > 0 ? variants[0].Share : null, CellKind.Share)
            .Add("events_per_case_mean", cases.EventsPerCase.Mean, CellKind.Number)
            .Add("events_per_case_max", cases.EventsPerCase.Max, CellKind.Integer)
            .Add("throughput_mean_seconds", cases.Throughput.Mean, CellKind.Duration)
            .Add("throughput_median_seconds", cases.Throughput.Median, CellKind.Duration)
            .Add("throughput_p90_seconds", cases.Throughput.P90, CellKind.Duration)
            .Add("throughput_max_seconds", cases.Throughput.Max, CellKind.Duration)
            .Add("rework_cases", cases.ReworkCases, CellKind.Integer)
            .Add("rework_share", view.CaseCount > 0 ? cases.ReworkCases / (double)view.CaseCount : null, CellKind.Share)
            .Add("durations", loaded.Measure.Description)
            .Add("has_start_times", log.HasStartTimes, CellKind.Boolean)
            .Add("case_attributes", string.Join(", ", log.CaseAttributes.Select(c => c.Name)))
            .Add("event_attributes", string.Join(", ", log.EventAttributes.Select(c => $"{c.Name} ({c.Kind.ToString().ToLowerInvariant()})")))
            .Add("rows_read", report.RowsRead, CellKind.Integer)
            .Add("rows_skipped", report.SkippedRows, CellKind.Integer)
            .Add("lifecycle", string.Join(" ", report.Lifecycle.Describe()) is { Length: > 0 } lifecycle ? lifecycle : report.Lifecycle.HasTransitions ? "every event is a step (complete events only)" : "no lifecycle transitions")
            .Add("classifiers", log.Metadata.Classifiers.Count == 0 ? "none declared" : string.Join("; ", log.Metadata.Classifiers.Select(c => $"{c.Name} ({string.Join(" ", c.Keys)})")))
            .Add("mapping", string.Join("; ", report.Mapping));
        if (report.Encoding is not null)
        {
            record.Add("encoding", report.Encoding);
        }

        return new Report().Add(record);
    }
}
