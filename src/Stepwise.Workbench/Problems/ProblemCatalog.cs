using Stepwise.Mining.IO;
using Stepwise.Review.Common;
using Stepwise.Review.Storage;
using Stepwise.Simulation.Model;
using Stepwise.Statistics.Tabular;
using Stepwise.Steps.Files;

namespace Stepwise.Workbench.Problems;

/// <summary>
/// The one table that maps every kind of failure to a command-line exit code and an HTTP status, and turns any
/// exception into a <see cref="Problem"/>. Engines throw their own precise exceptions (file format, rule, conflict);
/// this is the only place that decides what each means to a user. Anything unrecognised is a bug: its message is not
/// shown (it may hold internals), and the user is told how to see details.
/// </summary>
public static class ProblemCatalog
{
    /// <summary>The base of the problem type URIs.</summary>
    public const string TypeBase = "https://stepwise.dev/problems/";

    private static readonly Dictionary<ProblemKind, CatalogEntry> Table = new()
    {
        [ProblemKind.InvalidValue] = new(2, 400, "invalid-value", "Invalid value"),
        [ProblemKind.BadFile] = new(3, 422, "bad-file", "The file cannot be read"),
        [ProblemKind.TooLarge] = new(3, 413, "too-large", "Too large"),
        [ProblemKind.NotFound] = new(4, 404, "not-found", "Not found"),
        [ProblemKind.Conflict] = new(5, 409, "conflict", "Changed by someone else"),
        [ProblemKind.RuleBroken] = new(6, 409, "rule-broken", "Not allowed by the review's rules"),
        [ProblemKind.Forbidden] = new(7, 403, "forbidden", "Not permitted"),
        [ProblemKind.Unauthenticated] = new(7, 401, "unauthenticated", "Sign-in required"),
        [ProblemKind.Unavailable] = new(8, 503, "unavailable", "The workspace is unavailable"),
        [ProblemKind.Cancelled] = new(130, 499, "cancelled", "Cancelled"),
        [ProblemKind.Interrupted] = new(75, 503, "interrupted", "Interrupted by a server restart"),
        [ProblemKind.Bug] = new(70, 500, "internal-error", "Internal error"),
    };

    /// <summary>Every kind with its exit code, HTTP status and type, for documentation and tests.</summary>
    public static IReadOnlyDictionary<ProblemKind, CatalogEntry> Entries => Table;

    /// <summary>The entry of a kind.</summary>
    public static CatalogEntry Entry(ProblemKind kind) => Table[kind];

    /// <summary>Describes an exception as a problem.</summary>
    public static Problem Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var kind = Classify(exception);
        string title = Table[kind].Title;
        return exception switch
        {
            StepwiseException s => new Problem(kind, title, s.Message, s.Errors, s.Location, null),
            ConcurrencyConflictException c => new Problem(kind, title, c.Message, [], null, new ConflictDetail(
                c.Artefact.ToString(), c.ExpectedVersion, c.CurrentVersion,
                c.Differences.Count > 0 ? [.. c.Differences.Select(d => d.Path)] : c.ChangedFields,
                [.. c.Since.Select(h => h.By).Distinct(StringComparer.Ordinal)],
                c.Since.Count > 0 ? c.Since[^1].At : null)),
            EventLogFormatException e => new Problem(kind, title, e.Message, [], new FileLocation(e.File, e.Line, e.Issues.Count > 0 ? e.Issues[0].Column : null), null),
            StepsFileException e => new Problem(kind, title, e.Message, [], new FileLocation(e.File, e.Line, e.Column), null),
            SimulationFileException e => new Problem(kind, title, e.Message, [], new FileLocation(e.File, e.Line), null),
            DelimitedTextException e => new Problem(kind, title, e.Message, [], new FileLocation(e.FileName, e.Line), null),
            WorkspaceWriteRefusedException w => new Problem(kind, w.Reason == WriteRefusal.Full ? "The workspace is full" : "The workspace is read-only", w.Message, [], null, null),
            _ when kind == ProblemKind.Bug => new Problem(kind, title, "Stepwise failed unexpectedly: " + exception.GetType().Name + ". Nothing was saved by the failed action. Please report it with the steps that led to it.", [], null, null),
            ArgumentException { ParamName: { } name } a => new Problem(kind, title, a.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal), [], null, null),
            _ => new Problem(kind, title, exception.Message, [], null, null),
        };
    }

    /// <summary>The kind of failure an exception stands for.</summary>
    public static ProblemKind Classify(Exception exception) => exception switch
    {
        StepwiseException s => s.Kind,
        WorkspaceWriteRefusedException => ProblemKind.Unavailable,
        OperationCanceledException => ProblemKind.Cancelled,
        ConcurrencyConflictException => ProblemKind.Conflict,
        ReviewRuleException => ProblemKind.RuleBroken,
        KeyNotFoundException => ProblemKind.NotFound,
        FileNotFoundException or DirectoryNotFoundException => ProblemKind.BadFile,
        DelimitedTextException { LimitExceeded: true } => ProblemKind.TooLarge,
        EventLogFormatException e when e.LimitExceeded || e.Message.Contains("expand", StringComparison.OrdinalIgnoreCase) => ProblemKind.TooLarge,
        FormatException or InvalidDataException => ProblemKind.BadFile,
        UnauthorizedAccessException => ProblemKind.Unavailable,
        IOException io when IsDiskFull(io) => ProblemKind.Unavailable,
        IOException => ProblemKind.BadFile,
        ArgumentException or NotSupportedException => ProblemKind.InvalidValue,
        _ when IsDatabaseUnavailable(exception) => ProblemKind.Unavailable,
        _ => ProblemKind.Bug,
    };

    private static bool IsDiskFull(IOException io) => io.HResult is 0x70 or 28 || io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase);

    // Database drivers' exceptions (SQLite busy or read-only, PostgreSQL unreachable) are DbExceptions.
    private static bool IsDatabaseUnavailable(Exception exception) => exception is System.Data.Common.DbException db &&
        (db.Message.Contains("readonly", StringComparison.OrdinalIgnoreCase)
         || db.Message.Contains("read-only", StringComparison.OrdinalIgnoreCase)
         || db.Message.Contains("disk is full", StringComparison.OrdinalIgnoreCase)
         || db.Message.Contains("database is locked", StringComparison.OrdinalIgnoreCase)
         || db.Message.Contains("connect", StringComparison.OrdinalIgnoreCase));
}

/// <summary>One row of the catalogue.</summary>
/// <param name="ExitCode">The command line's exit code.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Slug">The last part of the problem type URI.</param>
/// <param name="Title">The fixed title.</param>
public sealed record CatalogEntry(int ExitCode, int Status, string Slug, string Title)
{
    /// <summary>The problem type URI.</summary>
    public string Type => ProblemCatalog.TypeBase + Slug;
}
