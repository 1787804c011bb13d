using System.Globalization;
using Stepwise.Mining;
using Stepwise.Review.Access;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.Data;
using Stepwise.Review.Decisions;
using Stepwise.Review.Evaluation;
using Stepwise.Review.History;
using Stepwise.Review.Monitoring;
using Stepwise.Review.Options;
using Stepwise.Review.People;
using Stepwise.Review.Planning;
using Stepwise.Review.Quality;
using Stepwise.Review.Reviews;
using Stepwise.Review.Scoping;
using Stepwise.Review.SignOffs;
using Stepwise.Review.Steps;
using Stepwise.Review.Storage;

namespace Stepwise.Review.Workspaces;

/// <summary>
/// The use cases of a workspace of reviews: what the web app and the CLI call. Every change is checked against the
/// rules of the review, saved with optimistic concurrency (the caller passes the version it read) and recorded in
/// the history. Time and ids come from the given clock and id source.
/// </summary>
public sealed partial class Workspace
{
    private readonly IWorkspaceStore _store;
    private readonly TimeProvider _time;
    private readonly IIdSource _ids;

    /// <summary>Creates the use cases over a store.</summary>
    public Workspace(IWorkspaceStore store, TimeProvider time, IIdSource ids)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(ids);
        _store = store;
        _time = time;
        _ids = ids;
    }

    /// <summary>A new id from the workspace's id source.</summary>
    public Guid NewId() => _ids.Next();

    /// <summary>The current time of the workspace's clock, in UTC, truncated to whole microseconds (what every
    /// store keeps exactly).</summary>
    public DateTimeOffset Now
    {
        get
        {
            long ticks = _time.GetUtcNow().UtcTicks;
            return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
        }
    }

    /// <summary>Creates a process review at stage Scope.</summary>
    /// <param name="title">The review's title.</param>
    /// <param name="owner">The name of who owns it.</param>
    /// <param name="aims">Its aims.</param>
    /// <param name="by">Who creates it, as the history records it.</param>
    /// <param name="ownerMember">The owner's membership, stored in the same transaction, when accounts are used.</param>
    public Versioned<ProcessReview> CreateReview(string title, string owner, IReadOnlyList<string> aims, string by, ReviewMember? ownerMember = null)
    {
        var review = new ProcessReview { Id = _ids.Next(), Title = title, Owner = owner, Aims = aims, Stage = Stage.Scope, CreatedAt = Now };
        return Create(review.Id, ReviewType.Process, review, by, ownerMember);
    }

    /// <summary>Creates a quality review.</summary>
    public Versioned<QualityReview> CreateQualityReview(string title, string owner, string by, ReviewMember? ownerMember = null)
    {
        var review = new QualityReview { Id = _ids.Next(), Title = title, Owner = owner, CreatedAt = Now };
        return Create(review.Id, ReviewType.Quality, review, by, ownerMember);
    }

    /// <summary>Every workspace entry, oldest first.</summary>
    public IReadOnlyList<ReviewEntry> Reviews() => _store.Reviews();

    /// <summary>The artefact of type <typeparamref name="T"/> with that id, or null.</summary>
    public Versioned<T>? Find<T>(Guid reviewId, Guid id)
        where T : IArtefact
        => _store.Find(reviewId, new ArtefactRef(T.Kind, id)) is { } stored ? Read<T>(stored) : null;

    /// <summary>The artefact of type <typeparamref name="T"/> with that id.</summary>
    /// <exception cref="KeyNotFoundException">There is none.</exception>
    public Versioned<T> Get<T>(Guid reviewId, Guid id)
        where T : IArtefact
        => Find<T>(reviewId, id) ?? throw new KeyNotFoundException($"Review {reviewId} has no {T.Kind} {id}.");

    /// <summary>Version <paramref name="version"/> of an artefact as it was saved (e.g. the version a sign-off names), or null.</summary>
    public Versioned<T>? FindVersion<T>(Guid reviewId, Guid id, long version)
        where T : IArtefact
        => _store.FindVersion(reviewId, new ArtefactRef(T.Kind, id), version) is { } stored ? Read<T>(stored) : null;

    /// <summary>The process review with that id.</summary>
    /// <exception cref="KeyNotFoundException">There is none.</exception>
    public Versioned<ProcessReview> GetReview(Guid reviewId) => Get<ProcessReview>(reviewId, reviewId);

    /// <summary>Every artefact of type <typeparamref name="T"/> of a review, oldest first.</summary>
    public IReadOnlyList<Versioned<T>> List<T>(Guid reviewId)
        where T : IArtefact
        => [.. _store.List(reviewId, T.Kind).Select(Read<T>)];

    /// <summary>
    /// Saves an artefact (creates it when <paramref name="expectedVersion"/> is 0) after checking the rules of the
    /// review that concern it.
    /// </summary>
    /// <exception cref="ReviewRuleException">A rule is broken; nothing was saved.</exception>
    /// <exception cref="ConcurrencyConflictException">Someone saved the artefact since version <paramref name="expectedVersion"/> was read.</exception>
    public Versioned<T> Save<T>(Guid reviewId, T artefact, long expectedVersion, string by)
        where T : IArtefact
        => Save(reviewId, artefact, expectedVersion, by, summary: null);

    /// <summary>Saves an artefact as <see cref="Save{T}(Guid, T, long, string)"/> does, with the history entry's
    /// summary in words (e.g. what a computed result found) instead of the list of changed fields.</summary>
    /// <exception cref="ReviewRuleException">A rule is broken; nothing was saved.</exception>
    /// <exception cref="ConcurrencyConflictException">Someone saved the artefact since version <paramref name="expectedVersion"/> was read.</exception>
    public Versioned<T> Save<T>(Guid reviewId, T artefact, long expectedVersion, string by, string? summary)
        where T : IArtefact
    {
        ArgumentNullException.ThrowIfNull(artefact);
        var entry = _store.FindReview(reviewId) ?? throw new ReviewRuleException($"There is no review {reviewId}.");
        var previous = _store.Find(reviewId, new ArtefactRef(T.Kind, artefact.Id));
        CheckRules(entry, artefact, previous);
        return Write(reviewId, artefact, expectedVersion, by, previous, summary, HistoryAction.Changed);
    }

    /// <summary>The current version number of an artefact, or null if it does not exist.</summary>
    public long? CurrentVersion(Guid reviewId, ArtefactRef artefact) => _store.Find(reviewId, artefact)?.Version;

    /// <summary>Moves a review to another stage, if the stage rules allow it, recording why when a reason is given
    /// (e.g. why a review goes back to stage Scope).</summary>
    /// <exception cref="ReviewRuleException">The move is refused; the message says why.</exception>
    public Versioned<ProcessReview> MoveStage(Guid reviewId, Stage target, long expectedVersion, string by, string? reason = null)
    {
        reason = Guard.OptionalText(reason, "Reason", 1000);
        var current = GetReview(reviewId);
        StageRules.Check(current.Value.Stage, target, Facts(reviewId));
        var moved = current.Value with { Stage = target };
        string summary = $"Moved review '{current.Value.Title}' from stage {current.Value.Stage} to {target}" + (reason is null ? string.Empty : ": " + reason);
        return Write(reviewId, moved, expectedVersion, by, _store.Find(reviewId, new ArtefactRef(ArtefactKind.Review, reviewId)), summary, HistoryAction.StageMoved);
    }

    /// <summary>What the stage rules know about a review now.</summary>
    public StageFacts Facts(Guid reviewId)
    {
        var scope = Find<Scope>(reviewId, reviewId);
        bool scopeAgreed = scope is not null && Agreement(reviewId, new ArtefactRef(ArtefactKind.Scope, reviewId)).IsAgreed;
        var agreed = List<Recommendation>(reviewId)
            .Where(r => r.Value.Status == RecommendationStatus.Proposed && Agreement(reviewId, new ArtefactRef(ArtefactKind.Recommendation, r.Value.Id)).IsAgreed)
            .Select(r => r.Value.Id)
            .ToList();
        var plan = Find<ImplementationPlan>(reviewId, reviewId)?.Value;
        bool implemented = plan is not null && agreed.Any(id => IsImplemented(plan, id));
        bool monitored = Find<MonitoringRun>(reviewId, reviewId) is not null;
        return new StageFacts(scope is not null, scopeAgreed, agreed.Count > 0, implemented, monitored);
    }

    /// <summary>Whether a recommendation is implemented: it has plan tasks and all of them are done.</summary>
    public static bool IsImplemented(ImplementationPlan plan, Guid recommendationId)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var tasks = plan.Tasks.Where(t => t.RecommendationId == recommendationId).ToList();
        return tasks.Count > 0 && tasks.All(t => t.Status == PlanTaskStatus.Done);
    }

    /// <summary>
    /// Records a stakeholder's decision on a version of a scope, recommendation or plan. The version (and, when given,
    /// the content hash) must be the current one: a signer signs what they read. A rejection needs a reason.
    /// </summary>
    /// <exception cref="ReviewRuleException">The signer is not a stakeholder of the review, the artefact cannot be
    /// signed, or a rejection has no reason.</exception>
    /// <exception cref="ConcurrencyConflictException">The artefact changed since that version; the exception names
    /// the fields that differ, who changed them and when.</exception>
    /// <param name="reviewId">The review.</param>
    /// <param name="artefact">The scope, recommendation or plan signed.</param>
    /// <param name="version">The version the signer read.</param>
    /// <param name="stakeholderId">The signer.</param>
    /// <param name="decision">Approved or rejected.</param>
    /// <param name="reason">Why (required for a rejection).</param>
    /// <param name="entry">Who enters the decision: the signer, or someone recording it on their behalf.</param>
    /// <param name="readHash">The content hash of the version the signer read, if known; a mismatch is refused.</param>
    public SignOff SignOff(Guid reviewId, ArtefactRef artefact, long version, Guid stakeholderId, SignOffDecision decision, string? reason, SignOffEntry entry, ContentHash? readHash = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (artefact.Kind is not (ArtefactKind.Scope or ArtefactKind.Recommendation or ArtefactKind.ImplementationPlan or ArtefactKind.QualityReview or ArtefactKind.QualityAction))
        {
            throw new ReviewRuleException($"A {Describe(artefact.Kind)} cannot be signed off; only a scope, a recommendation, an implementation plan, a quality review's measurement plan or an agreed action can.");
        }

        var stakeholder = Find<Stakeholder>(reviewId, stakeholderId)?.Value
            ?? throw new ReviewRuleException($"The signer {stakeholderId} is not a stakeholder of this review; add them as a stakeholder first.");
        if (decision == SignOffDecision.Rejected && string.IsNullOrWhiteSpace(reason))
        {
            throw new ReviewRuleException($"{stakeholder.Name} rejects {artefact.Kind}: a rejection needs a reason.");
        }

        var stored = _store.Find(reviewId, artefact) ?? throw new ReviewRuleException($"Review {reviewId} has no {artefact} to sign off.");
        if (decision == SignOffDecision.Rejected && artefact.Kind == ArtefactKind.Scope && GetReview(reviewId).Value.Stage is var stage && stage >= Stage.Evaluate)
        {
            throw new ReviewRuleException($"The review is at stage {stage}, which rests on the agreed scope; to reopen the scope, move the review back to stage Scope (with the reason) and record the rejection there.");
        }

        if (stored.Version != version || (readHash is { } hash && hash != stored.Hash))
        {
            throw SignedStale(reviewId, artefact, version, stored);
        }

        var signOff = new SignOff
        {
            Id = _ids.Next(),
            ReviewId = reviewId,
            Artefact = artefact,
            Version = version,
            ContentHash = stored.Hash,
            StakeholderId = stakeholder.Id,
            Name = stakeholder.Name,
            Group = stakeholder.Group,
            Role = stakeholder.Role,
            Decision = decision,
            Reason = reason,
            At = Now,
            EnteredBy = entry.EnteredBy,
            EnteredByUserId = entry.EnteredByUserId,
            OnBehalf = entry.OnBehalf,
            OnBehalfReason = entry.Reason,
        };
        string verb = decision == SignOffDecision.Approved ? "approved" : "rejected";
        string onBehalf = entry.OnBehalf ? $" (recorded on their behalf by {entry.EnteredBy}: {entry.Reason})" : string.Empty;
        var history = new HistoryEntry(0, reviewId, artefact, version, HistoryAction.SignedOff, entry.EnteredBy, signOff.At,
            $"{stakeholder.Name} {verb} {Describe(artefact.Kind)} version {version.ToString(CultureInfo.InvariantCulture)} ({stakeholder.Group}, {stakeholder.Role}){(reason is null ? string.Empty : ": " + reason)}{onBehalf}",
            [new FieldChange("decision", null, decision.ToString())]);
        _store.AddSignOff(signOff, history);
        return signOff;
    }

    private ConcurrencyConflictException SignedStale(Guid reviewId, ArtefactRef artefact, long version, StoredArtefact current)
    {
        var since = _store.History(reviewId, artefact).Where(h => h.Version > version && h.Action != HistoryAction.SignedOff).ToList();
        var read = version >= 1 ? _store.FindVersion(reviewId, artefact, version) : null;
        var differences = read is null ? [] : JsonDiff.Compare(read.Json, current.Json);
        return new ConcurrencyConflictException(artefact, version, current.Version, since, differences);
    }

    /// <summary>The user-facing name of an artefact kind, e.g. "implementation plan".</summary>
    public static string Describe(ArtefactKind kind) => kind switch
    {
        ArtefactKind.ImplementationPlan => "implementation plan",
        ArtefactKind.MonitoringPlan => "monitoring plan",
        ArtefactKind.MonitoringRun => "monitoring of the change",
        ArtefactKind.ChallengeQuestion => "question",
        ArtefactKind.ImprovementOption => "option",
        ArtefactKind.StepAssessment => "step assessment",
        ArtefactKind.QualityReview => "quality review",
        ArtefactKind.DataSource => "data source",
        ArtefactKind.UserAccount => "user account",
        ArtefactKind.QualitySample => "sample",
        ArtefactKind.QualityAnalysis => "feedback analysis",
        ArtefactKind.QualityFinding => "finding",
        ArtefactKind.QualityAction => "agreed action",
        ArtefactKind.AudienceBriefing => "briefing",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Every sign-off of a review, each marked stale (with why) when it no longer counts for its artefact as
    /// it is now (see <see cref="SignOffRounds"/>).</summary>
    public IReadOnlyList<SignOffState> SignOffs(Guid reviewId)
    {
        var all = _store.SignOffs(reviewId);
        var reasons = new Dictionary<Guid, string?>();
        foreach (var group in all.GroupBy(s => s.Artefact))
        {
            var decisions = group.ToList();
            var stale = SignOffRounds.StaleReasons(decisions, _store.Find(reviewId, group.Key)?.Hash, Describe(group.Key.Kind));
            for (int i = 0; i < decisions.Count; i++)
            {
                reasons[decisions[i].Id] = stale[i];
            }
        }

        return [.. all.Select(s => new SignOffState(s, reasons[s.Id] is not null, reasons[s.Id]))];
    }

    /// <summary>Whether the current version of an artefact is agreed (see <see cref="SignOffs.Agreement"/>): every
    /// accountable stakeholder's decision that still counts (<see cref="SignOffRounds"/>) is an approval, and no
    /// decision that counts is a rejection.</summary>
    public Agreement Agreement(Guid reviewId, ArtefactRef artefact)
    {
        var stored = _store.Find(reviewId, artefact);
        if (stored is null)
        {
            return new Agreement(false, $"There is no {artefact.Kind} yet.");
        }

        var accountable = List<Stakeholder>(reviewId).Where(s => s.Value.Role == RaciRole.Accountable).Select(s => s.Value).ToList();
        if (accountable.Count == 0)
        {
            return new Agreement(false, "No stakeholder is accountable for the review, so nobody can agree it.");
        }

        var decisions = _store.SignOffs(reviewId).Where(s => s.Artefact == artefact).ToList();
        var counting = SignOffRounds.Counting(decisions, stored.Hash, Describe(artefact.Kind)).ToDictionary(s => s.StakeholderId);
        var rejected = counting.Values.FirstOrDefault(s => s.Decision == SignOffDecision.Rejected);
        if (rejected is not null)
        {
            return new Agreement(false, $"{rejected.Name} rejected version {rejected.Version.ToString(CultureInfo.InvariantCulture)}: {rejected.Reason}");
        }

        var missing = accountable.Where(s => !counting.TryGetValue(s.Id, out var d) || d.Decision != SignOffDecision.Approved).Select(s => s.Name).ToList();
        if (missing.Count == 0)
        {
            return new Agreement(true, string.Empty);
        }

        var lastRejection = decisions.LastOrDefault(s => s.Decision == SignOffDecision.Rejected);
        string round = lastRejection is null ? string.Empty
            : $" (since {lastRejection.Name} rejected version {lastRejection.Version.ToString(CultureInfo.InvariantCulture)}, approvals given before that must be given again)";
        return new Agreement(false, $"Version {stored.Version.ToString(CultureInfo.InvariantCulture)} still needs the approval of {string.Join(", ", missing)}{round}.");
    }

    /// <summary>
    /// Records in the review's history that a report was made with its personal data left in: who made it, which report
    /// (audience and format) and the file name. The entry belongs to the review itself at its current version.
    /// </summary>
    /// <exception cref="ReviewRuleException">There is no such review.</exception>
    public HistoryEntry RecordReport(Guid reviewId, string report, string fileName, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var entry = _store.FindReview(reviewId) ?? throw new ReviewRuleException($"There is no review {reviewId}.");
        var artefact = new ArtefactRef(entry.Type == ReviewType.Quality ? ArtefactKind.QualityReview : ArtefactKind.Review, reviewId);
        long version = _store.Find(reviewId, artefact)?.Version ?? 1;
        var history = new HistoryEntry(0, reviewId, artefact, version, HistoryAction.Reported, by, Now,
            $"{by} made the {report} with personal data included ({fileName})",
            [new FieldChange("report", null, report), new FieldChange("file", null, fileName), new FieldChange("personal_data", null, "included")]);
        _store.AddHistory(history);
        return history;
    }

    /// <summary>The history of a review, or of one of its artefacts, oldest first.</summary>
    public IReadOnlyList<HistoryEntry> History(Guid reviewId, ArtefactRef? artefact = null) => _store.History(reviewId, artefact);

    /// <summary>
    /// Records an imported event log and stores it. The data source is immutable: importing a corrected file adds a
    /// new data source.
    /// </summary>
    /// <param name="reviewId">The review.</param>
    /// <param name="fileName">The file's name.</param>
    /// <param name="fileHash">The SHA-256 of the file's bytes.</param>
    /// <param name="log">The log read from it.</param>
    /// <param name="importOptionsJson">The options it was read with, as JSON.</param>
    /// <param name="rows">Rows read from the file.</param>
    /// <param name="by">Who imported it.</param>
    /// <param name="progress">Progress of storing the log, 0 to 1.</param>
    /// <param name="cancellationToken">Cancels the import; nothing is stored then.</param>
    public DataSource ImportEventLog(Guid reviewId, string fileName, ContentHash fileHash, EventLog log, string importOptionsJson, long rows, string by, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var source = NewSource(reviewId, DataSourceKind.EventLog, fileName, fileHash, importOptionsJson, rows, by) with { Cases = log.CaseCount, Records = log.EventCount };
        var history = ImportHistory(source, $"Imported event log {source.FileName}: {log.CaseCount.ToString(CultureInfo.InvariantCulture)} cases, {log.EventCount.ToString(CultureInfo.InvariantCulture)} events");
        _store.AddDataSource(source, log, history, progress, cancellationToken);
        return source;
    }

    /// <summary>Records an imported feedback file (survey results, complaints, QA scorecards).</summary>
    public DataSource ImportFeedback(Guid reviewId, string fileName, ContentHash fileHash, long rows, string importOptionsJson, string by)
    {
        var source = NewSource(reviewId, DataSourceKind.Feedback, fileName, fileHash, importOptionsJson, rows, by) with { Records = rows };
        _store.AddDataSource(source, null, ImportHistory(source, $"Imported feedback {source.FileName}: {rows.ToString(CultureInfo.InvariantCulture)} rows"));
        return source;
    }

    /// <summary>The data sources of a review.</summary>
    public IReadOnlyList<DataSource> DataSources(Guid reviewId) => _store.DataSources(reviewId);

    /// <summary>Loads a stored event log.</summary>
    public EventLog LoadEventLog(Guid dataSourceId, CancellationToken cancellationToken = default) => _store.LoadEventLog(dataSourceId, cancellationToken);

    /// <summary>
    /// The cases of a stored event log that lie inside the review's scope (every case when the review has no scope
    /// yet), so analyses run on exactly the agreed process.
    /// </summary>
    /// <exception cref="ReviewRuleException">The data source is not an event log of this review, or the scope names an
    /// activity or attribute the log does not have.</exception>
    public LogView ScopedView(Guid reviewId, Guid dataSourceId, CancellationToken cancellationToken = default)
    {
        var source = _store.DataSources(reviewId).FirstOrDefault(d => d.Id == dataSourceId);
        if (source is not { Kind: DataSourceKind.EventLog })
        {
            throw new ReviewRuleException($"Data source {dataSourceId} is not an event log of review {reviewId}.");
        }

        var log = _store.LoadEventLog(dataSourceId, cancellationToken);
        var scope = Find<Scope>(reviewId, reviewId)?.Value;
        if (scope is null)
        {
            return log.All;
        }

        try
        {
            return scope.Filter.ToCaseFilter().Apply(log.All);
        }
        catch (ArgumentException ex)
        {
            throw new ReviewRuleException($"The scope does not fit {source.FileName}: {ex.Message}");
        }
    }

    private DataSource NewSource(Guid reviewId, DataSourceKind kind, string fileName, ContentHash hash, string optionsJson, long rows, string by)
    {
        _ = _store.FindReview(reviewId) ?? throw new ReviewRuleException($"There is no review {reviewId}.");
        string options;
        try
        {
            options = string.IsNullOrWhiteSpace(optionsJson) ? "{}" : CanonicalJson.Canonicalize(System.Text.Json.Nodes.JsonNode.Parse(optionsJson));
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new ReviewRuleException($"The import options of {Path.GetFileName(fileName)} are not valid JSON: {ex.Message}");
        }

        return new DataSource
        {
            Id = _ids.Next(),
            ReviewId = reviewId,
            Kind = kind,
            FileName = fileName,
            ImportOptions = options,
            Rows = rows,
            ContentHash = hash,
            ImportedAt = Now,
            ImportedBy = by,
        };
    }

    private static HistoryEntry ImportHistory(DataSource source, string summary)
        => new(0, source.ReviewId, new ArtefactRef(ArtefactKind.DataSource, source.Id), 1, HistoryAction.Imported, source.ImportedBy, source.ImportedAt, summary,
            [new FieldChange("content_hash", null, source.ContentHash.Hex)]);

    private Versioned<T> Create<T>(Guid id, ReviewType type, T artefact, string by, ReviewMember? ownerMember)
        where T : IArtefact
    {
        var writes = new List<ArtefactWrite> { FirstWrite(id, artefact, by, $"Created {Label(id, artefact)}") };
        if (ownerMember is not null)
        {
            writes.Add(FirstWrite(id, ownerMember, by, $"Added {ownerMember.UserName} as {ownerMember.Role.ToString().ToLowerInvariant()}"));
        }

        _store.CreateReview(new ReviewEntry(id, type, Now), writes);
        return Get<T>(id, id);
    }

    private ArtefactWrite FirstWrite<T>(Guid reviewId, T artefact, string by, string summary)
        where T : IArtefact
    {
        string json = CanonicalJson.Serialize(artefact);
        var reference = new ArtefactRef(T.Kind, artefact.Id);
        return new ArtefactWrite(reviewId, reference, 0, json, CanonicalJson.Hash(json),
            new HistoryEntry(0, reviewId, reference, 1, HistoryAction.Created, Guard.Text(by, "Who"), Now, summary, JsonDiff.Compare(null, json)));
    }

    private Versioned<T> Write<T>(Guid reviewId, T artefact, long expectedVersion, string by, StoredArtefact? previous, string? summary, HistoryAction action)
        where T : IArtefact
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        string json = CanonicalJson.Serialize(artefact);
        var reference = new ArtefactRef(T.Kind, artefact.Id);
        var changes = JsonDiff.Compare(previous?.Json, json);
        if (action == HistoryAction.Changed && expectedVersion == 0)
        {
            action = HistoryAction.Created;
        }

        summary ??= action == HistoryAction.Created
            ? $"Created {Label(reviewId, artefact)}"
            : $"Changed {Label(reviewId, artefact)}: {string.Join(", ", changes.Select(c => c.Path))}";
        var history = new HistoryEntry(0, reviewId, reference, expectedVersion + 1, action, Guard.Text(by, "Who"), Now, summary, changes);
        var stored = _store.Save(new ArtefactWrite(reviewId, reference, expectedVersion, json, CanonicalJson.Hash(json), history));
        return Read<T>(stored);
    }

    private static Versioned<T> Read<T>(StoredArtefact stored)
        where T : IArtefact
        => new(CanonicalJson.Deserialize<T>(stored.Json, $"{stored.Artefact} version {stored.Version.ToString(CultureInfo.InvariantCulture)}"), stored.Version, stored.Hash, stored.ChangedBy, stored.ChangedAt);
}
