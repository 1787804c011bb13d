using System.CommandLine;
using System.Text.Json;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Mining.IO;
using Stepwise.Review.Common;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise review import</c>: read an event log file and store it in a review as an immutable data source.</summary>
internal static class ReviewImportCommand
{
    public static Command Create(ReviewOptions o)
    {
        var id = new Argument<string>("review") { Description = "The review id (or a unique prefix of it)." };
        var file = new Argument<string>("file") { Description = "The event log: .csv, .tsv or .xes, optionally .gz or .zip." };
        var caseColumn = new Option<string?>("--case") { Description = "CSV: the case id column (detected when absent)." };
        var activity = new Option<string?>("--activity") { Description = "CSV: the activity column (detected when absent)." };
        var timestamp = new Option<string?>("--timestamp") { Description = "CSV: the timestamp column (detected when absent)." };
        var resource = new Option<string?>("--resource") { Description = "CSV: the resource column (detected when absent)." };
        var command = new Command("import", "Import an event log into a review: it is stored with its SHA-256 and import options, and never changes.") { id, file, caseColumn, activity, timestamp, resource };
        command.SetRun((parse, context, cancellation) =>
        {
            using var session = ReviewSession.Open(parse, o);
            Guid reviewId = session.ResolveReview(parse.GetValue(id)!);
            string path = parse.GetValue(file)!;
            var csv = new CsvLogOptions
            {
                CaseColumn = parse.GetValue(caseColumn),
                ActivityColumn = parse.GetValue(activity),
                TimestampColumn = parse.GetValue(timestamp),
                ResourceColumn = parse.GetValue(resource),
            };
            var import = ProgressDisplay.Run(context, "Reading " + Path.GetFileName(path), progress => EventLogFile.Read(path, new EventLogReadOptions { Csv = csv }, progress, cancellation));
            var hash = ContentHash.OfFile(path);
            string options = JsonSerializer.Serialize(new Dictionary<string, string?>
            {
                ["format"] = import.Report.Format.ToString(),
                ["case_column"] = csv.CaseColumn,
                ["activity_column"] = csv.ActivityColumn,
                ["timestamp_column"] = csv.TimestampColumn,
                ["resource_column"] = csv.ResourceColumn,
                ["timestamp_format"] = import.Report.TimestampFormat,
            });
            var source = ProgressDisplay.Run(context, "Storing", progress => session.Workspace.ImportEventLog(reviewId, path, hash, import.Log, options, import.Report.RowsRead, session.By, progress, cancellation));
            var record = new ResultRecord("data_source")
                .Add("id", source.Id.ToString("D"))
                .Add("file", source.FileName)
                .Add("sha256", source.ContentHash.Hex)
                .Add("rows", source.Rows, CellKind.Integer)
                .Add("cases", source.Cases, CellKind.Integer)
                .Add("events", source.Records, CellKind.Integer)
                .Add("imported_at", source.ImportedAt, CellKind.Timestamp);
            return CommonOptions.Print(context, new Report().Add(record), parse.GetValue(o.Format));
        });
        return command;
    }
}
