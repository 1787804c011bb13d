using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Workbench.Data;

namespace Stepwise.Cli.Commands;

/// <summary>
/// <c>stepwise review import</c>: read an event log file with every reader option and store it in a review as an
/// immutable data source, with its SHA-256 and exactly how it was read (options asked for and what was detected).
/// </summary>
internal static class ReviewImportCommand
{
    public static Command Create(ReviewOptions o)
    {
        var input = new LogInput(review: false, filters: false);
        var command = ReviewVerb.Create(o, "import", "Import an event log into a review: stored with its SHA-256 and the exact read options (column mapping, timestamp form, time zone, delimiter, encoding: asked for and detected), never changed. An import completes or leaves the workspace as it was.", (session, reviewId, parse, context, cancellation) =>
        {
            var request = new ImportRequest { Path = input.RequiredPath(parse), Read = input.ReadRequest(parse) };
            var result = ProgressDisplay.Run(context, "Importing " + Path.GetFileName(request.Path), progress => session.Bench.Data.Import(session.Actor, reviewId, request, progress, cancellation));
            foreach (var warning in result.Warnings)
            {
                context.Warn(warning);
            }

            var source = result.Source;
            var detected = result.Provenance.Detected;
            var record = new ResultRecord("data_source")
                .Add("id", source.Id.ToString("D"))
                .Add("file", source.FileName)
                .Add("sha256", source.ContentHash.Hex)
                .Add("rows", source.Rows, CellKind.Integer)
                .Add("rows_skipped", detected.RowsSkipped, CellKind.Integer)
                .Add("cases", source.Cases, CellKind.Integer)
                .Add("events", source.Records, CellKind.Integer)
                .Add("format", detected.Format)
                .Add("encoding", detected.Encoding)
                .Add("delimiter", detected.Delimiter)
                .Add("timestamps", detected.TimestampForm)
                .Add("mapping", string.Join("; ", detected.Mapping))
                .Add("imported_at", source.ImportedAt, CellKind.Timestamp);
            return new Report().Add(record);
        });
        input.AddTo(command);
        return command;
    }
}
