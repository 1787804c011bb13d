using System.Collections.Concurrent;
using System.Globalization;
using Stepwise.Mining;
using Stepwise.Review.Access;
using Stepwise.Review.Common;
using Stepwise.Review.Data;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Logs;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Data;

/// <summary>
/// Importing data into a review and finding it again. An import reads the file with the request's options, records
/// exactly how it was read (the options asked for and what was detected) with the file's SHA-256, and stores the log
/// in one transaction: it completes, or (failed or cancelled) leaves the workspace as it was.
/// </summary>
public sealed class DataUseCases
{
    private readonly Workbench _bench;

    // Stored logs never change, so the last few loaded are kept for the next analysis (a web app's pages).
    private readonly ConcurrentDictionary<Guid, EventLog> _logs = new();
    private readonly ConcurrentQueue<Guid> _loaded = new();

    internal DataUseCases(Workbench bench) => _bench = bench;

    /// <summary>The most stored logs kept in memory for the next analysis (0 keeps none); a web host may raise it.</summary>
    public int CachedLogs { get; set; } = 2;

    /// <summary>
    /// Imports an event log file into a review (owners and analysts). Progress runs from 0 to 1 over reading and
    /// storing; cancelling stops the import and leaves the workspace as it was.
    /// </summary>
    /// <exception cref="StepwiseException">Invalid request, forbidden, not found, or the file changed while it was read.</exception>
    /// <exception cref="Mining.IO.EventLogFormatException">The file cannot be read (file, line, column, reason).</exception>
    public ImportResult Import(Actor actor, Guid reviewId, ImportRequest request, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        request.Validate().ThrowIfAny();
        if (!File.Exists(request.Path))
        {
            throw new StepwiseException(ProblemKind.BadFile, $"{request.Path}: no such file.") { Location = new FileLocation(Path.GetFileName(request.Path)) };
        }

        var before = ContentHash.OfFile(request.Path);
        var read = LogFiles.Read(request.Path, request.Read, Scale(progress, 0, 0.5), cancellationToken);
        if (ContentHash.OfFile(request.Path) != before)
        {
            throw new StepwiseException(ProblemKind.BadFile, $"{Path.GetFileName(request.Path)} changed while it was read; nothing was imported. Import it again when it is complete.");
        }

        string name = string.IsNullOrWhiteSpace(request.FileName) ? Path.GetFileName(request.Path) : Path.GetFileName(request.FileName.Trim());
        string provenance = read.Provenance.ToJson();
        if (_bench.Workspace.DataSources(reviewId).FirstOrDefault(d => d.ContentHash == before && d.ImportOptions == provenance) is { } same)
        {
            // The same bytes read the same way would be a second copy of the same data in every list; read with other
            // columns or options, the file is another data source.
            throw new StepwiseException(ProblemKind.RuleBroken,
                $"{name} is already in this review, read the same way: data source {same.Id.ToString("D")[..8]} ('{same.FileName}', imported by {same.ImportedBy} on {same.ImportedAt.UtcDateTime.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC, the same SHA-256). Nothing was imported.");
        }

        var source = _bench.Workspace.ImportEventLog(reviewId, name, before, read.Import.Log, provenance, read.Import.Report.RowsRead, actor.DisplayName, Scale(progress, 0.5, 1), cancellationToken);
        var warnings = new List<string>();
        if (read.Import.Report.SkippedRows > 0)
        {
            warnings.Add((read.Import.Report.SkippedRows == 1 ? "1 bad row was skipped: " : $"{read.Import.Report.SkippedRows.ToString("N0", CultureInfo.InvariantCulture)} bad rows were skipped; the first: ") + string.Join(" | ", read.Import.Report.Issues.Take(5)));
        }

        warnings.AddRange(read.Import.Report.Warnings);
        return new ImportResult(source, read.Provenance, warnings);
    }

    /// <summary>The data sources of a review with their provenance, oldest first.</summary>
    public IReadOnlyList<DataSourceSummary> List(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return [.. _bench.Workspace.DataSources(reviewId).Select(d => new DataSourceSummary(d, ImportProvenance.Parse(d.ImportOptions)))];
    }

    /// <summary>
    /// The data source a text names: its id, a unique prefix of the id, or its file name (the latest with that name);
    /// the latest event log when the text is empty.
    /// </summary>
    /// <exception cref="StepwiseException">No data source matches (not found), or several do (invalid value).</exception>
    public DataSource Find(Actor actor, Guid reviewId, string? text)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return Find(reviewId, text);
    }

    /// <summary>The data source whose file has the same SHA-256 as the file at <paramref name="path"/>.</summary>
    /// <exception cref="StepwiseException">The file was not imported into the review (invalid value of <c>review</c>: import it first).</exception>
    public DataSource FindByFile(Actor actor, Guid reviewId, string path)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        var hash = ContentHash.OfFile(path);
        return _bench.Workspace.DataSources(reviewId).LastOrDefault(d => d.Kind == DataSourceKind.EventLog && d.ContentHash == hash)
            ?? throw StepwiseException.Invalid("review", $"{Path.GetFileName(path)} (sha256 {hash.Short}) is not imported into review {reviewId.ToString("D")[..8]}; import it first ('stepwise review import'), so that what is computed names the data it was made on.");
    }

    internal DataSource Find(Guid reviewId, string? text)
    {
        var all = _bench.Workspace.DataSources(reviewId);
        if (string.IsNullOrWhiteSpace(text))
        {
            return all.LastOrDefault(d => d.Kind == DataSourceKind.EventLog)
                ?? throw new StepwiseException(ProblemKind.RuleBroken, "This review has no event log yet; import one first ('stepwise review import').");
        }

        string t = text.Trim();
        var matches = Guid.TryParse(t, out var id)
            ? [.. all.Where(d => d.Id == id)]
            : all.Where(d => d.Id.ToString("D").StartsWith(t, StringComparison.OrdinalIgnoreCase)).ToList() is { Count: > 0 } byId
                ? byId
                : [.. all.Where(d => string.Equals(d.FileName, Path.GetFileName(t), StringComparison.OrdinalIgnoreCase)).TakeLast(1)];
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw StepwiseException.NotFound($"This review has no data source '{t}'" + (all.Count == 0 ? "; none is imported yet." : $"; it has: {string.Join(", ", all.Select(d => $"{d.FileName} ({d.Id.ToString("D")[..8]})"))}."), $"data source {t}"),
            _ => throw StepwiseException.Invalid("data_source", $"'{t}' matches {matches.Count} data sources; give more of the id."),
        };
    }

    /// <summary>Loads a stored log (kept for the next call: stored logs never change).</summary>
    internal EventLog Load(Guid dataSourceId, CancellationToken cancellationToken)
    {
        if (_logs.TryGetValue(dataSourceId, out var cached))
        {
            return cached;
        }

        var log = _bench.Workspace.LoadEventLog(dataSourceId, cancellationToken);
        if (CachedLogs > 0 && _logs.TryAdd(dataSourceId, log))
        {
            _loaded.Enqueue(dataSourceId);
            while (_loaded.Count > CachedLogs && _loaded.TryDequeue(out var oldest))
            {
                _logs.TryRemove(oldest, out _);
            }
        }

        return log;
    }

    private static IProgress<double>? Scale(IProgress<double>? progress, double from, double to)
        => progress is null ? null : new Progress(v => progress.Report(from + ((to - from) * Math.Clamp(v, 0, 1))));

    private sealed class Progress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
