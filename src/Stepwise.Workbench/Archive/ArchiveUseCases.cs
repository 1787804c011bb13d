using System.Globalization;
using Stepwise.Mining;
using Stepwise.Review.Access;
using Stepwise.Review.Common;
using Stepwise.Review.Data;
using Stepwise.Review.Storage;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Logs;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Workbench.Archive;

/// <summary>
/// Moving a whole review between workspaces (SQLite and PostgreSQL alike) without loss: an export holds every artefact
/// version, the history, sign-offs and data-source provenance (and the stored logs unless left out); an import checks
/// every hash and rule and puts it all back in one transaction.
/// </summary>
public sealed class ArchiveUseCases
{
    private readonly Workbench _bench;

    internal ArchiveUseCases(Workbench bench) => _bench = bench;

    /// <summary>The whole review as an archive. Stored logs are personal data: including them is for owners.</summary>
    public ReviewArchive Export(Actor actor, Guid reviewId, ExportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var role = _bench.Guard.Require(actor, reviewId, Permission.Read);
        if (request.IncludeData && !AccessRules.Allows(role, Permission.IncludePersonalData))
        {
            throw StepwiseException.Forbidden($"The stored logs hold personal data, so only an owner may export them; {actor.DisplayName} may export the review without them (--no-data).");
        }

        var snapshot = _bench.Workspace.Snapshot(reviewId, request.IncludeData, cancellationToken);
        return new ReviewArchive(ReviewArchive.CurrentVersion, _bench.Now, actor.DisplayName, "stepwise " + typeof(ReviewArchive).Assembly.GetName().Version, snapshot);
    }

    /// <summary>
    /// Reads an archive into this workspace (administrators: a restored review keeps its members, who may not have
    /// accounts here). Every version's hash and every rule is checked first; the review is restored whole, or not at
    /// all. An archive without its data needs the original files, matched by SHA-256 and read again with the recorded options.
    /// </summary>
    public ReviewSummary Import(Actor actor, ArchiveImportRequest request, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        AccessGuard.RequireAdministrator(actor, "import a review");
        request.Validate().ThrowIfAny();
        var archive = ReviewArchiveJson.Read(request.Path);
        return Import(actor, archive, request.Data, progress, cancellationToken);
    }

    /// <summary>Puts an archive already read into this workspace (see <see cref="Import(Actor, ArchiveImportRequest, IProgress{double}?, CancellationToken)"/>).</summary>
    public ReviewSummary Import(Actor actor, ReviewArchive archive, IReadOnlyList<string>? dataFiles = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(archive);
        AccessGuard.RequireAdministrator(actor, "import a review");
        var snapshot = archive.Snapshot;
        if (_bench.Store.FindReview(snapshot.Entry.Id) is not null)
        {
            throw new StepwiseException(ProblemKind.Conflict, $"This workspace already has review {snapshot.Entry.Id}; an imported review keeps its id, so it cannot be imported twice into one workspace.");
        }

        var logs = new Dictionary<Guid, EventLog>(snapshot.Logs);
        var missing = snapshot.DataSources.Where(d => d.Kind == DataSourceKind.EventLog && !logs.ContainsKey(d.Id)).ToList();
        if (missing.Count > 0)
        {
            var files = (dataFiles ?? []).Select(f => (Path: f, Hash: File.Exists(f) ? ContentHash.OfFile(f) : throw new StepwiseException(ProblemKind.BadFile, $"{f}: no such file.") { Location = new FileLocation(Path.GetFileName(f)) })).ToList();
            foreach (var source in missing)
            {
                var file = files.FirstOrDefault(f => f.Hash == source.ContentHash).Path
                    ?? throw StepwiseException.Invalid("data", $"the archive was exported without its data: give the original {source.FileName} (sha256 {source.ContentHash.Short}) to read it again with the recorded options.");
                logs[source.Id] = Reread(source, file, cancellationToken);
            }
        }

        try
        {
            _bench.Workspace.Restore(snapshot with { Logs = logs }, progress, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw new StepwiseException(ProblemKind.BadFile, $"The archive cannot be imported: {ex.Message}", ex);
        }

        return _bench.Reviews.Get(actor, snapshot.Entry.Id);
    }

    /// <summary>Reads a data file again with the options its provenance records, and checks it gives the same log.</summary>
    private static EventLog Reread(DataSource source, string path, CancellationToken cancellationToken)
    {
        var provenance = ImportProvenance.Parse(source.ImportOptions)
            ?? throw new StepwiseException(ProblemKind.RuleBroken, $"{source.FileName} was imported without recorded read options, so it cannot be read again exactly; export the review with its data.");
        var read = LogFiles.Read(path, provenance.Requested, null, cancellationToken);
        if (read.Import.Log.CaseCount != source.Cases || read.Import.Log.EventCount != source.Records)
        {
            throw new StepwiseException(ProblemKind.BadFile, string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)} read with the recorded options gives {read.Import.Log.CaseCount} cases and {read.Import.Log.EventCount} events; the data source recorded {source.Cases} and {source.Records}."));
        }

        return read.Import.Log;
    }
}
