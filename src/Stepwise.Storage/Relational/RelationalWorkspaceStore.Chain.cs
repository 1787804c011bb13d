using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.History;

namespace Stepwise.Storage.Relational;

/// <summary>The hash chain through each review's history: verifying it, and linking history written before it existed.</summary>
public abstract partial class RelationalWorkspaceStore
{
    private const string LinkColumns = "seq, review_id, kind, artefact_id, version, action, changed_by, changed_at, summary, changes, previous_hash, entry_hash";

    /// <inheritdoc />
    public HistoryVerification VerifyHistory(Guid reviewId)
    {
        using var lease = Lease();
        var connection = lease.Connection;
        using var transaction = BeginRead(connection);
        List<StoredHistoryLink> links;
        using (var command = Command(connection, transaction, $"SELECT {LinkColumns} FROM history WHERE review_id = @r ORDER BY seq", ("r", Dialect.Id(reviewId))))
        {
            links = ReadAll(command, ReadLink);
        }

        var problems = new List<string>();
        using (var command = Command(connection, transaction,
            "SELECT v.kind, v.id, v.version FROM artefact_versions v WHERE v.review_id = @r AND NOT EXISTS " +
            "(SELECT 1 FROM history h WHERE h.review_id = v.review_id AND h.kind = v.kind AND h.artefact_id = v.id AND h.version = v.version AND h.action <> 'SignedOff') ORDER BY v.kind, v.id, v.version",
            ("r", Dialect.Id(reviewId))))
        {
            foreach (var (kind, id, version) in ReadAll(command, r => (r.GetString(0), Dialect.ReadId(r, 1), r.GetInt64(2))))
            {
                problems.Add($"{kind} {id:D} version {version.ToString(CultureInfo.InvariantCulture)} has no history entry.");
            }
        }

        foreach (var (table, action, what) in new[] { ("sign_offs", "SignedOff", "sign-offs"), ("data_sources", "Imported", "data sources") })
        {
            using var command = Command(connection, transaction,
                $"SELECT (SELECT COUNT(*) FROM {table} WHERE review_id = @r), (SELECT COUNT(*) FROM history WHERE review_id = @r AND action = '{action}')", ("r", Dialect.Id(reviewId)));
            using var reader = command.ExecuteReader();
            reader.Read();
            long rows = reader.GetInt64(0), entries = reader.GetInt64(1);
            if (rows != entries)
            {
                problems.Add($"The review has {rows.ToString(CultureInfo.InvariantCulture)} {what} but {entries.ToString(CultureInfo.InvariantCulture)} history entries recording them.");
            }
        }

        transaction.Commit();
        return HistoryChain.Verify(reviewId, links, problems);
    }

    // Links every entry written before the chain existed, review by review in the order written; run by the migration
    // that adds the chain, inside its transaction.
    private void BackfillHistoryChain(DbConnection connection, DbTransaction transaction)
    {
        List<(long Seq, StoredHistoryLink Link)> rows;
        using (var command = Command(connection, transaction, $"SELECT {LinkColumns} FROM history ORDER BY seq"))
        {
            rows = ReadAll(command, r => (r.GetInt64(0), ReadLink(r)));
        }

        var heads = new Dictionary<Guid, string>();
        foreach (var (seq, link) in rows)
        {
            string previous = heads.GetValueOrDefault(link.Entry.ReviewId, HistoryChain.Genesis);
            string hash = HistoryChain.Link(previous, link.Entry, link.ChangesJson);
            heads[link.Entry.ReviewId] = hash;
            using var update = Command(connection, transaction, "UPDATE history SET previous_hash = @p, entry_hash = @h WHERE seq = @s", ("p", previous), ("h", hash), ("s", seq));
            update.ExecuteNonQuery();
        }
    }

    private StoredHistoryLink ReadLink(DbDataReader r)
    {
        long seq = r.GetInt64(0);
        string? previous = r.IsDBNull(10) ? null : r.GetString(10);
        try
        {
            string changes = r.GetString(9);
            var entry = new HistoryEntry(
                seq,
                Dialect.ReadId(r, 1),
                new ArtefactRef(Enum.Parse<ArtefactKind>(r.GetString(2)), Dialect.ReadId(r, 3)),
                r.GetInt64(4),
                Enum.Parse<HistoryAction>(r.GetString(5)),
                r.GetString(6),
                Dialect.ReadTime(r, 7),
                r.GetString(8),
                ParseChanges(changes));
            return new StoredHistoryLink(entry, changes, previous, r.IsDBNull(11) ? null : r.GetString(11));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidCastException or OverflowException)
        {
            // A field no longer reads as what was written: the entry was changed, whatever its hash says.
            var unreadable = new HistoryEntry(seq, Guid.Empty, new ArtefactRef(ArtefactKind.Review, Guid.Empty), 0, HistoryAction.Changed, "?", default, "(an entry whose fields no longer read: " + ex.Message + ")", []);
            return new StoredHistoryLink(unreadable, string.Empty, previous, string.Empty);
        }
    }

    // A tampered entry may hold anything; the chain is checked on the text as stored, so unreadable changes do not
    // stop the check.
    private static List<FieldChange> ParseChanges(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<FieldChange>>(json, CanonicalJson.Options) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
