using Stepwise.Mining;
using Stepwise.Review.Access;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.Data;
using Stepwise.Review.History;
using Stepwise.Review.Jobs;
using Stepwise.Review.SignOffs;
using Stepwise.Review.Storage;

namespace Stepwise.Review.Testing;

/// <summary>
/// The storage port in memory, for tests of review rules and use cases that need no database: the same semantics as
/// the relational stores (versions kept, optimistic concurrency, append-only history and sign-offs, atomic imports,
/// unique user names without regard to case, jobs final once ended), proven by running the storage contract suite against it too. One lock
/// makes every method atomic.
/// </summary>
public sealed class InMemoryWorkspaceStore : IWorkspaceStore
{
    private readonly Lock _lock = new();
    private readonly List<ReviewEntry> _reviews = [];
    private readonly Dictionary<(Guid Review, ArtefactRef Artefact), List<StoredArtefact>> _versions = [];
    private readonly List<(Guid Review, ArtefactRef Artefact)> _order = [];
    private readonly List<HistoryEntry> _history = [];
    private readonly List<StoredHistoryLink> _links = [];
    private readonly List<SignOff> _signOffs = [];
    private readonly List<DataSource> _sources = [];
    private readonly Dictionary<Guid, EventLog> _logs = [];
    private readonly Dictionary<Guid, UserAccount> _users = [];
    private readonly List<ApiToken> _tokens = [];
    private readonly TransientJobStore _jobs = new();
    private long _seq;

    /// <inheritdoc />
    public int SchemaVersion => 4;

    /// <inheritdoc />
    public void CreateReview(ReviewEntry entry, IReadOnlyList<ArtefactWrite> artefacts)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(artefacts);
        ArgumentOutOfRangeException.ThrowIfZero(artefacts.Count);
        lock (_lock)
        {
            var taken = artefacts.FirstOrDefault(a => _versions.ContainsKey((a.ReviewId, a.Artefact)));
            if (_reviews.Any(r => r.Id == entry.Id) || taken is not null)
            {
                throw new ConcurrencyConflictException((taken ?? artefacts[0]).Artefact, 0, 1, []);
            }

            _reviews.Add(entry);
            foreach (var artefact in artefacts)
            {
                Append(artefact);
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<ReviewEntry> Reviews()
    {
        lock (_lock)
        {
            return [.. _reviews.OrderBy(r => r.CreatedAt)];
        }
    }

    /// <inheritdoc />
    public ReviewEntry? FindReview(Guid reviewId)
    {
        lock (_lock)
        {
            return _reviews.FirstOrDefault(r => r.Id == reviewId);
        }
    }

    /// <inheritdoc />
    public StoredArtefact? Find(Guid reviewId, ArtefactRef artefact)
    {
        lock (_lock)
        {
            return _versions.TryGetValue((reviewId, artefact), out var versions) ? versions[^1] : null;
        }
    }

    /// <inheritdoc />
    public StoredArtefact? FindVersion(Guid reviewId, ArtefactRef artefact, long version)
    {
        lock (_lock)
        {
            return _versions.TryGetValue((reviewId, artefact), out var versions) ? versions.FirstOrDefault(v => v.Version == version) : null;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredArtefact> List(Guid reviewId, ArtefactKind kind)
    {
        lock (_lock)
        {
            return [.. _order.Where(k => k.Review == reviewId && k.Artefact.Kind == kind).Select(k => _versions[k][^1])];
        }
    }

    /// <inheritdoc />
    public StoredArtefact Save(ArtefactWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        lock (_lock)
        {
            if (_reviews.All(r => r.Id != write.ReviewId))
            {
                throw new InvalidOperationException($"There is no review {write.ReviewId}.");
            }

            _versions.TryGetValue((write.ReviewId, write.Artefact), out var versions);
            long current = versions?[^1].Version ?? 0;
            if (current != write.ExpectedVersion)
            {
                var since = _history.Where(h => h.ReviewId == write.ReviewId && h.Artefact == write.Artefact && h.Version > write.ExpectedVersion && h.Action != HistoryAction.SignedOff).ToList();
                throw new ConcurrencyConflictException(write.Artefact, write.ExpectedVersion, current, since);
            }

            return Append(write);
        }
    }

    /// <inheritdoc />
    public void AddSignOff(SignOff signOff, HistoryEntry history)
    {
        ArgumentNullException.ThrowIfNull(signOff);
        ArgumentNullException.ThrowIfNull(history);
        lock (_lock)
        {
            var current = _versions.TryGetValue((signOff.ReviewId, signOff.Artefact), out var versions) ? versions[^1] : null;
            if (current is null || current.Version != signOff.Version || current.Hash != signOff.ContentHash)
            {
                var since = _history.Where(h => h.ReviewId == signOff.ReviewId && h.Artefact == signOff.Artefact && h.Version > signOff.Version && h.Action != HistoryAction.SignedOff).ToList();
                throw new ConcurrencyConflictException(signOff.Artefact, signOff.Version, current?.Version ?? 0, since);
            }

            _signOffs.Add(signOff);
            AppendHistory(history);
        }
    }

    /// <inheritdoc />
    public void AddHistory(HistoryEntry history)
    {
        ArgumentNullException.ThrowIfNull(history);
        lock (_lock)
        {
            _ = FindReview(history.ReviewId) ?? throw new InvalidOperationException($"There is no review {history.ReviewId}.");
            AppendHistory(history);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<SignOff> SignOffs(Guid reviewId)
    {
        lock (_lock)
        {
            return [.. _signOffs.Where(s => s.ReviewId == reviewId)];
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<HistoryEntry> History(Guid reviewId, ArtefactRef? artefact = null)
    {
        lock (_lock)
        {
            return [.. _history.Where(h => h.ReviewId == reviewId && (artefact is null || h.Artefact == artefact))];
        }
    }

    /// <inheritdoc />
    public void AddDataSource(DataSource source, EventLog? log, HistoryEntry history, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(history);
        if ((source.Kind == DataSourceKind.EventLog) != (log is not null))
        {
            throw new ArgumentException("An event-log data source needs its log, and only an event-log data source has one.", nameof(log));
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_reviews.All(r => r.Id != source.ReviewId) || _sources.Any(s => s.Id == source.Id))
            {
                throw new InvalidOperationException($"Data source {source.Id} cannot be added to review {source.ReviewId}.");
            }

            _sources.Add(source);
            if (log is not null)
            {
                _logs[source.Id] = log;
            }

            AppendHistory(history);
        }

        progress?.Report(1);
    }

    /// <inheritdoc />
    public IReadOnlyList<DataSource> DataSources(Guid reviewId)
    {
        lock (_lock)
        {
            return [.. _sources.Where(s => s.ReviewId == reviewId)];
        }
    }

    /// <inheritdoc />
    public EventLog LoadEventLog(Guid dataSourceId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return _logs.TryGetValue(dataSourceId, out var log) ? log : throw new KeyNotFoundException($"No event log is stored for data source {dataSourceId}.");
        }
    }

    /// <inheritdoc />
    public void RestoreReview(ReviewSnapshot snapshot, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_reviews.Any(r => r.Id == snapshot.Entry.Id))
            {
                throw new ConcurrencyConflictException(new ArtefactRef(ArtefactKind.Review, snapshot.Entry.Id), 0, 1, []);
            }

            var missing = snapshot.DataSources.FirstOrDefault(d => d.Kind == DataSourceKind.EventLog && !snapshot.Logs.ContainsKey(d.Id));
            if (missing is not null || snapshot.DataSources.Any(d => _sources.Any(s => s.Id == d.Id)))
            {
                throw new ArgumentException($"Data source {(missing ?? snapshot.DataSources[0]).FileName} cannot be restored.", nameof(snapshot));
            }

            _reviews.Add(snapshot.Entry);
            foreach (var v in snapshot.Versions)
            {
                var key = (v.ReviewId, v.Artefact);
                if (!_versions.TryGetValue(key, out var versions))
                {
                    versions = [];
                    _versions[key] = versions;
                    _order.Add(key);
                }

                versions.Add(v);
            }

            foreach (var entry in snapshot.History)
            {
                AppendHistory(entry);
            }

            _signOffs.AddRange(snapshot.SignOffs);
            foreach (var source in snapshot.DataSources)
            {
                _sources.Add(source);
                if (snapshot.Logs.TryGetValue(source.Id, out var log))
                {
                    _logs[source.Id] = log;
                }
            }
        }

        progress?.Report(1);
    }

    /// <inheritdoc />
    public WorkspaceCheck Check() => new(SchemaVersion, []);

    /// <inheritdoc />
    public HistoryVerification VerifyHistory(Guid reviewId)
    {
        lock (_lock)
        {
            return HistoryChain.Verify(reviewId, [.. _links.Where(l => l.Entry.ReviewId == reviewId)], []);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<UserAccount> Users()
    {
        lock (_lock)
        {
            return [.. _users.Values.OrderBy(u => UserNames.Key(u.Name), StringComparer.Ordinal)];
        }
    }

    /// <inheritdoc />
    public UserAccount? FindUser(Guid id)
    {
        lock (_lock)
        {
            return _users.GetValueOrDefault(id);
        }
    }

    /// <inheritdoc />
    public UserAccount? FindUserByName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string key = name.Trim().ToUpperInvariant();
        lock (_lock)
        {
            return _users.Values.FirstOrDefault(u => UserNames.Key(u.Name) == key);
        }
    }

    /// <inheritdoc />
    public UserAccount SaveUser(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_lock)
        {
            long current = _users.TryGetValue(user.Id, out var stored) ? stored.Version : 0;
            if (current != user.Version)
            {
                throw new ConcurrencyConflictException(new ArtefactRef(ArtefactKind.UserAccount, user.Id), user.Version, current, []);
            }

            string key = UserNames.Key(user.Name);
            if (_users.Values.Any(u => u.Id != user.Id && (UserNames.Key(u.Name) == key || (user.ExternalLogin is not null && u.ExternalLogin == user.ExternalLogin))))
            {
                throw new ReviewRuleException($"The user name '{user.Name}' (or that external sign-in) is already taken; choose another.");
            }

            var saved = user with { Version = current + 1 };
            _users[user.Id] = saved;
            return saved;
        }
    }

    /// <inheritdoc />
    public void AddToken(ApiToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        lock (_lock)
        {
            if (!_users.ContainsKey(token.UserId) || _tokens.Any(t => t.Id == token.Id || t.SecretHash == token.SecretHash))
            {
                throw new InvalidOperationException($"Token {token.Id} cannot be added.");
            }

            _tokens.Add(token);
        }
    }

    /// <inheritdoc />
    public ApiToken? FindToken(string secretHash)
    {
        lock (_lock)
        {
            return _tokens.FirstOrDefault(t => t.SecretHash == secretHash);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<ApiToken> Tokens(Guid? userId)
    {
        lock (_lock)
        {
            return [.. Enumerable.Reverse(_tokens).Where(t => userId is null || t.UserId == userId).OrderByDescending(t => t.CreatedAt)];
        }
    }

    /// <inheritdoc />
    public bool RevokeToken(Guid tokenId, DateTimeOffset at)
    {
        lock (_lock)
        {
            int index = _tokens.FindIndex(t => t.Id == tokenId);
            if (index < 0)
            {
                return false;
            }

            _tokens[index] = _tokens[index] with { RevokedAt = _tokens[index].RevokedAt ?? at };
            return true;
        }
    }

    /// <inheritdoc />
    public void AddJob(JobRecord job) => _jobs.AddJob(job);

    /// <inheritdoc />
    public bool UpdateJob(JobRecord job) => _jobs.UpdateJob(job);

    /// <inheritdoc />
    public JobRecord? FindJob(Guid id) => _jobs.FindJob(id);

    /// <inheritdoc />
    public IReadOnlyList<JobRecord> Jobs(Guid? ownerId = null, Guid? reviewId = null) => _jobs.Jobs(ownerId, reviewId);

    /// <inheritdoc />
    public int InterruptJobs(Guid runner, DateTimeOffset at, string problemJson) => _jobs.InterruptJobs(runner, at, problemJson);

    /// <inheritdoc />
    public int DeleteJobs(DateTimeOffset finishedBefore) => _jobs.DeleteJobs(finishedBefore);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private StoredArtefact Append(ArtefactWrite write)
    {
        var key = (write.ReviewId, write.Artefact);
        if (!_versions.TryGetValue(key, out var versions))
        {
            versions = [];
            _versions[key] = versions;
            _order.Add(key);
        }

        var stored = new StoredArtefact(write.ReviewId, write.Artefact, write.ExpectedVersion + 1, write.Hash, write.Json, write.History.By, write.History.At);
        versions.Add(stored);
        AppendHistory(write.History with { Version = stored.Version });
        return stored;
    }

    private void AppendHistory(HistoryEntry entry)
    {
        entry = entry with { Sequence = ++_seq, At = HistoryChain.Normalize(entry.At) };
        string changes = System.Text.Json.JsonSerializer.Serialize(entry.Changes, Common.CanonicalJson.Options);
        string previous = _links.LastOrDefault(l => l.Entry.ReviewId == entry.ReviewId)?.Hash ?? HistoryChain.Genesis;
        _history.Add(entry);
        _links.Add(new StoredHistoryLink(entry, changes, previous, HistoryChain.Link(previous, entry, changes)));
    }
}
