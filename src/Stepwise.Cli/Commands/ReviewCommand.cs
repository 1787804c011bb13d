using System.CommandLine;
using System.Globalization;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Storage;
using Stepwise.Review.People;
using Stepwise.Review.Reviews;
using Stepwise.Review.Scoping;
using Stepwise.Review.SignOffs;
using Stepwise.Review.Workspaces;
using Stepwise.Storage.Sqlite;

namespace Stepwise.Cli.Commands;

/// <summary>
/// <c>stepwise review</c>: create and follow reviews in a workspace file: init, create, list, show, scope, stage,
/// stakeholder, signoff, import, history.
/// </summary>
public static class ReviewCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var workspace = new Option<string>("--workspace", "-w")
        {
            Description = "The workspace file (SQLite); created if missing.",
            DefaultValueFactory = _ => "stepwise.db",
            Recursive = true,
        };
        var by = new Option<string>("--by")
        {
            Description = "Who makes the change, as recorded in the history (default: the login name).",
            DefaultValueFactory = _ => Environment.UserName,
            Recursive = true,
        }.RefuseControlCharacters();
        var format = CommonOptions.Format();
        format.Recursive = true;
        var command = new Command("review", "Create and follow reviews: scope, stakeholders, stages, sign-offs and history.");
        command.Options.Add(workspace);
        command.Options.Add(by);
        command.Options.Add(format);
        var options = new ReviewOptions(workspace, by, format);
        command.Subcommands.Add(Init(options));
        command.Subcommands.Add(ReviewCreateCommand.Create(options));
        command.Subcommands.Add(List(options));
        command.Subcommands.Add(ReviewShowCommand.Create(options));
        command.Subcommands.Add(ReviewScopeCommand.Create(options));
        command.Subcommands.Add(Stage(options));
        command.Subcommands.Add(ReviewStakeholderCommand.Create(options));
        command.Subcommands.Add(ReviewSignOffCommand.Create(options));
        command.Subcommands.Add(ReviewImportCommand.Create(options));
        command.Subcommands.Add(History(options));
        return command;
    }

    private static Command Init(ReviewOptions o)
    {
        var command = new Command("init", "Create the workspace file (or bring an existing one up to date).");
        command.SetRun((parse, context, _) =>
        {
            using var store = SqliteWorkspaceStore.Open(parse.GetValue(o.Workspace)!);
            var record = new ResultRecord("workspace")
                .Add("path", store.Path)
                .Add("schema_version", (long)store.SchemaVersion, CellKind.Integer)
                .Add("reviews", (long)store.Reviews().Count, CellKind.Integer);
            return CommonOptions.Print(context, new Report().Add(record), parse.GetValue(o.Format));
        });
        return command;
    }

    private static Command List(ReviewOptions o)
    {
        var command = new Command("list", "List the reviews of the workspace.");
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            var table = new ResultTable("reviews", [new("id"), new("type"), new("title"), new("owner"), new("stage"), new("created_at", CellKind.Timestamp)]);
            foreach (var entry in session.Workspace.Reviews())
            {
                if (entry.Type == ReviewType.Process)
                {
                    var review = session.Workspace.GetReview(entry.Id).Value;
                    table.Add(entry.Id.ToString("D"), "process", review.Title, review.Owner, review.Stage.ToString(), entry.CreatedAt);
                }
                else
                {
                    var quality = session.Workspace.Get<Review.Quality.QualityReview>(entry.Id, entry.Id).Value;
                    table.Add(entry.Id.ToString("D"), "quality", quality.Title, quality.Owner, null, entry.CreatedAt);
                }
            }

            return CommonOptions.Print(context, new Report().Add(table), parse.GetValue(o.Format));
        });
        return command;
    }

    private static Command Stage(ReviewOptions o)
    {
        var id = new Argument<string>("review") { Description = "The review id (or a unique prefix of it)." };
        var stage = new Argument<Stage>("stage") { Description = "The stage to move to: scope, analyse, challenge, evaluate, decide, implement, monitor, closed." };
        var command = new Command("stage", "Move a review to another stage (forward one stage at a time, when the agreements it needs are in place).") { id, stage };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            Guid reviewId = session.ResolveReview(parse.GetValue(id)!);
            var current = session.Workspace.GetReview(reviewId);
            var moved = session.Workspace.MoveStage(reviewId, parse.GetValue(stage), current.Version, session.By);
            var record = new ResultRecord("review")
                .Add("id", reviewId.ToString("D"))
                .Add("from", current.Value.Stage.ToString())
                .Add("stage", moved.Value.Stage.ToString())
                .Add("version", moved.Version, CellKind.Integer);
            return CommonOptions.Print(context, new Report().Add(record), parse.GetValue(o.Format));
        });
        return command;
    }

    private static Command History(ReviewOptions o)
    {
        var id = new Argument<string>("review") { Description = "The review id (or a unique prefix of it)." };
        var command = new Command("history", "List every change to a review, oldest first.") { id };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            Guid reviewId = session.ResolveReview(parse.GetValue(id)!);
            var table = new ResultTable("history", [new("seq", CellKind.Integer), new("at", CellKind.Timestamp), new("by"), new("action"), new("artefact"), new("version", CellKind.Integer), new("summary")]);
            foreach (var h in session.Workspace.History(reviewId))
            {
                table.Add(h.Sequence, h.At, h.By, h.Action.ToString(), $"{h.Artefact.Kind} {h.Artefact.Id.ToString("D")[..8]}", h.Version, h.Summary);
            }

            return CommonOptions.Print(context, new Report().Add(table), parse.GetValue(o.Format));
        });
        return command;
    }
}

/// <summary>The options every <c>review</c> subcommand shares.</summary>
internal sealed record ReviewOptions(Option<string> Workspace, Option<string> By, Option<OutputFormat> Format);

/// <summary>An open workspace for one command: the SQLite store, the use cases on the system clock, and who acts.</summary>
internal sealed class ReviewSession : IDisposable
{
    private readonly SqliteWorkspaceStore _store;

    private ReviewSession(SqliteWorkspaceStore store, string by)
    {
        _store = store;
        Workspace = new Workspace(store, TimeProvider.System, new Version7Ids(TimeProvider.System));
        By = by;
    }

    public Workspace Workspace { get; }

    public string By { get; }

    public static ReviewSession Open(ParseResult parse, ReviewOptions options)
    {
        string path = parse.GetValue(options.Workspace)!;
        if (!File.Exists(path))
        {
            throw new UserError($"No workspace at '{path}'; create one with 'stepwise review init --workspace {path}'.");
        }

        string by = parse.GetValue(options.By) is { Length: > 0 } who ? who : throw new UserError("--by needs a name.");
        return new ReviewSession(SqliteWorkspaceStore.Open(path), by);
    }

    /// <summary>The review whose id is, or starts with, <paramref name="text"/>.</summary>
    public Guid ResolveReview(string text)
    {
        if (Guid.TryParse(text, out var id))
        {
            return Workspace.Reviews().Any(r => r.Id == id) ? id : throw new UserError($"There is no review {id} in this workspace.");
        }

        var matches = Workspace.Reviews().Where(r => r.Id.ToString("D").StartsWith(text.Trim().ToLowerInvariant(), StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0].Id,
            0 => throw new UserError($"No review id starts with '{text}'; 'stepwise review list' shows them."),
            _ => throw new UserError($"{matches.Count} review ids start with '{text}'; give more of the id."),
        };
    }

    /// <summary>The stakeholder of a review whose id is, or starts with, <paramref name="text"/>, or whose name is <paramref name="text"/>.</summary>
    public Guid ResolveStakeholder(Guid reviewId, string text)
    {
        var all = Workspace.List<Stakeholder>(reviewId).Select(s => s.Value).ToList();
        var matches = all.Where(s => s.Id.ToString("D").StartsWith(text.Trim().ToLowerInvariant(), StringComparison.Ordinal) || string.Equals(s.Name, text.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count == 1
            ? matches[0].Id
            : Guid.TryParse(text, out var id) ? id : throw new UserError(matches.Count == 0 ? $"'{text}' is not a stakeholder of this review; 'stepwise review show' lists them." : $"'{text}' matches {matches.Count} stakeholders; give the id.");
    }

    public void Dispose() => _store.Dispose();
}
