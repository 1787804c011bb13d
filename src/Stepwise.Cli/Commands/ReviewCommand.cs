using System.CommandLine;
using System.Globalization;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Storage;
using Stepwise.Review.Reviews;
using Stepwise.Review.Storage;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Hosting;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Cli.Commands;

/// <summary>
/// <c>stepwise review</c>: create and follow reviews in a workspace through every stage: init, create, list, show,
/// scope, stage, stakeholder, signoff, member, import, data, step, question, ask, answer, questions, option, simulate,
/// criteria, score, matrix, cost, risk, recommend, withdraw, task, progress, communicate, kpi, measure, export,
/// import-json, history, verify. Each calls the use-case layer and renders its result.
/// </summary>
internal static class ReviewCommand
{
    /// <summary>The verb's name.</summary>
    public const string Name = "review";

    /// <summary>What the verb does, as help lists it.</summary>
    public const string Description = "Create and follow reviews through every stage: scope, data, steps and questions, options and their simulation, evaluation, recommendations and sign-offs, the plan, communications, monitoring, export and history.";

    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var command = new Command(Name, Description);
        var options = ReviewOptions.AddTo(command);
        command.Subcommands.Add(Init(options));
        command.Subcommands.Add(ReviewCreateCommand.Create(options));
        command.Subcommands.Add(List(options));
        command.Subcommands.Add(ReviewShowCommand.Create(options));
        command.Subcommands.Add(ReviewScopeCommand.Create(options));
        command.Subcommands.Add(Stage(options));
        command.Subcommands.Add(ReviewStakeholderCommand.Create(options));
        command.Subcommands.Add(ReviewSignOffCommand.Create(options));
        command.Subcommands.Add(ReviewMemberCommand.Create(options));
        command.Subcommands.Add(ReviewImportCommand.Create(options));
        command.Subcommands.Add(ReviewDataCommand.Create(options));
        command.Subcommands.Add(ReviewQuestionCommands.Step(options));
        command.Subcommands.Add(ReviewQuestionCommands.Question(options));
        command.Subcommands.Add(ReviewQuestionCommands.Ask(options));
        command.Subcommands.Add(ReviewQuestionCommands.Answer(options));
        command.Subcommands.Add(ReviewQuestionCommands.Questions(options));
        command.Subcommands.Add(ReviewOptionCommands.OptionVerb(options));
        command.Subcommands.Add(ReviewOptionCommands.SimulateVerb(options));
        command.Subcommands.Add(ReviewEvaluationCommands.Criteria(options));
        command.Subcommands.Add(ReviewEvaluationCommands.Score(options));
        command.Subcommands.Add(ReviewEvaluationCommands.MatrixVerb(options));
        command.Subcommands.Add(ReviewEvaluationCommands.Cost(options));
        command.Subcommands.Add(ReviewEvaluationCommands.RiskVerb(options));
        command.Subcommands.Add(ReviewDecisionCommands.Recommend(options));
        command.Subcommands.Add(ReviewDecisionCommands.Withdraw(options));
        command.Subcommands.Add(ReviewPlanCommands.TaskVerb(options));
        command.Subcommands.Add(ReviewPlanCommands.GoLive(options));
        command.Subcommands.Add(ReviewPlanCommands.Progress(options));
        command.Subcommands.Add(ReviewCommunicateCommand.Create(options));
        command.Subcommands.Add(ReviewMonitoringCommands.Kpi(options));
        command.Subcommands.Add(ReviewMonitoringCommands.Measure(options));
        command.Subcommands.Add(ReviewMonitorCommand.Create(options));
        command.Subcommands.Add(ReviewArchiveCommands.Export(options));
        command.Subcommands.Add(ReviewArchiveCommands.Import(options));
        command.Subcommands.Add(History(options));
        command.Subcommands.Add(ReviewVerifyCommand.Create(options));
        return command;
    }

    private static Command Init(ReviewOptions o)
    {
        var appRole = new Option<string?>("--grant-app-role") { Description = "PostgreSQL, run as the role that owns the workspace: grant this role what the web app and command line need (append-only history and sign-offs: insert, never update, delete or truncate)." };
        var readRole = new Option<string?>("--grant-read-role") { Description = "PostgreSQL, run as the owner: grant this role read-only access (the workspace opens for reading only)." };
        var command = new Command("init", "Create the workspace file (or bring an existing one up to date); on PostgreSQL, optionally grant the application and reader roles their rights.") { appRole, readRole };
        command.SetRun((parse, context, _) =>
        {
            var location = WorkspaceLocation.Parse(parse.GetValue(o.Workspace));
            string? app = parse.GetValue(appRole), reader = parse.GetValue(readRole);
            if ((app ?? reader) is not null && location.Kind != WorkspaceKind.Postgres)
            {
                throw new UserError((app is null ? "--grant-read-role" : "--grant-app-role") + " applies to a PostgreSQL workspace (--connection); a SQLite workspace is protected by its file's permissions.");
            }

            using var store = WorkspaceStores.Open(location);
            if ((app ?? reader) is not null)
            {
                try
                {
                    ((Stepwise.Storage.Postgres.PostgresWorkspaceStore)store).GrantAccess(app, reader);
                }
                catch (ArgumentException ex)
                {
                    int cut = ex.Message.IndexOf(" (Parameter", StringComparison.Ordinal);
                    throw new UserError((ex.ParamName == "readerRole" ? "--grant-read-role: " : "--grant-app-role: ") + (cut < 0 ? ex.Message : ex.Message[..cut]));
                }
                catch (Npgsql.PostgresException ex)
                {
                    throw new Workbench.Problems.StepwiseException(Workbench.Problems.ProblemKind.Forbidden, $"Only the role that owns the workspace's tables can grant access ({location}): {ex.MessageText}.", ex);
                }
            }

            var record = new ResultRecord("workspace")
                .Add("path", location.ToString())
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
            var table = new ResultTable("reviews", [new("id"), new("type"), new("title"), new("owner"), new("stage"), new("your_role"), new("created_at", CellKind.Timestamp)]);
            foreach (var review in session.Bench.Reviews.List(session.Actor))
            {
                table.Add(review.Id.ToString("D"), review.Type == ReviewType.Process ? "process" : "quality", review.Title, review.Owner, review.Stage?.ToString(), review.Role.ToString().ToLowerInvariant(), review.CreatedAt);
            }

            return CommonOptions.Print(context, new Report().Add(table), parse.GetValue(o.Format));
        });
        return command;
    }

    private static Command Stage(ReviewOptions o)
    {
        var id = new Argument<string>("review") { Description = "The review id (or a unique prefix of it)." };
        var stage = new Argument<string>("stage") { Description = "The stage to move to: scope, analyse, challenge, evaluate, decide, implement, monitor, closed." };
        var reason = new Option<string?>("--reason") { Description = "Why, recorded in the history (e.g. why the review goes back to stage Scope to change its scope)." };
        var command = new Command("stage", "Move a review to another stage (forward one stage at a time, when the agreements it needs are in place; back to any earlier stage, with --reason).") { id, stage, reason };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            Guid reviewId = session.ResolveReview(parse.GetValue(id)!);
            var current = session.Bench.Reviews.Get(session.Actor, reviewId);
            var moved = session.Bench.Reviews.MoveStage(session.Actor, reviewId, parse.GetValue(stage)!, current.Version, parse.GetValue(reason));
            var record = new ResultRecord("review")
                .Add("id", reviewId.ToString("D"))
                .Add("from", current.Stage?.ToString())
                .Add("stage", moved.Stage?.ToString())
                .Add("version", moved.Version, CellKind.Integer);
            return CommonOptions.Print(context, new Report().Add(record), parse.GetValue(o.Format));
        });
        return command;
    }

    private static Command History(ReviewOptions o)
    {
        var id = new Argument<string>("review") { Description = "The review id (or a unique prefix of it)." };
        var last = new Option<int?>("--last") { Description = "Only the N most recent changes." };
        var command = new Command("history", "List every change to a review, oldest first: who, when, which artefact (by name), and each field's old and new value.") { id, last };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            Guid reviewId = session.ResolveReview(parse.GetValue(id)!);
            var lines = session.Bench.Reviews.HistoryLines(session.Actor, reviewId);
            if (parse.GetValue(last) is { } n)
            {
                lines = [.. lines.TakeLast(Math.Max(0, n))];
            }

            var format = parse.GetValue(o.Format);
            return CommonOptions.Print(context, new Report().Add(format == OutputFormat.Table ? Readable(lines) : Rows(lines)), format);
        });
        return command;
    }

    /// <summary>One row per change with its fields joined, for CSV and JSON.</summary>
    private static ResultTable Rows(IReadOnlyList<HistoryLine> lines)
    {
        var table = new ResultTable("history", [new("seq", CellKind.Integer), new("at", CellKind.Timestamp), new("by"), new("action"), new("artefact"), new("version", CellKind.Integer), new("summary"), new("changes")]);
        foreach (var h in lines)
        {
            table.Add(h.Sequence, h.At, h.By, h.Action.ToString(), h.Artefact, h.Version, h.Summary, string.Join("; ", h.Changes.Select(c => Change(c, int.MaxValue))));
        }

        return table;
    }

    /// <summary>For people: each change, then each changed field under it with its old and new value.</summary>
    private static ResultTable Readable(IReadOnlyList<HistoryLine> lines)
    {
        var table = new ResultTable("history", [new("seq", CellKind.Integer), new("at", CellKind.Timestamp), new("by"), new("change")]);
        foreach (var h in lines)
        {
            table.Add(h.Sequence, h.At, h.By, $"{h.Summary} (version {h.Version.ToString(CultureInfo.InvariantCulture)})");
            foreach (var c in h.Changes.Take(12))
            {
                table.Add(null, null, null, "  " + Change(c, 100));
            }

            if (h.Changes.Count > 12)
            {
                table.Add(null, null, null, $"  ... and {(h.Changes.Count - 12).ToString(CultureInfo.InvariantCulture)} more fields (--format json shows them all)");
            }
        }

        return table;
    }

    private static string Change(ChangeLine c, int max)
    {
        string Value(string? v) => v is null ? "(none)" : v.Length <= max ? v : v[..(max - 1)] + "…";
        return $"{c.Field}: {Value(c.Before)} -> {Value(c.After)}";
    }
}

/// <summary>The options every <c>review</c> subcommand shares.</summary>
internal sealed record ReviewOptions(Option<string> Workspace, Option<string> By, Option<OutputFormat> Format)
{
    /// <summary>Adds the workspace, acting-user and format options to a verb and all its subcommands.</summary>
    public static ReviewOptions AddTo(Command command)
    {
        var workspace = WorkspaceOption();
        var by = ByOption();
        var format = CommonOptions.Format();
        format.Recursive = true;
        command.Options.Add(workspace);
        command.Options.Add(by);
        command.Options.Add(format);
        return new ReviewOptions(workspace, by, format);
    }

    /// <summary>The workspace option (<c>--workspace</c>), for verbs that take a review but not the output format.</summary>
    public static Option<string> WorkspaceOption() => new("--workspace", "-w", "--connection")
    {
        Description = "The workspace: a SQLite file (created by 'review init'), or a PostgreSQL connection string such as 'Host=db;Database=stepwise;Username=me'. Default: STEPWISE_WORKSPACE, else stepwise.db.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("STEPWISE_WORKSPACE") is { Length: > 0 } env ? env : WorkspaceLocation.DefaultFile,
        Recursive = true,
    };

    /// <summary>The acting-user option (<c>--by</c>, <c>--as</c>).</summary>
    public static Option<string> ByOption() => new("--by", "--as")
    {
        Description = "The account you act as, recorded in the history (default: STEPWISE_USER, else your login name). On a new workspace the first user becomes its administrator.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("STEPWISE_USER") is { Length: > 0 } env ? env : Environment.UserName,
        Recursive = true,
    };
}

/// <summary>
/// An open workspace for one command: the store, the use cases on the system clock, and the account the command acts
/// as (<c>--by</c>, by default the login name; the first user of a new workspace becomes its administrator).
/// </summary>
internal sealed class ReviewSession : IDisposable
{
    private readonly IWorkspaceStore _store;

    private ReviewSession(IWorkspaceStore store, string user)
    {
        _store = store;
        Bench = new Workbench.Workbench(store, TimeProvider.System, new Version7Ids(TimeProvider.System));
        try
        {
            Actor = Bench.Accounts.CommandLineUser(user);
        }
        catch (StepwiseException ex) when (ex.Errors.Count > 0 && ex.Errors.All(e => e.Field == "user"))
        {
            // The account is typed as --by (or --as) here, not --user.
            throw new StepwiseException([.. ex.Errors.Select(e => e with { Field = "by" })]);
        }
    }

    /// <summary>The use cases.</summary>
    public Workbench.Workbench Bench { get; }

    /// <summary>The account the command acts as.</summary>
    public Actor Actor { get; }

    public static ReviewSession Open(ParseResult parse, ReviewOptions options)
    {
        string setting = parse.GetValue(options.Workspace)!;
        var location = WorkspaceLocation.Parse(setting);
        if (location.Kind == WorkspaceKind.Sqlite && !File.Exists(location.Value))
        {
            throw new UserError($"No workspace at '{setting}'; create one with 'stepwise review init --workspace {setting}'.");
        }

        string user = parse.GetValue(options.By) is { Length: > 0 } who ? who : throw new UserError("--by needs the name of an account.");
        var store = WorkspaceStores.Open(location);
        try
        {
            return new ReviewSession(store, user);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>The review whose id is, or starts with, <paramref name="text"/> (or whose title it is).</summary>
    public Guid ResolveReview(string text) => Bench.Reviews.Resolve(Actor, text);

    /// <summary>The stakeholder of a review whose id or name is <paramref name="text"/>.</summary>
    public Guid ResolveStakeholder(Guid reviewId, string text) => Bench.Reviews.FindStakeholder(Actor, reviewId, text).Value.Id;

    public void Dispose() => _store.Dispose();
}
