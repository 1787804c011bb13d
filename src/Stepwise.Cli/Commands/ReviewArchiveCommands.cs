using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Workbench.Archive;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise review export | import-json</c>: a whole review as one JSON document, and back into another workspace.</summary>
internal static class ReviewArchiveCommands
{
    public static Command Export(ReviewOptions o)
    {
        var output = new Option<string>("--output", "-o") { Description = "The file to write (.json, or .json.gz compressed).", Required = true };
        var noData = new Option<bool>("--no-data") { Description = "Leave the stored logs out (they hold personal data); the archive keeps each data source's SHA-256 and read options." };
        return ReviewVerb.Create(o, "export", "Write the whole review (every version of every artefact, history, sign-offs, data sources with their provenance and stored logs) as one JSON document (docs/review-archive.md).", (session, reviewId, parse, context, cancellation) =>
        {
            string path = parse.GetValue(output)!;
            var archive = ProgressDisplay.Run(context, "Reading the review", _ => session.Bench.Archive.Export(session.Actor, reviewId, new ExportRequest { IncludeData = !parse.GetValue(noData) }, cancellation));
            ReviewArchiveJson.Write(path, archive);
            var s = archive.Snapshot;
            return new Report().Add(new ResultRecord("export")
                .Add("file", path)
                .Add("review", s.Entry.Id.ToString("D"))
                .Add("artefact_versions", s.Versions.Count, CellKind.Integer)
                .Add("history_entries", s.History.Count, CellKind.Integer)
                .Add("sign_offs", s.SignOffs.Count, CellKind.Integer)
                .Add("data_sources", s.DataSources.Count, CellKind.Integer)
                .Add("with_data", archive.HasData, CellKind.Boolean)
                .Add("bytes", new FileInfo(path).Length, CellKind.Integer));
        }, output, noData);
    }

    public static Command Import(ReviewOptions o)
    {
        var file = new Argument<string>("file") { Description = "The exported review (.json or .json.gz)." };
        var data = ReviewVerb.Many("--data", "An original data file, for an archive exported without its data (matched by SHA-256; repeat).");
        var command = new Command("import-json", "Read an exported review into this workspace (administrators): every hash and rule is checked, and the review is restored whole, with its history, sign-offs and data, or not at all.") { file, data };
        command.SetRun((parse, context, cancellation) =>
        {
            using var session = ReviewSession.Open(parse, o);
            var review = ProgressDisplay.Run(context, "Importing the review", progress => session.Bench.Archive.Import(session.Actor, new ArchiveImportRequest { Path = parse.GetValue(file)!, Data = parse.GetValue(data) ?? [] }, progress, cancellation));
            return CommonOptions.Print(context, new Report().Add(new ResultRecord("review")
                .Add("id", review.Id.ToString("D"))
                .Add("title", review.Title)
                .Add("stage", review.Stage?.ToString())
                .Add("version", review.Version, CellKind.Integer)), parse.GetValue(o.Format));
        });
        return command;
    }
}
