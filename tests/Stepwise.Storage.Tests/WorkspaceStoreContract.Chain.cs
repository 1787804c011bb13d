using System.Globalization;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.History;
using Stepwise.Review.Scoping;
using Stepwise.Review.SignOffs;
using Stepwise.Review.Workspaces;
using Stepwise.Storage.Testing;

namespace Stepwise.Storage.Tests;

/// <summary>The history is tamper-evident: a hash chain per review, recomputed by VerifyHistory.</summary>
public abstract partial class WorkspaceStoreContract
{
    [SkippableFact]
    public void VerifyHistory_UntouchedReview_IntactWithEveryEntryCheckedAndAHead()
    {
        var ws = OpenWorkspace();
        var (id, _) = BusyReview(ws);
        OpenWorkspace(new SequentialIds(5000)).CreateReview("Another review", "lead", [], "lead"); // chains are per review

        var check = OpenStore().VerifyHistory(id);

        Assert.True(check.IsIntact, check.FirstBreak?.Problem + string.Join("; ", check.Problems));
        Assert.Equal(ws.History(id).Count, check.Entries);
        Assert.Matches("^[0-9a-f]{64}$", check.Head);
        // The head is a pure function of the entries: recomputed here from the history as read, independently of the store.
        string expected = HistoryChain.Genesis;
        foreach (var entry in ws.History(id))
        {
            expected = HistoryChain.Link(expected, entry, System.Text.Json.JsonSerializer.Serialize(entry.Changes, CanonicalJson.Options));
        }

        Assert.Equal(expected, check.Head);
    }

    [SkippableFact]
    public void VerifyHistory_EntryRewrittenBehindTheStoresBack_NamesThatEntry()
    {
        var ws = OpenWorkspace();
        var (id, _) = BusyReview(ws);
        var target = ws.History(id)[3];

        ExecuteBehindTriggers($"UPDATE history SET summary = 'Nothing happened here' WHERE seq = {target.Sequence.ToString(CultureInfo.InvariantCulture)}");

        var check = OpenStore().VerifyHistory(id);
        Assert.False(check.IsIntact);
        Assert.Equal(target.Sequence, check.FirstBreak!.Entry.Sequence);
        Assert.Contains("does not match its hash", check.FirstBreak.Problem);
        Assert.Null(check.Head);
    }

    [SkippableFact]
    public void VerifyHistory_AuthorOfASignOffChanged_NamesThatEntry()
    {
        var ws = OpenWorkspace();
        var (id, _) = BusyReview(ws);
        var signed = ws.History(id).Single(h => h.Action == HistoryAction.SignedOff);

        ExecuteBehindTriggers($"UPDATE history SET changed_by = 'someone else' WHERE seq = {signed.Sequence.ToString(CultureInfo.InvariantCulture)}");

        var check = OpenStore().VerifyHistory(id);
        Assert.Equal(signed.Sequence, check.FirstBreak!.Entry.Sequence);
        Assert.Equal("someone else", check.FirstBreak.Entry.By);
    }

    [SkippableFact]
    public void VerifyHistory_EntryDeleted_NamesTheEntryAfterTheGapAndTheVersionWithoutHistory()
    {
        var ws = OpenWorkspace();
        var (id, _) = BusyReview(ws);
        var history = ws.History(id);
        var removed = history[2];

        ExecuteBehindTriggers($"DELETE FROM history WHERE seq = {removed.Sequence.ToString(CultureInfo.InvariantCulture)}");

        var check = OpenStore().VerifyHistory(id);
        Assert.Equal(history[3].Sequence, check.FirstBreak!.Entry.Sequence);
        Assert.Contains("does not follow the entry before it", check.FirstBreak.Problem);
        Assert.Contains(check.Problems, p => p.Contains(removed.Artefact.Id.ToString("D"), StringComparison.Ordinal) && p.Contains("has no history entry", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void VerifyHistory_LastSignOffEntryDeleted_ReportedThoughTheChainBeforeItHolds()
    {
        var ws = OpenWorkspace();
        var (id, _) = BusyReview(ws);
        var last = ws.History(id)[^1];
        Assert.Equal(HistoryAction.SignedOff, last.Action);

        ExecuteBehindTriggers($"DELETE FROM history WHERE seq = {last.Sequence.ToString(CultureInfo.InvariantCulture)}");

        var check = OpenStore().VerifyHistory(id);
        Assert.Null(check.FirstBreak);
        Assert.Contains(check.Problems, p => p.Contains("1 sign-offs but 0 history entries", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Migrate_HistoryWrittenBeforeTheChain_LinkedWithTheSameHashesAsNewEntries()
    {
        var ws = OpenWorkspace();
        var (id, _) = BusyReview(ws);
        var before = OpenStore().VerifyHistory(id);

        // Take the workspace back to schema 2, as a workspace written by an earlier Stepwise is.
        ExecuteBehindTriggers("DROP TABLE jobs; DROP INDEX history_chain; ALTER TABLE history DROP COLUMN previous_hash; ALTER TABLE history DROP COLUMN entry_hash; DELETE FROM schema_migrations WHERE version >= 3");

        var reopened = OpenStore();
        Assert.Equal(4, reopened.SchemaVersion);
        var after = reopened.VerifyHistory(id);
        Assert.True(after.IsIntact, after.FirstBreak?.Problem);
        Assert.Equal(before.Head, after.Head);
        Assert.Contains("append-only", Assert.ThrowsAny<System.Data.Common.DbException>(() => ExecuteRaw("UPDATE history SET summary = summary")).Message);
    }

    [SkippableFact]
    public void VerifyHistory_ManyWritersOnOneReview_ChainStaysLinear()
    {
        var ws = OpenWorkspace();
        var review = ws.CreateReview("Busy", "lead", [], "lead");
        Guid id = review.Value.Id;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, writer =>
        {
            var mine = OpenWorkspace(new SequentialIds(10_000 * (writer + 1)));
            var step = mine.Save(id, new Review.Steps.Step { Id = mine.NewId(), Name = $"Step {writer}" }, 0, $"writer {writer}");
            for (int i = 0; i < 5; i++)
            {
                step = mine.Save(id, step.Value with { Name = $"Step {writer}.{i}" }, step.Version, $"writer {writer}");
            }
        });

        var check = OpenStore().VerifyHistory(id);
        Assert.True(check.IsIntact, check.FirstBreak?.Problem);
        Assert.Equal(1 + (8 * 6), check.Entries);
    }

    private (Guid ReviewId, Guid Sponsor) BusyReview(Workspace ws)
    {
        var (id, sponsor) = ReviewWithSponsor(ws);
        Clock.Advance(TimeSpan.FromTicks(12_345_678)); // not a whole microsecond: the chain hashes what the store keeps
        var scope = ws.Save(id, new Scope { Id = id, InScope = ["Incidents \"raised\" by phone — café"] }, 0, "lead");
        Clock.Advance(TimeSpan.FromMinutes(3));
        scope = ws.Save(id, scope.Value with { OutOfScope = ["Walk-ins"] }, scope.Version, "analyst");
        ws.ImportEventLog(id, "t.csv", ContentHash.Of("t"u8), SyntheticLog.Create(20, seed: 3), "{}", 20, "lead");
        ws.SignOff(id, new ArtefactRef(ArtefactKind.Scope, id), scope.Version, sponsor, SignOffDecision.Approved, null, SignOffEntry.Own("sam", null));
        return (id, sponsor);
    }
}
