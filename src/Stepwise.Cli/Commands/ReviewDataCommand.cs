using System.CommandLine;
using Stepwise.Cli.Output;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise review data</c>: the data sources of a review with exactly how each was read.</summary>
internal static class ReviewDataCommand
{
    public static Command Create(ReviewOptions o) => ReviewVerb.Create(o, "data", "List a review's data sources with their SHA-256 and exactly how each was read (the options asked for and what was detected), so any figure can be computed again.", (session, reviewId, _, _, _) =>
    {
        var table = new ResultTable("data_sources", [new("id"), new("file"), new("sha256"), new("cases", CellKind.Integer), new("events", CellKind.Integer), new("imported_at", CellKind.Timestamp), new("imported_by"), new("read_options", CellKind.Json)], "Data sources");
        foreach (var d in session.Bench.Data.List(session.Actor, reviewId))
        {
            table.Add(d.Source.Id.ToString("D"), d.Source.FileName, d.Source.ContentHash.Hex, d.Source.Cases, d.Source.Records, d.Source.ImportedAt, d.Source.ImportedBy, d.Source.ImportOptions);
        }

        return new Report().Add(table);
    });
}
